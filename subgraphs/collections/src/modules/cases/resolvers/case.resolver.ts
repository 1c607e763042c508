import { badInput, can } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../entities/collection-case.entity';
import { findCase, listCases } from '../services/case-query.service';
import { importCases, MAX_IMPORT_ROWS } from '../services/case-import.service';
import { updateCaseStatus } from '../services/case-status.service';
import { writeTenant } from '../../config/services/tenant-target';
import { CasesArgs, ImportCasesInput, UpdateCaseStatusInput } from './case.inputs';
import { CaseImportResult, CasePage, CaseStatusChange } from './case.types';

@Resolver()
export class CaseResolver {
  @Query(() => CasePage, {
    description: 'The cases in the caller’s scope (tenant, agency, team group or team) matching the filters; newest first unless sorted. At most 100 a page.',
  })
  cases(@Args(() => CasesArgs) args: CasesArgs, @Ctx() ctx: CollectionsContext) {
    return listCases(ctx, args.filter, args.sort, args.window());
  }

  @Query(() => CollectionCase, { nullable: true, description: 'One case in the caller’s scope; another scope’s or tenant’s is null.' })
  case(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext) {
    return findCase(ctx, id);
  }

  @Mutation(() => CaseImportResult, { description: 'Imports (upserts by case code) up to 10,000 cases; per-row results.' })
  async importCases(@Arg('input') input: ImportCasesInput, @Ctx() ctx: CollectionsContext): Promise<CaseImportResult> {
    const tenantId = writeTenant(ctx, input.tenantId || null);
    if (!input.cases.length || input.cases.length > MAX_IMPORT_ROWS) {
      throw badInput('cases', `cases must hold 1 to ${MAX_IMPORT_ROWS} rows`);
    }
    return importCases(ctx, tenantId, input.cases);
  }

  @Mutation(() => CaseStatusChange, { description: 'Changes a case’s status (validated transitions), optionally its total repaid amount.' })
  updateCaseStatus(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCaseStatusInput, @Ctx() ctx: CollectionsContext) {
    return updateCaseStatus(ctx, id, input);
  }
}

export const caseRules = {
  Query: { cases: can('cases:view'), case: can('cases:view') },
  Mutation: { importCases: can('cases:import'), updateCaseStatus: can('cases:update') },
};
