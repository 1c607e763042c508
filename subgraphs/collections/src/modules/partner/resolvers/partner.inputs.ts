import { Field, InputType } from 'type-graphql';

/** A partner (甲方) push as it arrived: its signing headers and its raw body, byte for byte (the signature covers it). */
@InputType()
export class PartnerRequestInput {
  @Field({ description: 'X-Api-Key' }) apiKey!: string;
  @Field({ description: 'X-Timestamp, unix seconds' }) timestamp!: string;
  @Field({ description: 'X-Signature' }) signature!: string;
  @Field({ description: 'X-Tenant-Code' }) tenantCode!: string;
  @Field({ description: 'The request body exactly as received.' }) rawBody!: string;
}
