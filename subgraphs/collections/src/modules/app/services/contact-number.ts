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
const isMasked = (phone: string) => phone.includes('*');

async function candidates(ctx: CollectionsContext, found: CollectionCase): Promise<{ own: ContactTarget; contacts: Array<ContactTarget & { id: number }> }> {
  const rows = await ctx.em.find(CaseContact, { caseId: found.id }, { orderBy: { id: 'asc' } });
  return { own: { phone: found.mobile, person: '本人' }, contacts: rows.map((c) => ({ id: c.id, phone: c.phoneNumber, person: c.relationship ?? null })) };
}

/** The case's number a text names: in full, or masked as the app shows it. */
function matching(all: ContactTarget[], wanted: string): ContactTarget | undefined {
  const text = wanted.trim();
  return isMasked(text) ? all.find((c) => maskMobile(c.phone) === text) : all.find((c) => digits(c.phone) === digits(text));
}

/**
 * A number a collector recorded a contact with: a masked one (all the app shows) is resolved to the case's number it
 * masks, or refused naming `field`; a full one is kept as given (a number the debtor gave on the phone).
 */
export async function caseNumber(ctx: CollectionsContext, found: CollectionCase, phone: string, field: string): Promise<string> {
  if (!isMasked(phone)) return phone;
  const { own, contacts } = await candidates(ctx, found);
  const match = matching([own, ...contacts], phone);
  if (!match) throw badInput(field, `${field} must be one of the case’s numbers`);
  return match.phone;
}

/**
 * The number a collector means to reach, resolved on the server so the app never needs the unmasked one: `contactId`
 * (one of the detail's emergency contacts), else `phoneNumber` as the app shows it (masked, `+63-917-***-**11`) or in
 * full, matched against the case's own numbers only, else the debtor's mobile. Anything else is BAD_USER_INPUT.
 */
export async function contactTarget(
  ctx: CollectionsContext,
  found: CollectionCase,
  input: { contactId?: string | null; phoneNumber?: string | null },
): Promise<ContactTarget> {
  const { own, contacts } = await candidates(ctx, found);
  if (input.contactId) {
    const contact = contacts.find((c) => String(c.id) === input.contactId);
    if (!contact) throw badInput('contactId', 'contactId must be one of the case’s contacts');
    return contact;
  }
  if (!input.phoneNumber) return own;
  const match = matching([own, ...contacts], input.phoneNumber);
  if (!match) throw badInput('phoneNumber', 'phoneNumber must be one of the case’s numbers (as the case shows it)');
  return match;
}
