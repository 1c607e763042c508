import { badInput } from '@platform/kit';
import { compareVersions, VERSION, type AppReleaseConfig } from './app-release.config';

export const APP_PLATFORMS = ['ios', 'android'] as const;
export type AppPlatform = (typeof APP_PLATFORMS)[number];

export interface AppVersionCheck {
  latestVersion: string;
  currentVersion: string;
  hasUpdate: boolean;
  isForceUpdate: boolean;
  updateUrl: string | null;
  updateNotes: string;
}

/** Whether an app at `current` should update (older than the latest) and must (older than the minimum). */
export function checkAppVersion(release: AppReleaseConfig, platform: AppPlatform, current: string): AppVersionCheck {
  if (!VERSION.test(current)) throw badInput('currentVersion', 'currentVersion must be a version like 1.2.3');
  const hasUpdate = compareVersions(current, release.APP_LATEST_VERSION) < 0;
  return {
    latestVersion: release.APP_LATEST_VERSION,
    currentVersion: current,
    hasUpdate,
    isForceUpdate: compareVersions(current, release.APP_MIN_VERSION) < 0,
    updateUrl: (platform === 'ios' ? release.APP_UPDATE_URL_IOS : release.APP_UPDATE_URL_ANDROID) ?? null,
    updateNotes: hasUpdate ? release.APP_UPDATE_NOTES : '',
  };
}
