import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { DomainError } from '../errors';

/**
 * Flushes; a unique index tripped by a concurrent writer (after our own check passed) becomes the same
 * CONFLICT the check would have answered.
 */
export async function flushOrConflict(em: EntityManager, conflict: () => DomainError): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      em.clear();
      throw conflict();
    }
    throw error;
  }
}
