/** Where the leads services read "now": tests fix it (reminders at a known hour, statistics at known days). */
export interface Clock {
  now(): Date;
}

export const systemClock = (): Clock => ({ now: () => new Date() });
