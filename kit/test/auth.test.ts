import { authenticate, createTokenSigner, MemoryRevocationList, Secret, tokenExpiresAtMs, type Caller } from '../src';

const caller: Caller = {
  userId: '7',
  username: 'ann',
  tenantId: '1',
  roles: ['admin'],
  permissions: ['*'],
  scope: 'tenant',
  sessionId: 's-1',
};
const signer = createTokenSigner(new Secret('a-test-secret-that-is-long-enough-0123456789'));

describe('token signer', () => {
  it('verifies its own tokens, again and again', () => {
    const token = signer.signAccess(caller, 60);
    expect(signer.verifyAccess(token)).toEqual(caller);
    expect(signer.verifyAccess(token)).toEqual(caller);
  });

  it('carries the subgraph a delegated token acts through, and only when it was minted with one', () => {
    expect(signer.verifyAccess(signer.signAccess({ ...caller, actingThrough: 'collections' }, 60))).toEqual({ ...caller, actingThrough: 'collections' });
    expect(signer.verifyAccess(signer.signAccess(caller, 60))).not.toHaveProperty('actingThrough');
  });

  it('refuses a token signed with another secret, or tampered with', () => {
    const other = createTokenSigner(new Secret('another-secret-that-is-long-enough-0123456789'));
    const token = other.signAccess(caller, 60);
    expect(() => signer.verifyAccess(token)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    const mine = signer.signAccess(caller, 60);
    const [h, p, sig] = mine.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), prm: ['x'] })).toString('base64url');
    expect(() => signer.verifyAccess(`${h}.${forged}.${sig}`)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a token once it expires, even after it was verified before', async () => {
    const token = signer.signAccess(caller, 1);
    expect(signer.verifyAccess(token).userId).toBe('7');
    await new Promise((r) => setTimeout(r, 1100));
    expect(() => signer.verifyAccess(token)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a verified token as soon as its session is revoked', async () => {
    const revocations = new MemoryRevocationList();
    const token = signer.signAccess(caller, 60);
    await expect(authenticate(signer, revocations, `Bearer ${token}`)).resolves.toEqual(caller);
    await revocations.revoke(caller.sessionId, 60);
    await expect(authenticate(signer, revocations, `Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('tells listeners of each revoked session until they unsubscribe, so open connections can end', async () => {
    const revocations = new MemoryRevocationList();
    const heard: string[] = [];
    const stop = await revocations.onRevoke((sessionId) => heard.push(sessionId));
    await revocations.revoke('s-1', 60);
    await stop();
    await revocations.revoke('s-2', 60);
    expect(heard).toEqual(['s-1']);
  });

  it('reads the expiry of a token, for closing connections when it passes', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const expiresAt = tokenExpiresAtMs(signer.signAccess(caller, 60));
    expect(expiresAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(tokenExpiresAtMs('not-a-token')).toBeUndefined();
  });
});
