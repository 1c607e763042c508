import { z } from 'zod';

/** `major.minor.patch`, as the app reports its own version. */
export const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
const version = (fallback: string) => z.string().regex(VERSION, 'must be a version like 1.2.3').default(fallback);
const link = z.url({ protocol: /^https?$/ }).optional();

/**
 * The collector app's release, per deployment: the newest version and the oldest one still allowed (older ones must
 * update), where each platform downloads it and what changed.
 */
export const appReleaseShape = {
  APP_LATEST_VERSION: version('1.0.0'),
  APP_MIN_VERSION: version('1.0.0'),
  APP_UPDATE_URL_IOS: link,
  APP_UPDATE_URL_ANDROID: link,
  APP_UPDATE_NOTES: z.string().max(2000).default(''),
};

export type AppReleaseConfig = z.output<z.ZodObject<typeof appReleaseShape>>;

/** `a` compared with `b` (negative, 0, positive), part by part as numbers. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** The minimum version cannot be newer than the latest one: every app would be told to update to an older one. */
export function appReleaseGuard(cfg: AppReleaseConfig, ctx: z.RefinementCtx): void {
  if (compareVersions(cfg.APP_MIN_VERSION, cfg.APP_LATEST_VERSION) > 0) {
    ctx.addIssue({ code: 'custom', path: ['APP_MIN_VERSION'], message: 'must not be newer than APP_LATEST_VERSION' });
  }
}
