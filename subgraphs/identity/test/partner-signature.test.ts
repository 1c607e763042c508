import { createHmac } from 'node:crypto';
import { DomainError, parseRateLimits, partnerSignature, signaturesMatch, timestampFresh } from '@platform/kit';
import { createPartnerLimits, rememberSignature } from '../src/services/partner-signature';

const codeOf = async (work: Promise<unknown>) => work.then(() => null, (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

describe('partner signing (decisions.md § CCO)', () => {
  it('signs hex HMAC-SHA256(secret, api_key + timestamp + raw body)', () => {
    const expected = createHmac('sha256', 's3cret').update('ak_1' + '1763625600' + '{"a":1}').digest('hex');
    expect(partnerSignature('s3cret', 'ak_1', '1763625600', '{"a":1}')).toBe(expected);
    expect(signaturesMatch(expected, expected.toUpperCase())).toBe(true);
    expect(signaturesMatch(expected, expected.slice(0, 63) + (expected[63] === '0' ? '1' : '0'))).toBe(false);
    expect(signaturesMatch(expected, 'short')).toBe(false);
  });

  it('accepts a timestamp within 300 s either way, in unix seconds only', () => {
    const now = 1_763_625_600_000;
    expect(timestampFresh('1763625600', now)).toBe(true);
    expect(timestampFresh(String(1763625600 - 300), now)).toBe(true);
    expect(timestampFresh(String(1763625600 - 301), now)).toBe(false);
    expect(timestampFresh(String(1763625600 + 301), now)).toBe(false);
    expect(timestampFresh('1763625600000', now)).toBe(false);
    expect(timestampFresh('2025-11-20T08:00:00', now)).toBe(false);
  });

  it('refuses a signature seen before (401) and a key past 1000 pushes an hour (429)', async () => {
    const limits = createPartnerLimits(parseRateLimits(undefined), undefined, `test-${Date.now()}`);
    try {
      expect(await codeOf(rememberSignature(limits, 'sig-a'))).toBeNull();
      expect(await codeOf(rememberSignature(limits, 'sig-a'))).toBe('UNAUTHENTICATED');
      expect(await codeOf(rememberSignature(limits, 'sig-b'))).toBeNull();
      for (let i = 0; i < 1000; i++) await limits.consume('push', 'ak_busy');
      expect(await codeOf(limits.consume('push', 'ak_busy'))).toBe('RATE_LIMITED');
      expect(await codeOf(limits.consume('push', 'ak_other'))).toBeNull();
    } finally {
      await limits.close();
    }
  });

  it('counts a key’s queries apart from its pushes: 100 a minute (decisions.md), each budget configurable', async () => {
    const defaults = createPartnerLimits(parseRateLimits(undefined), undefined, `test-q-${Date.now()}`);
    const tight = createPartnerLimits(parseRateLimits('partner_push:2/3600,partner_query:3/60'), undefined, `test-t-${Date.now()}`);
    try {
      for (let i = 0; i < 100; i++) await defaults.consume('query', 'ak_reader');
      expect(await codeOf(defaults.consume('query', 'ak_reader'))).toBe('RATE_LIMITED');
      // The same key still has its pushes.
      expect(await codeOf(defaults.consume('push', 'ak_reader'))).toBeNull();

      for (let i = 0; i < 3; i++) await tight.consume('query', 'ak_t');
      expect(await codeOf(tight.consume('query', 'ak_t'))).toBe('RATE_LIMITED');
      for (let i = 0; i < 2; i++) await tight.consume('push', 'ak_t');
      expect(await codeOf(tight.consume('push', 'ak_t'))).toBe('RATE_LIMITED');
    } finally {
      await defaults.close();
      await tight.close();
    }
  });
});
