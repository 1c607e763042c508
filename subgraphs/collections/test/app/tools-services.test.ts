import { Decimal } from '@platform/kit';
import { loadCollectionsConfig } from '@platform/collections';
import { quoteRepayment } from '../../src/modules/tools/services/repayment-calculator';
import { checkAppVersion } from '../../src/modules/tools/services/app-version';

const d = (v: string) => new Decimal(v);
const fixed = (q: Record<string, Decimal>) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.toFixed(2)]));

describe('quoteRepayment (decisions.md § CCO)', () => {
  it('the document’s example and the cap', () => {
    expect(fixed({ ...quoteRepayment({ principal: d('5000'), interestRate: d('0.15'), days: 15, penaltyRate: d('0.05') }, 0.15) })).toEqual({
      principal: '5000.00',
      interest: '750.00',
      penalty: '750.00',
      totalAmount: '6500.00',
    });
    expect(quoteRepayment({ principal: d('5000'), interestRate: d('0'), days: 2, penaltyRate: d('0.05') }, 0.15).penalty.toFixed(2)).toBe('500.00');
    expect(quoteRepayment({ principal: d('5000'), interestRate: d('0'), days: 0, penaltyRate: d('0.05') }, 0.15).penalty.toFixed(2)).toBe('0.00');
  });

  it('rounds each amount half up to cents; the total is their sum', () => {
    const q = quoteRepayment({ principal: d('100.05'), interestRate: d('0.005'), days: 3, penaltyRate: d('0.0001') }, 0.15);
    expect(fixed({ ...q })).toEqual({ principal: '100.05', interest: '0.50', penalty: '0.03', totalAmount: '100.58' });
  });
});

describe('the app release configuration', () => {
  it('refuses a minimum newer than the latest version and a malformed version', () => {
    expect(() => loadCollectionsConfig({ APP_LATEST_VERSION: '1.0.0', APP_MIN_VERSION: '1.2.0' })).toThrow(/APP_MIN_VERSION/);
    expect(() => loadCollectionsConfig({ APP_LATEST_VERSION: 'latest' })).toThrow(/APP_LATEST_VERSION/);
  });

  it('compares versions part by part as numbers (1.0.10 is newer than 1.0.9)', () => {
    const release = loadCollectionsConfig({ APP_LATEST_VERSION: '1.0.10', APP_MIN_VERSION: '1.0.9' });
    expect(checkAppVersion(release, 'ios', '1.0.9')).toMatchObject({ hasUpdate: true, isForceUpdate: false });
    expect(checkAppVersion(release, 'ios', '1.0.8')).toMatchObject({ hasUpdate: true, isForceUpdate: true });
    expect(checkAppVersion(release, 'android', '2.0.0')).toMatchObject({ hasUpdate: false, isForceUpdate: false });
  });
});
