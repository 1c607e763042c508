import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import { ApiCredential, Tenant } from '../entities';
import type { IdentityContext } from '../identity.context';
import { partnerSignature, signaturesMatch, timestampFresh } from '@platform/kit';
import { partnerRefused, rememberSignature } from '../services/partner-signature';

@InputType({ description: 'A partner (甲方) request as it arrived: its signing headers and its raw body, byte for byte.' })
export class PartnerRequestInput {
  @Field() apiKey!: string;
  @Field({ description: 'X-Timestamp, unix seconds.' }) timestamp!: string;
  @Field({ description: 'X-Signature, hex HMAC-SHA256(api_secret, api_key + timestamp + raw body).' }) signature!: string;
  @Field() tenantCode!: string;
  @Field({ description: 'The request body exactly as received (the signature covers these bytes).' }) rawBody!: string;
}

/** How stale ApiCredential.lastUsedAt may be. */
const LAST_USED_PRECISION_MS = 60_000;

/** Which per-key budget a partner request spends (decisions.md § CCO: pushes 1000 an hour, queries 100 a minute). */
export enum PartnerRequestKind {
  PUSH = 'push',
  QUERY = 'query',
}
registerEnumType(PartnerRequestKind, {
  name: 'PartnerRequestKind',
  description: 'PUSH: the partner sends data (partner §§ 2, 5, 7), 1000 an hour per key; QUERY: the partner reads, 100 a minute per key.',
});

@ObjectType({ description: 'Whose push it is, once its signature, time, key and tenant hold.' })
export class PartnerVerification {
  @Field(() => Int) tenantId!: number;
  @Field() apiKey!: string;
}

/**
 * Partner authentication (decisions.md § CCO) where the secrets live: the caller has no token, so the signature IS the
 * authentication and anyone may ask — the answer names a tenant only for a request signed with that tenant's active
 * key. Services that take partner pushes (collections) ask this before applying anything.
 */
@Resolver()
export class PartnerVerificationResolver {
  @Mutation(() => PartnerVerification, {
    description:
      'Checks a partner request: timestamp within 300 s, signature over the raw body, not seen before, key active, tenant code its own; ' +
      'counts it against the key’s budget of its kind (pushes 1000/hour, queries 100/minute; RATE_LIMITED beyond).',
  })
  async verifyPartnerRequest(
    @Arg('input') input: PartnerRequestInput,
    @Ctx() ctx: IdentityContext,
    @Arg('kind', () => PartnerRequestKind, { defaultValue: PartnerRequestKind.PUSH }) kind: PartnerRequestKind,
  ): Promise<PartnerVerification> {
    if (!timestampFresh(input.timestamp) || !/^[0-9a-fA-F]{64}$/.test(input.signature)) throw partnerRefused();
    const em = ctx.services.platformEm();
    const credential = await em.findOne(ApiCredential, { apiKey: input.apiKey }, { populate: ['secretCiphertext'] });
    if (!credential || !credential.isActive || credential.revokedAt) throw partnerRefused();
    const secret = ctx.services.cipher.decrypt(credential.secretCiphertext);
    if (!signaturesMatch(partnerSignature(secret, input.apiKey, input.timestamp, input.rawBody), input.signature)) throw partnerRefused();
    const tenant = await em.findOne(Tenant, credential.tenantId!);
    if (!tenant || !tenant.isActive || tenant.code !== input.tenantCode) throw partnerRefused();
    // Only a genuine request is remembered and counted: forged ones can neither spend a key's budget nor block a signature.
    await rememberSignature(ctx.services.partnerLimits, input.signature.toLowerCase());
    await ctx.services.partnerLimits.consume(kind, credential.apiKey);
    // To the minute: a write (and a commit) per push would be the busiest row of a tenant pushing 50 a second.
    const now = new Date();
    if (!credential.lastUsedAt || now.getTime() - credential.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      credential.lastUsedAt = now;
      await em.flush();
    }
    return { tenantId: tenant.id, apiKey: credential.apiKey };
  }
}
