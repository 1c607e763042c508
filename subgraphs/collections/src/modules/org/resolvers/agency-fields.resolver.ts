import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Agency } from '../entities/agency.entity';
import { TenantStub } from '../entities/tenant.stub';
import { orgLoaders } from '../loaders/org.loaders';

/** An agency's counts (CCO admin § 3.3), each one grouped statement per request however many agencies a page holds. */
@Resolver(() => Agency)
export class AgencyFieldsResolver {
  @FieldResolver(() => TenantStub, { description: 'The agency’s tenant (its zone renders the agency’s times).' })
  tenant(@Root() agency: Agency): TenantStub {
    return { id: String(agency.tenantId) };
  }

  @FieldResolver(() => Int)
  teamCount(@Root() agency: Agency, @Ctx() ctx: CollectionsContext): Promise<number> {
    return orgLoaders.teamCountByAgency(ctx).load(agency.id);
  }

  @FieldResolver(() => Int, { description: 'Profiles working cases (position collector).' })
  collectorCount(@Root() agency: Agency, @Ctx() ctx: CollectionsContext): Promise<number> {
    return orgLoaders.collectorCountByAgency(ctx).load(agency.id);
  }

  @FieldResolver(() => Int, { description: 'Cases assigned to the agency, any status.' })
  totalCases(@Root() agency: Agency, @Ctx() ctx: CollectionsContext): Promise<number> {
    return orgLoaders.caseCountByAgency(ctx).load(agency.id);
  }

  @FieldResolver(() => Int, { description: 'Of those, still worked (pending, partially repaid, promised).' })
  activeCases(@Root() agency: Agency, @Ctx() ctx: CollectionsContext): Promise<number> {
    return orgLoaders.openCaseCountByAgency(ctx).load(agency.id);
  }
}
