import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CaseAssignment } from '../../cases/entities/case-assignment.entity';
import { CaseContact } from '../../cases/entities/case-contact.entity';
import { collectorById } from '../../cases/loaders/org-by-id.loader';
import { TenantStub } from '../../org/entities/tenant.stub';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { casePhone } from '../services/masked-phone';

const nameOf = async (ctx: CollectionsContext, id: number | null | undefined) => (id ? ((await collectorById(ctx).load(id))?.collectorName ?? null) : null);

@Resolver(() => Communication)
export class CommunicationAppFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Masked (`+63-917-***-**11`) unless the caller may see personal data.' })
  contactPhone(@Root() c: Communication, @Ctx() ctx: CollectionsContext) {
    return casePhone(ctx, c, c.contactPhone);
  }

  @FieldResolver(() => String, { nullable: true })
  collectorName(@Root() c: Communication, @Ctx() ctx: CollectionsContext) {
    return nameOf(ctx, c.collectorId);
  }

  @FieldResolver(() => TenantStub, { description: 'The case’s tenant (its zone renders the times).' })
  tenant(@Root() c: Communication): TenantStub {
    return { id: String(c.tenantId) };
  }
}

@Resolver(() => Ptp)
export class PtpCollectorNameResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The collector who took the promise.' })
  collectorName(@Root() p: Ptp, @Ctx() ctx: CollectionsContext) {
    return nameOf(ctx, p.collectorId);
  }
}

@Resolver(() => CaseContact)
export class CaseContactFieldsResolver {
  @FieldResolver(() => String, { description: 'Masked (`+63-917-***-**11`) unless the caller may see personal data.' })
  async phoneNumber(@Root() c: CaseContact, @Ctx() ctx: CollectionsContext): Promise<string> {
    return (await casePhone(ctx, c, c.phoneNumber)) ?? '';
  }
}

@Resolver(() => CaseAssignment)
export class CaseAssignmentNamesResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The collector the case went to.' })
  toCollectorName(@Root() a: CaseAssignment, @Ctx() ctx: CollectionsContext) {
    return nameOf(ctx, a.toCollectorId);
  }
}
