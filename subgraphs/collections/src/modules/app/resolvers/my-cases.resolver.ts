import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { CommunicationPage } from '../../work/services/communication.service';
import { worksCases } from '../../work/resolvers/work.rules';
import { appCase, appCaseCommunications } from '../services/app-case.service';
import { myCaseChanges } from '../services/case-changes.service';
import { myCases, quickFilterCounts } from '../services/my-cases.service';
import { MyCaseChangesArgs, MyCaseCommunicationsArgs, MyCasesArgs } from './my-cases.inputs';
import { CaseChangePage, MyCasePage, QuickFilterCount } from './my-cases.types';

const SCOPE = 'The caller’s data scope: a collector their own cases, a team leader their team’s (admins their wider scope).';

/** The collector app's view of cases (CCO app § 3, § 4.2) and its cache refresh. */
@Resolver()
export class MyCasesResolver {
  @Query(() => MyCasePage, { description: `Cases matching the app’s filters, one page (at most 100), with a summary of all that match. ${SCOPE}` })
  myCases(@Args(() => MyCasesArgs) args: MyCasesArgs, @Ctx() ctx: CollectionsContext) {
    return myCases(ctx, args.filter, args.sort, args.window());
  }

  @Query(() => [QuickFilterCount], { description: `How many cases each quick filter holds. ${SCOPE}` })
  myCaseQuickFilters(@Ctx() ctx: CollectionsContext) {
    return quickFilterCounts(ctx);
  }

  @Query(() => CollectionCase, { description: `One case; outside the caller’s scope FORBIDDEN, unknown or another tenant’s NOT_FOUND. ${SCOPE}` })
  myCase(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext) {
    return appCase(ctx, id);
  }

  @Query(() => CommunicationPage, { description: 'A case’s communications, newest first, by method and result; out of scope FORBIDDEN.' })
  myCaseCommunications(@Args(() => MyCaseCommunicationsArgs) args: MyCaseCommunicationsArgs, @Ctx() ctx: CollectionsContext) {
    return appCaseCommunications(ctx, args, args.window());
  }

  @Query(() => CaseChangePage, {
    description:
      `The caller’s cases written since the cursor, and those that left their reach (removed), oldest first, so an app can ` +
      `refresh its offline cache; no cursor: every case in reach. The cursor is opaque and only moves forward; a caught-up ` +
      `cursor trails the last 5 seconds, so changes of those seconds may come twice. ${SCOPE}`,
  })
  myCaseChanges(@Args(() => MyCaseChangesArgs) args: MyCaseChangesArgs, @Ctx() ctx: CollectionsContext) {
    return myCaseChanges(ctx, args.cursor, args.limit ?? 100);
  }
}

export const myCasesRules = {
  Query: { myCases: worksCases, myCaseQuickFilters: worksCases, myCase: worksCases, myCaseCommunications: worksCases, myCaseChanges: worksCases },
};
