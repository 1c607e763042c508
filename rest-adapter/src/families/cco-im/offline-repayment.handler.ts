import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { money2, sniffContentType } from '@platform/kit';
import { invalidInput, RestError } from '../../framework/rest-error';
import type { StreamDeps } from '../../framework/route';
import { defined } from '../shared/inputs';
import { receiveUpload } from '../shared/uploads';
import { localTime } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';
import { ImReceiptFileDocument, ImReceiptUploaderDocument, ImRegisterReceiptDocument, ImReportOfflineRepaymentDocument } from './operations.generated';
import { clientId, day, decimal, money, positiveMoney } from './work.shapes';

export const OFFLINE_METHODS = ['cash', 'bank_transfer', 'ewallet', 'other'] as const;
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
export const offlineResponse = z.object({
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
export async function reportOffline(caseId: string, request: FastifyRequest, deps: StreamDeps) {
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

