import { z } from 'zod';
import { money2 } from '@platform/kit';
import { graphqlRoute, streamRoute } from '../../framework/route';
import { defined, intIdParam, queryInt } from '../shared/inputs';
import { localTime } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';
import { OFFLINE_METHODS, offlineResponse, reportOffline } from './offline-repayment.handler';
import {
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
import {
  caseParams,
  clientId,
  CLOSING_STATUSES,
  common,
  dateRange,
  day,
  decimal,
  imPageQuery,
  money,
  positiveMoney,
  PTP_METHODS,
  PTP_STATUSES,
  ptpList,
  rangeOf,
  repaymentItem,
  SCOPE,
  toPtpList,
} from './work.shapes';

export const ccoImWorkRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/{case_id}/ptp',
    summary: '添加PTP承诺',
    description:
      'promise_amount above 0 and at most the case’s outstanding amount; promise_date from today (the tenant’s ' +
      'calendar) to the tenant’s `ptp_max_days` ahead (default 30); otherwise 400 naming the field. A new promise ' +
      `replaces the case’s open one (cancelled). Offline sync: send \`client_id\`; a retry with the same client_id answers the first record (the same client_id for another case is 409). ${SCOPE}`,
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
