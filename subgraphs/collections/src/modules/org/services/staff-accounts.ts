import { DomainError, toErrorCode, type Caller } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { callerOf } from '../../../collections.context';

/** Long enough for one call through the router; the token is minted per call, never stored. */
const TOKEN_TTL_SECONDS = 60;

/** identity's field names → the names collections' inputs use, so an error names the field the client sent. */
export type FieldNames = Record<string, string>;

/**
 * Runs one identity operation through the router AS the caller (their own claims, freshly signed): identity applies
 * its own rules to them (who may give the collector role, reset whose password). identity's coded errors come back
 * as the same codes, naming collections' field.
 */
export async function asCaller<T>(
  ctx: CollectionsContext,
  query: string,
  variables: Record<string, unknown>,
  fields: FieldNames = {},
): Promise<T> {
  const graph = ctx.services.graph;
  if (!graph) throw new DomainError('UNAVAILABLE', 'identity accounts are out of reach: collections runs without the router');
  const executor = await graph.executor();
  const caller: Caller = { ...callerOf(ctx), actingThrough: 'collections' };
  const authorization = `Bearer ${ctx.services.signer.signAccess(caller, TOKEN_TTL_SECONDS)}`;
  const result = await executor.execute({ query, variables, headers: { authorization } });
  const error = result.errors?.[0];
  if (error) {
    const { code, field, ...rest } = (error.extensions ?? {}) as Record<string, unknown>;
    const renamed = typeof field === 'string' ? (fields[field] ?? field) : undefined;
    throw new DomainError(toErrorCode(code), error.message, { ...pick(rest), ...(renamed ? { field: renamed } : {}) });
  }
  return result.data as T;
}

const pick = (extensions: Record<string, unknown>) => (typeof extensions.reason === 'string' ? { reason: extensions.reason } : {});

const ACCOUNT = 'id username email lastLoginAt';

export interface StaffAccount {
  id: string;
  username: string;
  email: string | null;
}

export interface NewAccount {
  tenantId: number;
  username: string;
  password: string;
  fullName: string;
  email?: string | null;
  role: 'collector' | 'SPV' | 'TeamLeader';
}

const CREATE = `mutation CollectionsCreateStaffAccount($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { ${ACCOUNT} } }`;
const DISCARD = 'mutation CollectionsDiscardStaffAccount($id: ID!) { discardStaffAccount(id: $id) }';
const RESET = 'mutation CollectionsResetStaffPassword($id: ID!, $password: String!) { resetStaffPassword(id: $id, newPassword: $password) }';
const STATUS = 'mutation CollectionsSetStaffAccountStatus($id: ID!, $active: Boolean!) { setStaffAccountStatus(id: $id, active: $active) { id } }';
const UPDATE = 'mutation CollectionsUpdateStaffAccount($id: ID!, $input: UpdateStaffAccountInput!) { updateStaffAccount(id: $id, input: $input) { id } }';

/**
 * The operations collections sends through the router, for its trusted-documents list (the router enforcing the
 * list would otherwise refuse them).
 */
export const STAFF_ACCOUNT_DOCUMENTS: Record<string, string> = {
  CollectionsCreateStaffAccount: CREATE,
  CollectionsDiscardStaffAccount: DISCARD,
  CollectionsResetStaffPassword: RESET,
  CollectionsSetStaffAccountStatus: STATUS,
  CollectionsUpdateStaffAccount: UPDATE,
};

/** identity's accounts for collections' staff, always through the graph (collections never writes identity's tables). */
export const staffAccounts = {
  async create(ctx: CollectionsContext, account: NewAccount, fields: FieldNames): Promise<StaffAccount> {
    const input = { ...account, tenantId: String(account.tenantId) };
    return (await asCaller<{ createStaffAccount: StaffAccount }>(ctx, CREATE, { input }, fields)).createStaffAccount;
  },

  /**
   * Undoes `create` when the profile it was for could not be saved. Best effort: the original failure is what the
   * caller must hear about, so a failed discard is logged, not thrown.
   */
  async discard(ctx: CollectionsContext, userId: string): Promise<void> {
    try {
      await asCaller(ctx, DISCARD, { id: userId });
    } catch (error) {
      ctx.logger.error({ err: error, userId }, 'could not discard the staff account of a failed profile');
    }
  },

  async resetPassword(ctx: CollectionsContext, userId: string, password: string): Promise<void> {
    await asCaller(ctx, RESET, { id: userId, password }, { newPassword: 'newPassword' });
  },

  async setActive(ctx: CollectionsContext, userId: string, active: boolean): Promise<void> {
    await asCaller(ctx, STATUS, { id: userId, active });
  },

  /** Name, e-mail and role live on the account: an admin editing a collector (or making one an SPV) changes them there. */
  async update(ctx: CollectionsContext, userId: string, input: { fullName?: string; email?: string | null; role?: 'collector' | 'SPV' | 'TeamLeader' }): Promise<void> {
    await asCaller(ctx, UPDATE, { id: userId, input }, { fullName: 'collectorName' });
  },
};
