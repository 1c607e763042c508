import { isoLocal } from '@platform/kit';
import { asDate } from '../../framework/family';
import { codeEnvelopeFamily } from '../shared/code-envelope';
import { CCO_MESSAGES } from '../cco-admin/cco-admin.family';

/** CCO partner pushes (`/api/v1/webhook`): the CCO envelope, times ISO 8601 without zone (`2025-11-20T08:00:05`). */
export const ccoPartner = codeEnvelopeFamily({
  id: 'cco-partner',
  title: 'CCO partner interfaces',
  messages: CCO_MESSAGES,
  time: (value, zone) => isoLocal(asDate(value), zone),
  dataAlways: false,
});
