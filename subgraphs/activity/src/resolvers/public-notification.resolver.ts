import { PageArgs, type PageArgsType } from '@platform/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ActivityContext } from '../activity.context';
import { PublicNotification } from '../entities/public-notification.entity';
import * as announcements from '../services/public-notification.service';
import { PublicNotificationPage } from './pages';
import { CreatePublicNotificationInput } from './public-notification.input';

const PageOf10 = PageArgs({ size: 10 });
const PageOf20 = PageArgs({ size: 20 });

@Resolver(() => PublicNotification)
export class PublicNotificationResolver {
  @Query(() => PublicNotificationPage, { description: "Every announcement of the tenant, newest first (CCO 10.4)." })
  publicNotifications(@Args(() => PageOf10) page: PageArgsType, @Ctx() ctx: ActivityContext) {
    return announcements.listPublicNotifications(ctx, page.window());
  }

  @Query(() => PublicNotificationPage, { description: 'Announcements in effect now for the caller (collector app 7.5).' })
  currentPublicNotifications(@Args(() => PageOf20) page: PageArgsType, @Ctx() ctx: ActivityContext) {
    return announcements.listCurrentPublicNotifications(ctx, page.window());
  }

  @Mutation(() => PublicNotification, { description: 'CCO 10.5.' })
  createPublicNotification(@Arg('input') input: CreatePublicNotificationInput, @Ctx() ctx: ActivityContext) {
    return announcements.createPublicNotification(ctx, input);
  }

  @Mutation(() => PublicNotification, { description: 'Marks an announcement read for the caller (idempotent).' })
  markPublicNotificationRead(@Arg('id', () => ID) id: string, @Ctx() ctx: ActivityContext) {
    return announcements.markPublicNotificationRead(ctx, id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller has read it.' })
  async read(@Root() notice: PublicNotification, @Ctx() ctx: ActivityContext): Promise<boolean> {
    return (await announcements.publicReadAt(ctx).load(notice.id)) !== null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the caller read it.' })
  readAt(@Root() notice: PublicNotification, @Ctx() ctx: ActivityContext): Promise<Date | null> {
    return announcements.publicReadAt(ctx).load(notice.id);
  }
}
