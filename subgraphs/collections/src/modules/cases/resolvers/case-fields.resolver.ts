import { Decimal, DecimalScalar } from '@platform/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Collector } from '../../org/entities/collector.entity';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../entities/collection-case.entity';
import { communicationsByCase, ptpsByCase } from '../loaders/case-records.loader';
import { agencyById, collectorById, queueById, teamById } from '../loaders/org-by-id.loader';
import { personalField } from '../services/personal-data.audit';
import { maskAddress, maskBankAccount, maskEmail, maskIdNumber, maskMobile } from '../services/personal-data.mask';
import { CaseCommunicationRecord, CasePtpRecord } from './case.types';

const nullableMoney = { nullable: true } as const;

/**
 * A case's amounts (exact decimals), its personal data (masked unless the caller holds `cases:view_sensitive`; every
 * unmasked read audited), where it sits by name and its work records, each relation through a per-request loader.
 */
@Resolver(() => CollectionCase)
export class CaseFieldsResolver {
  @FieldResolver(() => String, { description: 'Masked (`+63-917-***-**11`) unless the caller may see personal data.' })
  mobile(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return personalField(ctx, c, c.mobile, maskMobile);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked (`ID***456`) unless the caller may see personal data.' })
  idNumber(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return personalField(ctx, c, c.idNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked (`u***@example.com`) unless the caller may see personal data.' })
  email(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return personalField(ctx, c, c.email, maskEmail);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Partly masked (`马尼拉市***`) unless the caller may see personal data.' })
  address(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return personalField(ctx, c, c.address, maskAddress);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked (`****1234`) unless the caller may see personal data.' })
  bankAccount(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return personalField(ctx, c, c.bankAccount, maskBankAccount);
  }

  @FieldResolver(() => DecimalScalar)
  loanAmount(@Root() c: CollectionCase): Decimal {
    return c.loanAmount;
  }

  @FieldResolver(() => DecimalScalar)
  repaidAmount(@Root() c: CollectionCase): Decimal {
    return c.repaidAmount;
  }

  @FieldResolver(() => DecimalScalar)
  outstandingAmount(@Root() c: CollectionCase): Decimal {
    return c.outstandingAmount;
  }

  @FieldResolver(() => DecimalScalar, nullableMoney)
  outstandingPrincipal(@Root() c: CollectionCase) {
    return c.outstandingPrincipal ?? null;
  }

  @FieldResolver(() => DecimalScalar, nullableMoney)
  outstandingInterest(@Root() c: CollectionCase) {
    return c.outstandingInterest ?? null;
  }

  @FieldResolver(() => DecimalScalar, nullableMoney)
  outstandingPenalty(@Root() c: CollectionCase) {
    return c.outstandingPenalty ?? null;
  }

  @FieldResolver(() => DecimalScalar, nullableMoney)
  overdueAmount(@Root() c: CollectionCase) {
    return c.overdueAmount ?? null;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'A fraction: 0.15 is 15 %.' })
  interestRate(@Root() c: CollectionCase) {
    return c.interestRate ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async queueName(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return c.queueId ? ((await queueById(ctx).load(c.queueId))?.queueName ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async agencyName(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return c.agencyId ? ((await agencyById(ctx).load(c.agencyId))?.agencyName ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async teamName(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return c.teamId ? ((await teamById(ctx).load(c.teamId))?.teamName ?? null) : null;
  }

  @FieldResolver(() => Collector, { nullable: true, description: 'The collector holding the case; its `user` is identity’s account.' })
  async collector(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<Collector | null> {
    return c.collectorId ? collectorById(ctx).load(c.collectorId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async collectorName(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext) {
    return c.collectorId ? ((await collectorById(ctx).load(c.collectorId))?.collectorName ?? null) : null;
  }

  @FieldResolver(() => [CaseCommunicationRecord], { description: 'Its communications, newest first.' })
  async communications(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<CaseCommunicationRecord[]> {
    const rows = await communicationsByCase(ctx).load(c.id);
    const collectors = await collectorById(ctx).loadMany(rows.map((r) => r.collectorId).filter((id): id is number => !!id));
    const names = new Map(collectors.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p.collectorName] as const] : [])));
    return rows.map((r) => ({
      id: r.id,
      contactMethod: r.contactMethod,
      contactResult: r.contactResult,
      communicationContent: r.communicationContent ?? null,
      collectorName: r.collectorId ? (names.get(r.collectorId) ?? null) : null,
      contactTime: r.contactTime,
    }));
  }

  @FieldResolver(() => [CasePtpRecord], { description: 'Its promises to pay, newest first.' })
  async ptps(@Root() c: CollectionCase, @Ctx() ctx: CollectionsContext): Promise<CasePtpRecord[]> {
    return (await ptpsByCase(ctx).load(c.id)).map((p) => ({
      id: p.id,
      promiseAmount: p.promiseAmount,
      promiseDate: p.promiseDate,
      promiseStatus: p.promiseStatus,
      createdAt: p.createdAt,
    }));
  }
}
