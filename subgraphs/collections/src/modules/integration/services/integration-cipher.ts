import type { CipherPurpose } from '@platform/kit';

/** The key collections keeps tenants' outbound secrets under (its own HKDF labels on the shared CREDENTIALS_KEY). */
export const INTEGRATION_SECRET_CIPHER: CipherPurpose = { salt: 'platform-collections', info: 'integration-outbound-secret' };
