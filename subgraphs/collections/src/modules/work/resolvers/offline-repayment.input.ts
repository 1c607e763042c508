import { Decimal, DecimalScalar, OptionalText } from '@platform/kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A repayment the debtor made offline, as the collector reports it (pending until confirmed).' })
export class OfflineRepaymentInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => DecimalScalar, { description: 'Above 0, two decimals at most.' })
  amount!: Decimal;

  @OptionalText(40, { description: 'YYYY-MM-DD (the tenant’s calendar) or a time; default now; never in the future.' })
  repaymentDate?: string;

  @OptionalText(32, { description: 'cash, bank_transfer, ewallet or other.' })
  repaymentMethod?: string;

  @OptionalText(100)
  transactionNo?: string;

  @OptionalText(500)
  notes?: string;

  @OptionalText(64, { description: 'The receipt image, uploaded to files.' })
  receiptFileId?: string;

  @OptionalText(64, { description: 'The app’s own id of the write (offline sync): a retried sync answers the first record.' })
  clientId?: string;
}
