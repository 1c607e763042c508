import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { callerOf, type LeadsContext } from '../leads.context';
import { RemindConfig } from '../entities/remind-config.entity';
import { RemindRecipient } from '../entities/remind-recipient.entity';
import * as reminders from '../services/reminder.service';
import { ReminderCheck } from './results.types';

@Resolver()
export class ReminderResolver {
  @Query(() => [RemindConfig], { description: 'How many days each intention level may go without a follow-up.' })
  remindConfigs(@Ctx() ctx: LeadsContext) {
    return reminders.remindConfigs(ctx.em, Number(callerOf(ctx).tenantId));
  }

  @Mutation(() => RemindConfig)
  updateRemindConfig(
    @Arg('level', { description: '高, 中 or 低.' }) level: string,
    @Arg('intervalDays', () => Int) intervalDays: number,
    @Ctx() ctx: LeadsContext,
  ) {
    return reminders.updateRemindConfig(ctx, level, intervalDays);
  }

  @Query(() => [RemindRecipient], { description: 'Who receives the overdue reminders.' })
  remindRecipients(@Ctx() ctx: LeadsContext) {
    return reminders.listRecipients(ctx);
  }

  @Mutation(() => RemindRecipient)
  addRemindRecipient(@Arg('email') email: string, @Ctx() ctx: LeadsContext) {
    return reminders.addRecipient(ctx, email);
  }

  @Mutation(() => Boolean)
  deleteRemindRecipient(@Arg('id', () => ID) id: string, @Ctx() ctx: LeadsContext) {
    return reminders.deleteRecipient(ctx, id);
  }

  @Mutation(() => ReminderCheck, { description: 'Runs the overdue check now and e-mails the list to the recipients.' })
  triggerReminderCheck(@Ctx() ctx: LeadsContext) {
    return reminders.triggerCheck(ctx);
  }
}
