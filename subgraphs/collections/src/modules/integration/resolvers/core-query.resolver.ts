import { GraphQLJSONObject } from 'graphql-scalars';
import { can } from '@platform/kit';
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { readTenant } from '../../config/services/tenant-target';
import { worksCases } from '../../work/resolvers/work.rules';
import { caseFromCore, coreStatistics } from '../services/core-queries.service';

@ObjectType({ description: 'A case as the tenant’s core system holds it now (partner § 3), in the document’s field names.' })
export class CoreCase {
  @Field() caseCode!: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: '§ 3.1; personal data masked without cases:view_sensitive.' })
  customer!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: '§ 3.2; null when the case has no loan id.' }) loan!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: '§ 3.3' }) repayments!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: '§ 3.4, this case’s entry.' }) status!: Record<string, unknown> | null;
}

/** Partner §§ 3 and 6 on demand: reads through the tenant's integration (UNAVAILABLE when the core does not answer). */
@Resolver()
export class CoreQueryResolver {
  @Query(() => CoreCase, { description: 'Refreshes a case from the tenant’s core system: customer, loan, repayments and status as the core has them now.' })
  caseFromCore(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: CollectionsContext): Promise<CoreCase> {
    return caseFromCore(ctx, caseId);
  }

  @Query(() => GraphQLJSONObject, { description: 'Partner § 6.1 from the core system: overdue cases and amounts by DPD bucket.' })
  coreCaseOverview(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('date', () => String, { nullable: true }) date: string | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Record<string, unknown>> {
    return coreStatistics(ctx, tenantOf(ctx, tenantId), 'case-overview', date);
  }

  @Query(() => GraphQLJSONObject, { description: 'Partner § 6.2 from the core system: overdue figures per loan product.' })
  coreStatisticsByProduct(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('date', () => String, { nullable: true }) date: string | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Record<string, unknown>> {
    return coreStatistics(ctx, tenantOf(ctx, tenantId), 'by-product', date);
  }
}

function tenantOf(ctx: CollectionsContext, tenantId: string | null): number {
  const id = readTenant(ctx, tenantId);
  if (id === null) throw CollectionsErrors.noTenant();
  return id;
}

export const coreQueryRules = {
  Query: { caseFromCore: worksCases, coreCaseOverview: can('tenants:update'), coreStatisticsByProduct: can('tenants:update') },
  CoreCase: worksCases,
};
