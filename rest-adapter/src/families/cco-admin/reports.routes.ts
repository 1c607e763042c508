import { z } from 'zod';
import { rateLimit, streamRoute } from '../../framework/route';
import { sendXlsx, XLSX_TYPE } from '../../framework/xlsx-download';
import { defined, intId } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages, tenantZone } from './cco.shapes';
import {
  CcoCaseExportColumnsDocument,
  CcoCaseExportPageDocument,
  CcoPerformanceReportColumnsDocument,
  CcoPerformanceReportPageDocument,
} from './operations.generated';

/**
 * Rows per page asked of collections. A page is one list of text cells per row, so the router's cost estimate is
 * about one per row whatever the columns: 1,000 rows stay under the default MAX_COST of 5,000.
 */
const EXPORT_PAGE_ROWS = 1000;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const statuses = ['pending_repayment', 'partial_repayment', 'settled', 'promised', 'recalled', 'closed', 'written_off'] as const;

/** The tenant's calendar day `YYYYMMDD` for a file name. */
const stamp = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date()).replaceAll('-', '');

const caseExportBody = z.object({
  filters: z
    .object({
      queue_id: intId.optional(),
      agency_id: intId.optional(),
      team_id: intId.optional(),
      collector_id: intId.optional(),
      case_status: z.enum(statuses).optional(),
      overdue_days_min: z.number().int().min(0).optional(),
      overdue_days_max: z.number().int().min(0).optional(),
      date_field: z.enum(['created_at', 'assigned_at']).optional().describe('What date_range bounds; created_at unless given'),
      date_range: z.object({ start: day.optional(), end: day.optional() }).optional(),
    })
    .optional(),
  fields: z.array(z.string().min(1).max(100)).min(1).max(100).describe('Field keys, in the order of the columns'),
});

const performanceExportBody = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)'),
  agency_id: intId.optional(),
  team_id: intId.optional(),
});

const id = (value: number | undefined) => (value === undefined ? undefined : String(value));

const XLSX_NOTE =
  'Answers the .xlsx itself (decisions.md: 报表导出 → Excel文件下载), `Content-Disposition: attachment`, built while ' +
  'it is sent from keyset pages of 1,000 rows (memory holds one page, whatever the size). Money cells are numbers ' +
  'with two decimals, times `YYYY-MM-DD HH:mm:ss` in the tenant\u2019s zone. Errors (400, 401, 403) are the family\u2019s ' +
  'error body, answered before any byte of the file. A collector token is 403.';

export const ccoReportRoutes = [
  streamRoute({
    method: 'POST',
    path: '/api/v1/reports/cases/export',
    family: ccoAdmin,
    summary: '导出案件列表',
    description:
      `${XLSX_NOTE} Columns: \`fields\` in the order given, headed by the tenant\u2019s field names (field display of ` +
      'scene `export`, else `admin_case_list`, else the standard field name, else the key); an unknown key is 400 ' +
      'naming `fields`. Rows: the cases of the caller\u2019s data scope matching `filters` (queue_id, agency_id, team_id, ' +
      'collector_id, case_status, overdue_days_min/max), `date_range` {start, end} being inclusive days of the ' +
      'tenant\u2019s calendar on `created_at` (when the case reached the platform) unless `date_field` is `assigned_at`; ' +
      'by case id. Personal data (mobile, id_number, email, address, bank_account) is masked unless the caller holds ' +
      '`cases:view_sensitive`.',
    auth: true,
    rateLimit: rateLimit.none,
    body: caseExportBody,
    binary: XLSX_TYPE,
    errorMessages: ccoFieldMessages,
    fieldAliases: { startDate: 'filters.date_range.start', endDate: 'filters.date_range.end', fields: 'fields' },
    operations: [CcoCaseExportColumnsDocument, CcoCaseExportPageDocument],
    async handle({ body }, request, reply, deps) {
      const { me, caseExportColumns } = await deps.graph(CcoCaseExportColumnsDocument, { fields: body.fields });
      const zone = tenantZone(me);
      const f = body.filters ?? {};
      const filter = defined({
        queueId: id(f.queue_id),
        agencyId: id(f.agency_id),
        teamId: id(f.team_id),
        collectorId: id(f.collector_id),
        caseStatus: f.case_status,
        overdueDaysMin: f.overdue_days_min,
        overdueDaysMax: f.overdue_days_max,
        dateField: f.date_field === 'assigned_at' ? ('assignedAt' as const) : undefined,
        startDate: f.date_range?.start,
        endDate: f.date_range?.end,
      });
      const page = async (afterId?: string) =>
        (await deps.graph(CcoCaseExportPageDocument, { fields: body.fields, filter, afterId, first: EXPORT_PAGE_ROWS, zone })).caseExportPage;
      return sendXlsx(reply, {
        fileName: `cases_${stamp(zone)}.xlsx`,
        sheetName: '案件列表',
        columns: caseExportColumns,
        zone,
        firstPage: await page(),
        nextPage: page,
        logger: request.log,
      });
    },
  }),
  streamRoute({
    method: 'POST',
    path: '/api/v1/reports/performance/export',
    family: ccoAdmin,
    summary: '导出催员绩效报表',
    description:
      `${XLSX_NOTE} The document lists only the path; the body is {month (YYYY-MM, required), agency_id, team_id}. ` +
      'One row per collector of the caller\u2019s data scope (of that agency / team), by collector id, with the figures ' +
      'of 催员绩效统计 (§ 11.4) for that month of the tenant\u2019s calendar: 催员ID, 催员编号, 催员姓名, 机构, 小组, 月份, ' +
      '案件总数 (cases held now), 已联系案件数 (distinct cases contacted in the month), 已结清案件数 (held cases settled ' +
      'in the month), 联系率, 结清率 (over 案件总数), 回款金额 (confirmed repayments in the month), PTP履约率 (kept over ' +
      'promises due in the month that were kept, partly kept or broken).',
    auth: true,
    rateLimit: rateLimit.none,
    body: performanceExportBody,
    binary: XLSX_TYPE,
    errorMessages: ccoFieldMessages,
    operations: [CcoPerformanceReportColumnsDocument, CcoPerformanceReportPageDocument],
    async handle({ body }, request, reply, deps) {
      const { me, performanceReportColumns } = await deps.graph(CcoPerformanceReportColumnsDocument, {});
      const zone = tenantZone(me);
      const page = async (afterId?: string) =>
        (
          await deps.graph(CcoPerformanceReportPageDocument, {
            month: body.month,
            agencyId: id(body.agency_id),
            teamId: id(body.team_id),
            afterId,
            first: EXPORT_PAGE_ROWS,
            zone,
          })
        ).performanceReportPage;
      return sendXlsx(reply, {
        fileName: `performance_${body.month}.xlsx`,
        sheetName: '催员绩效',
        columns: performanceReportColumns,
        zone,
        firstPage: await page(),
        nextPage: page,
        logger: request.log,
      });
    },
  }),
];
