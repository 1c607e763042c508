import { maskAccount, maskAddress, maskEmail, maskIdNumber, maskMobile } from '../src/modules/reports/services/personal-data';

describe('personal data masks (decisions.md § CCO)', () => {
  it('as the documents show them', () => {
    expect(maskMobile('+63-917-111-1111')).toBe('+63-917-***-**11');
    expect(maskMobile('09171234567')).toBe('09171****67');
    expect(maskIdNumber('ID123456')).toBe('ID***456');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskAccount('6222021234561234')).toBe('****1234');
    expect(maskEmail('chen.daming@example.com')).toBe('c***@example.com');
    expect(maskEmail('nobody')).toBe('***');
    expect(maskAddress('马尼拉市马卡蒂区阿亚拉大道6789号')).toBe('马尼拉市马卡***');
  });
});
