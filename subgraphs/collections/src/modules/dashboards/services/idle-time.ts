import type { TimeRange } from './local-day';

/**
 * Idle minutes in a working window: the sum of the gaps between consecutive activities (the window's start and end
 * count as activities) that last longer than `thresholdMinutes`; each such gap counts whole, shorter ones not at all.
 * A collector with no activity is idle for the whole window. Only the part of the window before `now` counts.
 */
export function idleMinutes(window: TimeRange, activities: readonly Date[], thresholdMinutes: number, now = new Date()): number {
  const end = Math.min(window.to.getTime(), now.getTime());
  const start = window.from.getTime();
  if (end <= start) return 0;
  const inside = activities.map((a) => a.getTime()).filter((t) => t > start && t < end).sort((a, b) => a - b);
  const points = [start, ...inside, end];
  let idle = 0;
  for (let i = 1; i < points.length; i++) {
    const gap = points[i] - points[i - 1];
    if (gap > thresholdMinutes * 60_000) idle += gap;
  }
  return Math.floor(idle / 60_000);
}
