import { can } from '@platform/kit';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { caseExportColumns, caseExportPage } from '../services/case-export.service';
import { CaseExportFilter } from './case-export.filter';
import { ReportColumn, ReportRows } from './report-page';

/**
 * The case list export (CCO admin § 12.1): the columns once, then the rows page by page (keyset on the case id), so
 * whoever writes the file holds one page at a time.
 */
@Resolver()
export class CaseExportResolver {
  @Query(() => [ReportColumn], {
    description:
      'The export\u2019s columns for `fields` (document keys, e.g. case_code, mobile, outstanding_amount), in their order, ' +
      'headed by the tenant\u2019s names (field display of scene `export`, else `admin_case_list`, else the standard ' +
      'field\u2019s name, else the key). An unknown key is BAD_USER_INPUT naming `fields`.',
  })
  caseExportColumns(@Arg('fields', () => [String]) fields: string[], @Ctx() ctx: CollectionsContext): Promise<ReportColumn[]> {
    return caseExportColumns(ctx, fields);
  }

  @Query(() => ReportRows, {
    description:
      'One page of the export: cases in the caller\u2019s scope matching `filter`, with id > `afterId`, ascending, at most ' +
      '`first` (1–2000, default 500). Personal data is masked unless the caller holds `cases:view_sensitive`.',
  })
  caseExportPage(
    @Arg('fields', () => [String]) fields: string[],
    @Arg('filter', () => CaseExportFilter, { nullable: true }) filter: CaseExportFilter | undefined,
    @Arg('afterId', () => ID, { nullable: true }) afterId: string | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('zone', () => String, { nullable: true, description: 'The IANA zone the filter\u2019s dates are days of (the tenant\u2019s); UTC unless given.' })
    zone: string | undefined,
    @Ctx() ctx: CollectionsContext,
  ): Promise<ReportRows> {
    return caseExportPage(ctx, fields, filter, { afterId: afterId ?? undefined, first: first ?? undefined, zone: zone ?? undefined });
  }
}

export const caseExportRules = {
  caseExportColumns: can('reports:export'),
  caseExportPage: can('reports:export'),
};
