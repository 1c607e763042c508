import { PageArgs, type PageArgsType, targetTenantId } from '@platform/kit';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ActivityContext } from '../activity.context';
import { NotificationTemplate } from '../entities/notification-template.entity';
import * as templates from '../services/notification-template.service';
import { CreateNotificationTemplateInput } from './notification-template.input';
import { NotificationTemplatePage } from './pages';

const PageOf10 = PageArgs({ size: 10 });

@Resolver(() => NotificationTemplate)
export class NotificationTemplateResolver {
  @Query(() => NotificationTemplatePage, { description: "The tenant's notification templates, oldest first (CCO 10.1)." })
  notificationTemplates(
    @Args(() => PageOf10) page: PageArgsType,
    @Ctx() ctx: ActivityContext,
    @Arg('enabled', () => Boolean, { nullable: true }) enabled?: boolean | null,
  ) {
    return templates.listTemplates(ctx, page.window(), enabled);
  }

  @Mutation(() => NotificationTemplate, { description: 'CCO 10.2; CONFLICT when the code is taken in the tenant.' })
  async createNotificationTemplate(@Arg('input') input: CreateNotificationTemplateInput, @Ctx() ctx: ActivityContext) {
    const tenantId = await targetTenantId(ctx, input.tenantId, 'tenantId');
    return templates.createTemplate(ctx, tenantId, input);
  }

  @FieldResolver(() => Int, { description: 'Notifications sent from it (counted in SQL).' })
  async totalSent(@Root() template: NotificationTemplate, @Ctx() ctx: ActivityContext): Promise<number> {
    return (await templates.templateCounts(ctx).load(template.code)).sent;
  }

  @FieldResolver(() => Int, { description: 'Of those, read.' })
  async totalRead(@Root() template: NotificationTemplate, @Ctx() ctx: ActivityContext): Promise<number> {
    return (await templates.templateCounts(ctx).load(template.code)).read;
  }
}
