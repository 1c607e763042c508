import { registerEnumType } from 'type-graphql';

/** The CCO console's priorities (`low`, `medium`, `high`), plus `urgent` for the kit's notices. */
export enum NotificationPriority {
  low = 'low',
  medium = 'medium',
  high = 'high',
  urgent = 'urgent',
}

registerEnumType(NotificationPriority, { name: 'NotificationPriority' });

/** The kit's NoticeRequest priorities (`LOW` … `URGENT`, `NORMAL` for medium) in activity's terms. */
export function priorityOf(value: string | null | undefined): NotificationPriority | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'normal') return NotificationPriority.medium;
  return (Object.values(NotificationPriority) as string[]).includes(lower) ? (lower as NotificationPriority) : undefined;
}
