import { localDateTime } from '@platform/kit';
import { asDate } from '../../framework/family';
import { codeEnvelopeFamily } from '../shared/code-envelope';
import { CCO_MESSAGES } from '../cco-admin/cco-admin.family';

/** CCO collector app (`/api/v1/im`): the CCO envelope and lists, `YYYY-MM-DD HH:mm:ss`. */
export const ccoIm = codeEnvelopeFamily({
  id: 'cco-im',
  title: 'CCO collector app',
  messages: CCO_MESSAGES,
  time: (value, zone) => localDateTime(asDate(value), zone),
  dataAlways: false,
});
