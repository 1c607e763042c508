import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * How many of a tenant's leads share an intention level, a source platform, a follower and a registrant: the
 * statistics' all-time figures (total, by level, by platform) read these few rows instead of counting every lead.
 * Kept by the lead mutations in their own transaction (services/lead-tally.ts); follower and registrant are kept so
 * the caller's visibility (decisions.md § 002) narrows the tally exactly as it narrows the leads. Not tenant-filtered
 * and not written by the ORM's unit of work: only through the tally's own statements.
 */
@Entity({ tableName: 'lead_tally' })
@Unique({ properties: ['tenantId', 'intentionLevel', 'sourcePlatform', 'followerId', 'registrantId'] })
export class LeadTally {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  tenantId!: number;

  @Property({ type: 'string', length: 2 })
  intentionLevel!: string;

  /** '' for a lead without a platform: NULL would never match the unique key, so its count could not be bumped. */
  @Property({ type: 'string', length: 50 })
  sourcePlatform!: string;

  @Property({ type: 'string', length: 36 })
  followerId!: string;

  @Property({ type: 'string', length: 36 })
  registrantId!: string;

  @Property({ type: 'integer' })
  leads!: number;
}
