import type { BusEvent } from '../events';

/** Which of an owner's topics make an entity known, and which remove it. */
export interface ForeignRefSource {
  entity: string;
  present: string[];
  gone: string[];
  /** The entity's id in the event; default its aggregateId. */
  idOf?(event: BusEvent): string | null;
}

/**
 * identity's users, as identity announces them (services/identity.events.ts). Seeded accounts are created through
 * the same path, so they are announced too.
 */
export const USER_REFS: ForeignRefSource = {
  entity: 'User',
  present: ['user.created'],
  gone: ['user.deleted'],
};
