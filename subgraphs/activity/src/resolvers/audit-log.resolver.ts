import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ActivityContext } from '../activity.context';
import { listAuditLogs } from '../services/audit.service';
import { AuditLogFilter } from './audit-log.args';
import { AuditEntryPage } from './pages';

@Resolver()
export class AuditLogResolver {
  @Query(() => AuditEntryPage, { description: "The tenant's audit trail, newest first (audit:read or a tenant admin)." })
  auditLogs(@Args() args: AuditLogFilter, @Ctx() ctx: ActivityContext) {
    return listAuditLogs(ctx, args, args.window());
  }
}
