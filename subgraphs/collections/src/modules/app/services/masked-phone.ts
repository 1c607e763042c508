import type { CollectionsContext } from '../../../collections.context';
import type { CollectionCase } from '../../cases/entities/collection-case.entity';
import { personalField } from '../../cases/services/personal-data.audit';
import { maskMobile } from '../../cases/services/personal-data.mask';

/**
 * A number of a case's record (a contact's, a communication's) masked as the case's own mobile is, unless the caller may
 * see personal data; an unmasked read is audited against the case, with the case's other fields.
 */
export const casePhone = (ctx: CollectionsContext, row: { tenantId: number; caseId: number }, phone: string | null | undefined) =>
  personalField(ctx, { id: row.caseId, tenantId: row.tenantId } as CollectionCase, phone, maskMobile);
