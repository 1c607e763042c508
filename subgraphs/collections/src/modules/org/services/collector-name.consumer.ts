import type { EventConsumer } from '@platform/kit';
import { Collector } from '../entities/collector.entity';

interface UserUpdated {
  userId: number;
  fullName?: string | null;
}

/**
 * Keeps the profile's copy of the account's name (lists show it without a call to identity) in step with
 * identity's `user.updated`. An account without a name leaves the profile's as it is.
 */
export const collectorNameConsumer: EventConsumer = {
  name: 'org.collector-name',
  topics: ['user.updated'],
  async handle(event, em) {
    const { userId, fullName } = event.payload as UserUpdated;
    if (!fullName) return;
    await em.nativeUpdate(Collector, { userId: String(userId), collectorName: { $ne: fullName } }, { collectorName: fullName });
  },
};
