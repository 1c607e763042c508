import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { money2, sniffContentType } from '@platform/kit';
import { invalidInput, RestError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit, streamRoute, type StreamDeps } from '../../framework/route';
import { defined, intIdParam, queryInt } from '../shared/inputs';
import { receiveUpload } from '../shared/multipart-upload';
import { ccoFieldMessages, localTime } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';
import {
  type ImPtpListFragment,
  ImCaseRepaymentsDocument,
  ImCreatePaymentLinkDocument,
  ImCreatePtpDocument,
  ImDuePtpsDocument,
  ImMyPtpsDocument,
  ImReceiptFileDocument,
  ImReceiptUploaderDocument,
  ImRegisterReceiptDocument,
  ImReportOfflineRepaymentDocument,
  ImUpdatePtpStatusDocument,
} from './operations.generated';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const money = z.number().describe('exact, 2 decimals');
/** A positive amount with at most 2 decimals; sent on as a decimal string, so nothing turns binary. */
const positiveMoney = z
  .number()
  .positive()
  .max(1e13)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must have at most 2 decimals');
const decimal = (v: number) => v.toFixed(2);

/** Collector app 通用说明 · 分页参数: `page` from 1, `size` default 20, at most 100. */
const imPageQuery = {
  page: queryInt(1).default(1).describe('页码（从1开始）'),
  size: queryInt(1, 100).default(20).describe('每页数量（默认20，最大100）'),
};

const clientId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w.:-]+$/, 'may hold letters, digits and . _ : - only')
  .describe('The app’s own id of this write (e.g. a UUID made offline): a retried sync with the same client_id answers the first record and records nothing more');

const PTP_METHODS = ['bank_transfer', 'ewallet', 'cash', 'other'] as const;
const PTP_STATUSES = ['pending', 'partially_kept', 'kept', 'broken', 'cancelled', 'expired'] as const;
const CLOSING_STATUSES = ['kept', 'partially_kept', 'broken'] as const;

const caseParams = z.object({ case_id: intIdParam.describe('案件ID') });
const common = { family: ccoIm, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
const SCOPE =
  'A collector works only the cases assigned to them: another collector’s case is 403, an unknown one 404; a team ' +
  'leader works their team’s, an administrator their tenant’s.';

const ptpItem = z.object({
  id: z.number().int(),
  case_id: z.number().int(),
  case_code: z.string().nullable(),
  user_name: z.string().nullable().describe('The debtor’s name'),
  promise_date: day,
  promise_amount: money,
  promise_status: z.enum(PTP_STATUSES.filter((s) => s !== 'expired') as [string, ...string[]]),
  days_until_due: z.number().int().describe('Days from today (the tenant’s calendar) to promise_date; negative once past'),
  created_at: localTime,
});

const ptpList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  summary: z.object({
    pending_count: z.number().int(),
    partially_kept_count: z.number().int(),
    kept_count: z.number().int(),
    broken_count: z.number().int(),
    total_promise_amount: money,
  }),
  items: z.array(ptpItem),
});

const toPtpList = (p: ImPtpListFragment, zone: string, size: number): z.input<typeof ptpList> => ({
  total: p.total,
  page: p.page,
  size,
  summary: {
    pending_count: p.summary.pendingCount,
    partially_kept_count: p.summary.partiallyKeptCount,
    kept_count: p.summary.keptCount,
    broken_count: p.summary.brokenCount,
    total_promise_amount: money2(p.summary.totalPromiseAmount),
  },
  items: p.items.map((i) => ({
    id: Number(i.id),
    case_id: Number(i.caseId),
    case_code: i.caseCode ?? null,
    user_name: i.debtorName ?? null,
    promise_date: i.promiseDate,
    promise_amount: money2(i.promiseAmount),
    promise_status: i.promiseStatus,
    days_until_due: i.daysUntilDue,
    created_at: ccoIm.time(i.createdAt, zone),
  })),
});

/** `date_range`: `2025-11-01,2025-11-30` (or `~` between), either end may be left out: `2025-11-01,`. */
const dateRange = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?[,~](\d{4}-\d{2}-\d{2})?$|^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD,YYYY-MM-DD (either end may be empty)')
  .describe('承诺日期范围: `YYYY-MM-DD,YYYY-MM-DD` (inclusive; `~` also separates; one date alone is that day)');
const rangeOf = (range: string | undefined) => {
  if (!range) return {};
  const [from, to] = range.includes(',') || range.includes('~') ? range.split(/[,~]/) : [range, range];
  return defined({ dateFrom: from || undefined, dateTo: to || undefined });
};

const repaymentItem = z.object({
  id: z.number().int(),
  repayment_date: day,
  repayment_amount: money,
  repayment_channel: z.string().nullable(),
  transaction_no: z.string().nullable(),
  status: z.enum(['success', 'pending']).describe('success: applied to the case; pending: an offline repayment awaiting review'),
});

const OFFLINE_METHODS = ['cash', 'bank_transfer', 'ewallet', 'other'] as const;
/** Collector app § 6.3: the receipt image, at most 10 MB (as 004 uploads). */
const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;
const offlineFields = z.object({
  repayment_amount: z.coerce.number().pipe(positiveMoney),
  repayment_date: day.optional().describe('YYYY-MM-DD (the tenant’s calendar); default today; never in the future'),
  repayment_method: z.enum(OFFLINE_METHODS).optional(),
  transaction_no: z.string().min(1).max(100).optional(),
  notes: z.string().min(1).max(500).optional(),
  client_id: clientId.optional(),
  receipt_image_url: z.string().max(1000).optional().describe('JSON bodies only: the `url` of an image uploaded through POST /api/upload'),
});
const offlineResponse = z.object({
  id: z.number().int(),
  case_id: z.number().int(),
  repayment_amount: money,
  repayment_date: day,
  repayment_method: z.string().nullable(),
  status: z.enum(['pending', 'success']),
  receipt_image_url: z.string().nullable(),
  created_at: localTime,
});

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const UPLOADED = /\/uploads\/([\w-]{1,64})\/[^/]+$/;

/** The zod issue as the CCO 400: `field: message`. */
function parsedFields(raw: unknown) {
  const parsed = offlineFields.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalidInput(String(issue.path[0] ?? 'body'), issue.message);
}

/**
 * The offline repayment: multipart (fields + `receipt_image`, streamed into storage and registered with files, its
 * content type kept) or JSON naming an already uploaded image. Who may report is the graph's word, asked first.
 */
async function reportOffline(caseId: string, request: FastifyRequest, deps: StreamDeps) {
  let fields: z.output<typeof offlineFields>;
  let receipt: { id: string; url: string } | null = null;
  if (request.isMultipart()) {
    const { me } = await deps.graph(ImReceiptUploaderDocument, {});
    const { fields: raw, staged } = await receiveUpload(request, deps.storage, me.id, { fileField: 'receipt_image', maxBytes: MAX_RECEIPT_BYTES });
    const discard = () => (staged ? deps.storage.delete(staged.key).catch(() => undefined) : Promise.resolve());
    try {
      fields = parsedFields(raw);
      if (!staged) throw invalidInput('receipt_image', 'is required', 'REQUIRED');
      const contentType = await sniffContentType(staged.meter.firstBytes(), staged.declaredType || undefined);
      if (!contentType.startsWith('image/')) throw invalidInput('receipt_image', 'must be an image');
      const { registerUpload: file } = await deps.graph(ImRegisterReceiptDocument, {
        input: { stagingKey: staged.key, filename: staged.filename || 'receipt', size: staged.meter.size, sha256: staged.meter.sha256(), contentType, category: 'document' },
      });
      const name = (staged.filename || 'receipt').replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_');
      receipt = { id: file.id, url: `${origin(request)}/uploads/${file.id}/${name}` };
    } catch (error) {
      await discard();
      throw error;
    }
  } else {
    fields = parsedFields(request.body ?? {});
    if (fields.receipt_image_url) {
      const uploaded = UPLOADED.exec(fields.receipt_image_url);
      if (!uploaded) throw invalidInput('receipt_image_url', 'must be the url of an image uploaded through POST /api/upload');
      // The caller must be able to read it (their own upload), and it must be an image.
      const { file } = await deps.graph(ImReceiptFileDocument, { id: uploaded[1] }).catch((error: unknown) => {
        if (error instanceof RestError && error.code === 'NOT_FOUND') throw invalidInput('receipt_image_url', 'names no file you uploaded');
        throw error;
      });
      if (!file.contentType.startsWith('image/')) throw invalidInput('receipt_image_url', 'must be an image');
      receipt = { id: file.id, url: fields.receipt_image_url };
    }
  }
  const { reportOfflineRepayment: r } = await deps.graph(ImReportOfflineRepaymentDocument, {
    input: defined({
      caseId,
      amount: decimal(fields.repayment_amount),
      repaymentDate: fields.repayment_date,
      repaymentMethod: fields.repayment_method,
      transactionNo: fields.transaction_no,
      notes: fields.notes,
      clientId: fields.client_id,
      receiptFileId: receipt?.id,
    }),
  });
  const zone = r.tenant.zone;
  return {
    payload: {
      id: Number(r.id),
      case_id: Number(r.caseId),
      repayment_amount: money2(r.repaymentAmount),
      repayment_date: ccoIm.time(r.repaymentDate, zone).slice(0, 10),
      repayment_method: r.repaymentChannel ?? null,
      status: r.confirmed ? ('success' as const) : ('pending' as const),
      receipt_image_url: receipt?.url ?? (r.receiptFileId ? `${origin(request)}/uploads/${r.receiptFileId}/receipt` : null),
      created_at: ccoIm.time(r.createdAt, zone),
    } satisfies z.input<typeof offlineResponse>,
  };
}

export const ccoImWorkRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/{case_id}/ptp',
    summary: '添加PTP承诺',
    description:
      'promise_amount above 0 and at most the case’s outstanding amount; promise_date from today (the tenant’s ' +
      'calendar) to the tenant’s `ptp_max_days` ahead (default 30); otherwise 400 naming the field. A new promise ' +
      `replaces the case’s open one (cancelled). Offline sync: send \`client_id\`; a retry with the same client_id answers the first record. ${SCOPE}`,
    params: caseParams,
    body: z.object({
      promise_date: day,
      promise_amount: positiveMoney,
      promise_method: z.enum(PTP_METHODS).optional(),
      confidence_level: z.enum(['high', 'medium', 'low']).optional(),
      notes: z.string().min(1).max(500).optional(),
      client_id: clientId.optional(),
    }),
    response: z.object({ id: z.number().int(), case_id: z.number().int(), promise_date: day, created_at: localTime }),
    message: 'PTP记录保存成功',
    operation: ImCreatePtpDocument,
    variables: ({ params, body }) => ({
      input: defined({
        caseId: params.case_id,
        promiseDate: body.promise_date,
        promiseAmount: decimal(body.promise_amount),
        promiseMethod: body.promise_method,
        confidenceLevel: body.confidence_level,
        notes: body.notes,
        clientId: body.client_id,
      }),
    }),
    map: ({ createPtp: p }) => ({ id: Number(p.id), case_id: Number(p.caseId), promise_date: p.promiseDate, created_at: ccoIm.time(p.createdAt, p.tenant.zone) }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/ptp/my',
    summary: '获取PTP列表',
    description:
      'The caller’s promises (a collector’s own; a team leader’s team’s; an administrator’s tenant’s), soonest date ' +
      'first. status: pending, partially_kept, kept, broken, cancelled (replaced by a newer promise), or expired (broken ' +
      'by the overdue check: the date passed unpaid; its items show promise_status broken). summary counts the same ' +
      'promises and date range over every status; total_promise_amount sums them.',
    query: z.object({ status: z.enum(PTP_STATUSES).optional(), date_range: dateRange.optional(), ...imPageQuery }),
    response: ptpList,
    operation: ImMyPtpsDocument,
    variables: ({ query }) => ({ status: query.status, ...rangeOf(query.date_range), page: query.page, pageSize: query.size }),
    map: ({ me, myPtps }, { query }) => toPtpList(myPtps, me.tenant?.zone ?? 'UTC', query.size),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/im/ptp/{ptp_id}/status',
    summary: '更新PTP状态',
    description:
      'promise_status kept, partially_kept or broken, from pending (partially_kept: to kept or broken); a closed ' +
      'promise cannot move (400). actual_repayment_date/amount record what the collector reports; the repayment itself ' +
      'is applied when it arrives (partner push, payment link, confirmed offline repayment). Answers the promise. ' +
      'Another collector’s promise is 403, an unknown one 404.',
    params: z.object({ ptp_id: intIdParam.describe('PTP ID') }),
    body: z.object({
      promise_status: z.enum(CLOSING_STATUSES),
      actual_repayment_date: day.optional(),
      actual_repayment_amount: positiveMoney.optional(),
      notes: z.string().min(1).max(500).optional(),
    }),
    response: z.object({
      id: z.number().int(),
      case_id: z.number().int(),
      promise_status: z.string(),
      actual_repayment_date: day.nullable(),
      actual_repayment_amount: money.nullable(),
      notes: z.string().nullable(),
      updated_at: localTime,
    }),
    message: '更新成功',
    fieldAliases: { status: 'promise_status' },
    operation: ImUpdatePtpStatusDocument,
    variables: ({ params, body }) => ({
      ptpId: params.ptp_id,
      status: body.promise_status,
      report: defined({
        actualRepaymentDate: body.actual_repayment_date,
        actualRepaymentAmount: body.actual_repayment_amount === undefined ? undefined : decimal(body.actual_repayment_amount),
        notes: body.notes,
      }),
    }),
    map: ({ updatePtpStatus: p }) => ({
      id: Number(p.id),
      case_id: Number(p.caseId),
      promise_status: p.promiseStatus,
      actual_repayment_date: p.actualRepaymentDate ?? null,
      actual_repayment_amount: p.actualRepaymentAmount ? money2(p.actualRepaymentAmount) : null,
      notes: p.notes ?? null,
      updated_at: ccoIm.time(p.updatedAt, p.tenant.zone),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/ptp/due-soon',
    summary: 'PTP到期提醒',
    description:
      'Open promises (pending, partially_kept) in the caller’s reach due from today to `days` ahead (default 3, at most ' +
      '90; the tenant’s calendar), soonest first; the PTP list’s format. The same promises are reminded live (`ptpDue`) ' +
      'and as a notice once they come due within 24 hours.',
    query: z.object({ days: queryInt(0, 90).default(3).describe('未来X天内到期（默认3天）'), ...imPageQuery }),
    response: ptpList,
    operation: ImDuePtpsDocument,
    variables: ({ query }) => ({ days: query.days, page: query.page, pageSize: query.size }),
    map: ({ me, duePtps }, { query }) => toPtpList(duePtps, me.tenant?.zone ?? 'UTC', query.size),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/cases/{case_id}/repayments',
    summary: '查看还款记录',
    description:
      'The case’s repayments, newest first (page, size). total_repayments counts them all; total_repaid_amount sums ' +
      'the applied ones (status success); an offline repayment awaiting review is listed as pending and not summed. ' +
      `repayment_date is the tenant’s calendar day. ${SCOPE}`,
    params: caseParams,
    query: z.object(imPageQuery),
    response: z.object({
      total_repayments: z.number().int(),
      total_repaid_amount: money,
      page: z.number().int(),
      size: z.number().int(),
      items: z.array(repaymentItem),
    }),
    operation: ImCaseRepaymentsDocument,
    variables: ({ params, query }) => ({ caseId: params.case_id, page: query.page, pageSize: query.size }),
    map: ({ me, caseRepaymentHistory: h }, { query }) => ({
      total_repayments: h.total,
      total_repaid_amount: money2(h.totalRepaidAmount),
      page: h.page,
      size: query.size,
      items: h.items.map((r) => ({
        id: Number(r.id),
        repayment_date: ccoIm.time(r.repaymentDate, me.tenant?.zone ?? 'UTC').slice(0, 10),
        repayment_amount: money2(r.repaymentAmount),
        repayment_channel: r.repaymentChannel ?? null,
        transaction_no: r.transactionNo ?? null,
        status: r.confirmed ? ('success' as const) : ('pending' as const),
      })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/{case_id}/payment-link',
    summary: '生成还款链接',
    description:
      'A payable link from the payment gateway for payment_amount (above 0, at most the outstanding amount), valid ' +
      'expire_hours (1–168, default 24). `link_id` names it. Once the debtor pays, the gateway’s signed callback ' +
      'applies the payment exactly as a partner’s repayment push (case amounts and status, the open PTP, the ' +
      'collector’s live notice), once however often it is reported. The embedded platform’s local gateway serves the ' +
      `page and its QR code itself. ${SCOPE}`,
    params: caseParams,
    body: z.object({ payment_amount: positiveMoney, expire_hours: z.number().int().min(1).max(168).optional() }),
    response: z.object({
      link_id: z.string(),
      payment_link: z.string(),
      qr_code_url: z.string().nullable(),
      payment_amount: money,
      expire_at: localTime,
      status: z.string(),
    }),
    fieldAliases: { amount: 'payment_amount', expireHours: 'expire_hours' },
    operation: ImCreatePaymentLinkDocument,
    variables: ({ params, body }) => ({ caseId: params.case_id, amount: decimal(body.payment_amount), expireHours: body.expire_hours }),
    map: ({ createPaymentLink: l }) => ({
      link_id: l.linkCode,
      payment_link: l.paymentUrl,
      qr_code_url: l.qrCodeUrl ?? null,
      payment_amount: money2(l.amount),
      expire_at: ccoIm.time(l.expiresAt, l.tenant.zone),
      status: l.status,
    }),
  }),
  // No upload rate class: the collector app's document sets no limits, and an app syncing a day of offline
  // repayments at once must not be turned away (004's 10 uploads/min are 004's).
  streamRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/{case_id}/offline-repayment',
    summary: '确认线下还款',
    description:
      'multipart/form-data: the fields below and `receipt_image` (an image, at most 10 MB: 413 otherwise, nothing kept; ' +
      'stored with its content type, readable at receipt_image_url by the collector and the tenant’s administrators). ' +
      'A JSON body with the same fields may name an image the caller uploaded before (`receipt_image_url`: the `url` ' +
      'POST /api/upload answered; any other is 400). The repayment is ' +
      'recorded pending (需要后台审核): listed in the case’s repayments, applied to the case once an administrator ' +
      `confirms it. Offline sync: a retry with the same client_id answers the first record. ${SCOPE}`,
    params: caseParams,
    response: offlineResponse,
    message: '提交成功，等待审核',
    operations: [ImReceiptUploaderDocument, ImRegisterReceiptDocument, ImReceiptFileDocument, ImReportOfflineRepaymentDocument],
    form: {
      repayment_amount: { type: 'string', description: 'Above 0, two decimals at most' },
      repayment_date: { type: 'string', description: 'YYYY-MM-DD; default today' },
      repayment_method: { type: 'string', enum: OFFLINE_METHODS },
      transaction_no: { type: 'string' },
      notes: { type: 'string' },
      client_id: { type: 'string', description: 'The app’s own id of this write (offline sync)' },
      receipt_image: { type: 'string', format: 'binary', description: 'The receipt image, at most 10 MB' },
    },
    handle: (input, request, _reply, deps) => reportOffline(input.params.case_id, request, deps),
  }),
];
