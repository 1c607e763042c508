import { badInput } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CaseContact } from '../../cases/entities/case-contact.entity';
import type { CollectionCase } from '../../cases/entities/collection-case.entity';
import { maskMobile } from '../../cases/services/personal-data.mask';

export interface ContactTarget {
  /** The number as stored (unmasked): for the provider only. */
  phone: string;
  /** 本人 for the debtor's own numbers, else the contact's relationship. */
  person: string | null;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * The number a collector means, resolved on the server so the app never needs the unmasked one: `contactId` (an
 * emergency contact of the detail), else `phoneNumber` as the app shows it (masked, `+63-917-***-**11`) or in full,
 * matched against the case's own numbers only, else the debtor's mobile. A number not on the case is BAD_USER_INPUT.
 */
export async function contactTarget(
  ctx: CollectionsContext,
  found: CollectionCase,
  input: { contactId?: string | null; phoneNumber?: string | null },
): Promise<ContactTarget> {
  const contacts = await ctx.em.find(CaseContact, { caseId: found.id }, { orderBy: { id: 'asc' } });
  if (input.contactId) {
    const contact = contacts.find((c) => String(c.id) === input.contactId);
    if (!contact) throw badInput('contactId', 'contactId must be one of the case’s contacts');
    return { phone: contact.phoneNumber, person: contact.relationship ?? null };
  }
  const own = { phone: found.mobile, person: '本人' };
  if (!input.phoneNumber) return own;
  const candidates: ContactTarget[] = [own, ...contacts.map((c) => ({ phone: c.phoneNumber, person: c.relationship ?? null }))];
  const wanted = input.phoneNumber.trim();
  const match =
    candidates.find((c) => digits(c.phone) === digits(wanted) && !wanted.includes('*')) ??
    candidates.find((c) => maskMobile(c.phone) === wanted);
  if (!match) throw badInput('phoneNumber', 'phoneNumber must be one of the case’s numbers (as the case shows it)');
  return match;
}
