import { GraphQLJSONObject } from 'graphql-scalars';
import { PageArgs, PageType } from '@platform/kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How our calls to the tenant’s core system authenticate; secrets are never answered.' })
export class OutboundAuth {
  @Field({ description: 'hmac (signed like partner § 1.1) or oauth2 (client credentials).' }) type!: string;
  @Field(() => String, { nullable: true, description: 'hmac: the X-Api-Key we send.' }) apiKey!: string | null;
  @Field(() => String, { nullable: true }) tokenUrl!: string | null;
  @Field(() => String, { nullable: true }) clientId!: string | null;
  @Field(() => String, { nullable: true }) scope!: string | null;
}

@ObjectType('TenantIntegration', { description: 'A tenant’s core-system integration (decisions.md § CCO).' })
export class TenantIntegrationType {
  @Field(() => ID) tenantId!: string;
  @Field() coreBaseUrl!: string;
  @Field(() => [String], { description: 'Addresses and CIDRs partner pushes may come from; empty allows all.' }) ipWhitelist!: string[];
  @Field(() => OutboundAuth) outboundAuth!: OutboundAuth;
  @Field() updatedAt!: Date;
  @Field({ description: 'The tenant’s IANA zone, for rendering times.' }) zone!: string;
}

@InputType()
export class OutboundAuthInput {
  @Field({ description: 'hmac or oauth2.' }) type!: string;
  @Field(() => String, { nullable: true }) apiKey?: string | null;
  @Field(() => String, { nullable: true }) apiSecret?: string | null;
  @Field(() => String, { nullable: true }) tokenUrl?: string | null;
  @Field(() => String, { nullable: true }) clientId?: string | null;
  @Field(() => String, { nullable: true }) clientSecret?: string | null;
  @Field(() => String, { nullable: true }) scope?: string | null;
}

@InputType()
export class TenantIntegrationInput {
  @Field({ description: 'http(s) base URL of the core system (partner’s tenant_base_url).' }) coreBaseUrl!: string;
  @Field(() => [String], { defaultValue: [] }) ipWhitelist!: string[];
  @Field(() => OutboundAuthInput) outboundAuth!: OutboundAuthInput;
}

@ObjectType('IntegrationDelivery', { description: 'One write-back to the tenant’s core system (partner § 4) and its delivery state.' })
export class IntegrationDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseId!: string;
  @Field() caseCode!: string;
  @Field({ description: 'communication, ptp, result or case_status.' }) kind!: string;
  @Field() targetPath!: string;
  @Field(() => GraphQLJSONObject) body!: Record<string, unknown>;
  @Field({ description: 'pending, delivered or failed.' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Date, { nullable: true, description: 'When the next try is due (pending only).' }) nextAttemptAt!: Date | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field() createdAt!: Date;
}

export const IntegrationDeliveryPage = PageType(IntegrationDeliveryType, 'IntegrationDelivery');

@ObjectType({ description: 'A page of a tenant’s deliveries, newest first.' })
export class IntegrationDeliveries extends IntegrationDeliveryPage {
  @Field() zone!: string;
}

export const DeliveriesPageArgs = PageArgs({ size: 10, max: 100 });
