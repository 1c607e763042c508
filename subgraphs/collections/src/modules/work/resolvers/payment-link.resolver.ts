import { IsInt, Max, Min } from 'class-validator';
import { Decimal, DecimalScalar, optionalField } from '@platform/kit';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { TenantStub } from '../../org/entities/tenant.stub';
import { PaymentLink } from '../entities/payment-link.entity';
import { createPaymentLink, LINK_HOURS, linkStatus } from '../payments/payment-link.service';
import { worksCases } from './work.rules';

@ArgsType()
class CreatePaymentLinkArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => DecimalScalar, { description: 'Above 0, at most the case’s outstanding amount.' })
  amount!: Decimal;

  @optionalField(() => Int, { description: `Hours the link stays payable, ${LINK_HOURS.min}–${LINK_HOURS.max}; default ${LINK_HOURS.default}.` })
  @IsInt()
  @Min(LINK_HOURS.min)
  @Max(LINK_HOURS.max)
  expireHours?: number;
}

@Resolver(() => PaymentLink)
export class PaymentLinkResolver {
  @Mutation(() => PaymentLink, {
    description:
      'A payment link for a case in reach, made by the payment gateway: the debtor pays on its page, the gateway calls ' +
      'back (signed) and the payment is applied once, as a partner’s repayment push (case, PTP, the collector’s live notice).',
  })
  createPaymentLink(@Args(() => CreatePaymentLinkArgs) args: CreatePaymentLinkArgs, @Ctx() ctx: CollectionsContext) {
    return createPaymentLink(ctx, args.caseId, args.amount, args.expireHours ?? undefined);
  }

  @FieldResolver(() => DecimalScalar)
  amount(@Root() link: PaymentLink) {
    return link.amount;
  }

  @FieldResolver(() => String, { description: 'active, paid, or expired (active past its expiry).' })
  status(@Root() link: PaymentLink) {
    return linkStatus(link);
  }

  @FieldResolver(() => TenantStub, { description: 'The tenant (its zone renders the times).' })
  tenant(@Root() link: PaymentLink): TenantStub {
    return { id: String(link.tenantId) };
  }
}

export const paymentLinkRules = {
  Mutation: { createPaymentLink: worksCases },
};
