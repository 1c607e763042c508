import { ERROR_CODES, type ErrorCode } from '@platform/kit';
import { httpStatus, RestError } from '../../src';
import { FAMILIES, bantu001, ccoAdmin, crm003, hr004, leads002, leads002Users } from '../../src/families';
import type { Family } from '../../src/framework/family';

const errorCtx = (family: Family, code: ErrorCode, extra: Partial<{ hadToken: boolean }> = {}) => ({
  requestId: 'req-1',
  status: httpStatus(code, family.invalidInputStatus),
  hadToken: extra.hadToken ?? true,
  elapsedMs: () => 12.4,
});

const successCtx = { requestId: 'req-1', method: 'GET' as const, status: 200, elapsedMs: () => 3 };

describe('error statuses (one mapping for every family)', () => {
  const expected: Record<ErrorCode, number> = {
    UNAUTHENTICATED: 401,
    INVALID_CREDENTIALS: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    BAD_USER_INPUT: 400,
    BUSINESS_RULE: 400,
    RATE_LIMITED: 429,
    UNAVAILABLE: 503,
    INTERNAL: 500,
  };
  it.each(ERROR_CODES)('%s', (code) => {
    expect(httpStatus(code, 400)).toBe(expected[code]);
    expect(httpStatus(code, 422)).toBe(code === 'BAD_USER_INPUT' ? 422 : expected[code]);
  });

  it('only 004 answers bad input with 422', () => {
    expect(FAMILIES.filter((f) => f.invalidInputStatus === 422).map((f) => f.id)).toEqual(['hr004']);
  });
});

describe('004 error body', () => {
  const table: Record<ErrorCode, string> = {
    UNAUTHENTICATED: 'AUTH_001',
    INVALID_CREDENTIALS: 'AUTH_002',
    FORBIDDEN: 'AUTH_003',
    BAD_USER_INPUT: 'VALID_001',
    NOT_FOUND: 'RESOURCE_001',
    CONFLICT: 'RESOURCE_002',
    BUSINESS_RULE: 'BUSINESS_001',
    RATE_LIMITED: 'RATE_001',
    UNAVAILABLE: 'SYSTEM_002',
    INTERNAL: 'SYSTEM_001',
  };
  it.each(ERROR_CODES)('%s', (code) => {
    const body = hr004.error(new RestError(code, 'why', { field: 'x' }), errorCtx(hr004, code)) as {
      error: Record<string, unknown>;
    };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({
      code: table[code],
      message: expect.any(String),
      details: code === 'INTERNAL' ? {} : { field: 'x' },
      request_id: 'req-1',
    });
  });

  it('a body that is not JSON is VALID_002', () => {
    const body = hr004.error(new RestError('BAD_USER_INPUT', 'bad', { reason: 'MALFORMED' }), errorCtx(hr004, 'BAD_USER_INPUT'));
    expect(body).toMatchObject({ error: { code: 'VALID_002' } });
  });

  it('success is {data, message, request_id}', () => {
    expect(hr004.success({ a: 1 }, successCtx)).toEqual({ data: { a: 1 }, message: '查询成功', request_id: 'req-1' });
    expect(hr004.success(undefined, { ...successCtx, method: 'POST', message: '密码已重置' })).toEqual({
      data: null,
      message: '密码已重置',
      request_id: 'req-1',
    });
  });

  it('renders times in ISO 8601 UTC', () => {
    expect(hr004.time('2024-01-15T18:30:00.000+08:00')).toBe('2024-01-15T10:30:00Z');
  });
});

describe('002 bodies', () => {
  it('user endpoints: {code:0, message?, data?}', () => {
    expect(leads002Users.success([1], successCtx)).toEqual({ code: 0, data: [1] });
    expect(leads002Users.success(undefined, { ...successCtx, message: '删除成功' })).toEqual({ code: 0, message: '删除成功' });
  });

  it('auth errors word a missing and a bad token as §7 does', () => {
    const missing = leads002Users.error(new RestError('UNAUTHENTICATED', 'x'), errorCtx(leads002Users, 'UNAUTHENTICATED', { hadToken: false }));
    const bad = leads002Users.error(new RestError('UNAUTHENTICATED', 'x'), errorCtx(leads002Users, 'UNAUTHENTICATED'));
    expect(missing).toEqual({ code: 401, message: '未携带有效token' });
    expect(bad).toEqual({ code: 401, message: 'token无效或已过期' });
  });

  it.each(ERROR_CODES)('user endpoints error %s is {code, message}', (code) => {
    const body = leads002Users.error(new RestError(code, 'why', { field: 'x' }), errorCtx(leads002Users, code));
    expect(body).toEqual({ code: httpStatus(code, 400), message: expect.any(String) });
  });

  it('other endpoints: {success, …payload, performance} and {success:false, message, performance}', () => {
    // dbTime: the SQL time the subgraphs reported (extensions.dbTimeMs), rounded; absent when none reported.
    expect(leads002.success({ total: 1, list: [] }, { ...successCtx, dbTimeMs: 1.6 })).toEqual({
      success: true,
      total: 1,
      list: [],
      performance: { totalTime: '3ms', dbTime: '2ms' },
    });
    expect(leads002.success({ total: 0 }, successCtx)).toEqual({ success: true, total: 0, performance: { totalTime: '3ms' } });
    expect(leads002.error(new RestError('NOT_FOUND', 'x'), errorCtx(leads002, 'NOT_FOUND'))).toEqual({
      success: false,
      message: '资源不存在',
      performance: { totalTime: '12ms' },
    });
    // § 7: the 401s keep the document's own body.
    expect(leads002.error(new RestError('UNAUTHENTICATED', 'x'), { ...errorCtx(leads002, 'UNAUTHENTICATED'), hadToken: false })).toEqual({
      code: 401,
      message: '未携带有效token',
    });
  });
});

describe('code-envelope families (CCO, 001)', () => {
  it.each([
    ['cco-admin', ccoAdmin],
    ['bantu001', bantu001],
  ] as const)('%s errors are {code, message, data:null}', (_name, family) => {
    for (const code of ERROR_CODES) {
      const body = family.error(new RestError(code, 'why'), errorCtx(family, code));
      expect(body).toEqual({ code: httpStatus(code, 400), message: expect.any(String), data: null });
    }
  });

  it('CCO omits data where the document shows none; 001 always carries it', () => {
    expect(ccoAdmin.success(undefined, { ...successCtx, message: '登出成功' })).toEqual({ code: 200, message: '登出成功' });
    expect(bantu001.success(undefined, successCtx)).toEqual({ code: 200, message: 'success', data: null });
  });

  it('bad input names the reason after the family wording', () => {
    const body = ccoAdmin.error(new RestError('BAD_USER_INPUT', 'page: Too small'), errorCtx(ccoAdmin, 'BAD_USER_INPUT'));
    expect(body).toEqual({ code: 400, message: '请求参数错误：page: Too small', data: null });
  });

  it('CCO renders YYYY-MM-DD HH:mm:ss in the tenant zone', () => {
    expect(ccoAdmin.time('2025-11-20T02:00:00Z', 'Asia/Manila')).toBe('2025-11-20 10:00:00');
  });
});

describe('003 bodies', () => {
  it.each<[ErrorCode, string, string | undefined]>([
    ['BAD_USER_INPUT', 'BAD_REQUEST', undefined],
    ['UNAUTHENTICATED', 'UNAUTHORIZED', undefined],
    ['FORBIDDEN', 'FORBIDDEN', undefined],
    ['NOT_FOUND', 'NOT_FOUND', undefined],
    ['CONFLICT', 'IDEMPOTENT_CONFLICT', 'IDEMPOTENT_CONFLICT'],
    ['CONFLICT', 'DUPLICATE_NAME', 'DUPLICATE_NAME'],
    ['RATE_LIMITED', 'RATE_LIMITED', undefined],
  ])('%s (%s)', (code, name, reason) => {
    const body = crm003.error(new RestError(code, 'why', { reason }), errorCtx(crm003, code));
    expect(body).toEqual({ code: name, message: 'why', requestId: 'req-1' });
  });

  it('success is the resource itself', () => {
    expect(crm003.success({ customerId: '1' }, successCtx)).toEqual({ customerId: '1' });
  });
});
