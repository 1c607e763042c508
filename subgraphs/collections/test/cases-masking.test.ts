import { BASE_ROLES, CCO_ROLES } from '@platform/testkit';
import {
  canSeePersonalData,
  maskAddress,
  maskBankAccount,
  maskEmail,
  maskIdNumber,
  maskMobile,
} from '../src/modules/cases/services/personal-data.mask';

describe('personal data masking (CCO documents’ examples)', () => {
  it('masks a mobile as +63-917-***-**11, whatever its grouping', () => {
    expect(maskMobile('+63-917-111-1111')).toBe('+63-917-***-**11');
    expect(maskMobile('+86 138 0013 8000')).toBe('+86 138 **** **00');
    expect(maskMobile('+639171234567')).toBe('+6391******67');
  });

  it('masks an ID number as ID***456, a bank account as ****1234, an address partly, an e-mail', () => {
    expect(maskIdNumber('ID123456')).toBe('ID***456');
    expect(maskIdNumber('ID123456789')).toBe('ID***789');
    expect(maskIdNumber('1234')).toBe('***4');
    expect(maskBankAccount('6222021234')).toBe('****1234');
    expect(maskAddress('马尼拉市中心区')).toBe('马尼拉市***');
    expect(maskAddress('123 Rizal Avenue, Santa Cruz, Manila')).toBe('123 Rizal ***');
    expect(maskEmail('user001@example.com')).toBe('u***@example.com');
  });

  it('only callers holding cases:view_sensitive (admins hold *) see it unmasked', () => {
    expect(canSeePersonalData(BASE_ROLES.TenantAdmin({ tenantId: '1', userId: '2' }))).toBe(true);
    expect(canSeePersonalData(BASE_ROLES.SuperAdmin({ tenantId: '1', userId: '1' }))).toBe(true);
    expect(canSeePersonalData(CCO_ROLES.AgencyAdmin({ tenantId: '1', userId: '3' }))).toBe(false);
    expect(canSeePersonalData(CCO_ROLES.TeamLeader({ tenantId: '1', userId: '4' }))).toBe(false);
    expect(canSeePersonalData({ ...CCO_ROLES.TeamLeader({ tenantId: '1', userId: '4' }), permissions: ['cases:view', 'cases:view_sensitive'] })).toBe(true);
    expect(canSeePersonalData(null)).toBe(false);
  });
});
