import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sniffContentType, type ObjectStorage } from '@platform/kit';
import { invalidInput, RestError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit, streamRoute, type StreamDeps } from '../../framework/route';
import { defined, idString } from '../shared/inputs';
import { origin, receiveUpload, servedName } from '../shared/uploads';
import { hr004 } from './hr004.family';
import { isoTime } from './hr004.shapes';
import { completionStatus } from './worklogs.mappers';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
import {
  HrExportFileForDownloadDocument,
  HrFileForDownloadDocument,
  HrRegisterUploadDocument,
  HrStartWorkLogExportDocument,
  HrTaskDocument,
  HrUploaderDocument,
} from './operations.generated';

/** 004 "上传文件": at most 10 MB. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const CATEGORIES = ['avatar', 'document', 'export'] as const;


const uploadResponse = z.object({
  file_id: z.string(),
  filename: z.string(),
  original_name: z.string(),
  size: z.number().int(),
  mime_type: z.string(),
  url: z.string(),
  category: z.enum(CATEGORIES),
  uploaded_at: isoTime,
});

async function upload(request: FastifyRequest, deps: StreamDeps) {
  // Who uploads, asked of the graph first (an anonymous or revoked caller is refused before any byte is read).
  const { me } = await deps.graph(HrUploaderDocument, {});
  const { fields, staged } = await receiveUpload(request, deps.storage, me.id, { fileField: 'file', maxBytes: MAX_UPLOAD_BYTES });
  const discard = () => (staged ? deps.storage.delete(staged.key).catch(() => undefined) : Promise.resolve());
  if (!staged) throw invalidInput('file', 'is required', 'REQUIRED');
  const category = z.enum(CATEGORIES).safeParse(fields.category);
  if (!category.success) {
    await discard();
    throw invalidInput('category', `must be one of ${CATEGORIES.join(', ')}`, fields.category ? 'INVALID' : 'REQUIRED');
  }
  const contentType = await sniffContentType(staged.meter.firstBytes(), staged.declaredType || undefined);
  try {
    const { registerUpload: file } = await deps.graph(HrRegisterUploadDocument, {
      input: {
        stagingKey: staged.key,
        filename: staged.filename || 'file',
        size: staged.meter.size,
        sha256: staged.meter.sha256(),
        contentType,
        category: category.data,
      },
    });
    const filename = servedName(file.originalName);
    return {
      status: 201,
      payload: {
        file_id: file.id,
        filename,
        original_name: file.originalName,
        size: file.size,
        mime_type: file.contentType,
        url: `${origin(request)}/uploads/${file.id}/${filename}`,
        category: file.category,
        uploaded_at: hr004.time(file.createdAt),
      },
    };
  } catch (error) {
    await discard();
    throw error;
  }
}

/** Sends the stored bytes with the file's own content type; the graph has already said the caller may read it. */
async function sendObject(reply: FastifyReply, storage: ObjectStorage, file: { storageKey: string; contentType: string; originalName: string }) {
  const object = await storage.get(file.storageKey);
  if (!object) throw new RestError('NOT_FOUND', 'The file\u2019s bytes are missing');
  await reply
    .type(file.contentType)
    .header('content-length', String(object.size))
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
    .send(object.body);
  return { sent: true as const };
}

// Ids are passed on as they come: an id the platform never issued is 404 RESOURCE_001, as on every 004 route.
const idParam = (what: string) => z.string().max(64).describe(`The ${what} id (a UUID)`);

const fileParams = z.object({
  file_id: idParam('file'),
  filename: z.string().max(255),
});

const downloadRoute = (path: string, summary: string) =>
  streamRoute({
    method: 'GET',
    path,
    family: hr004,
    summary,
    description:
      'The uploaded bytes with their content type, to the file\u2019s owner, their tenant\u2019s admins, or whom the ' +
      'owning domain allows (avatars: the tenant); anyone else gets 404 as for a missing file. `{filename}` is ' +
      'informative: the id alone names the file.',
    auth: true,
    rateLimit: rateLimit.normal,
    params: fileParams,
    binary: true,
    operations: [HrFileForDownloadDocument],
    async handle(input, _request, reply, deps) {
      const { file } = await deps.graph(HrFileForDownloadDocument, { id: input.params.file_id });
      return sendObject(reply, deps.storage, file);
    },
  });

const taskResponse = z.object({
  task_id: z.string(),
  status: z.enum(['pending', 'processing', 'completed', 'failed']),
  progress: z.number().int().min(0).max(100),
  file_url: z.string().optional(),
  error_message: z.string().optional(),
  created_at: isoTime,
});

export const hrFileRoutes = [
  graphqlRoute({
    method: 'POST',
    path: '/api/worklogs/export',
    family: hr004,
    summary: '导出工作日志',
    description:
      'Queues an export task (poll `GET /api/tasks/{task_id}`, or subscribe to `taskProgress`). The .xlsx holds the ' +
      'logs the caller may see, with the list\u2019s filters (`employee_id`, `start_date`, `end_date` inclusive, ' +
      '`completion_status`). 200: the document shows no status and the task is not the resource asked for.',
    auth: true,
    rateLimit: rateLimit.export,
    body: z.object({
      employee_id: idString.optional(),
      start_date: day.optional(),
      end_date: day.optional(),
      completion_status: completionStatus.optional(),
    }),
    response: z.object({ task_id: z.string() }),
    operation: HrStartWorkLogExportDocument,
    variables: ({ body }) => ({
      filter: defined({
        employeeId: body.employee_id,
        startDate: body.start_date,
        endDate: body.end_date,
        completionStatus: body.completion_status,
      }),
    }),
    map: (d) => ({ task_id: d.startWorkLogExport.id }),
  }),
  streamRoute({
    method: 'POST',
    path: '/api/upload',
    family: hr004,
    summary: '上传文件',
    description:
      'multipart/form-data with `file` (at most 10 MB: 413 otherwise, nothing kept) and `category` ' +
      '(avatar | document | export). The body streams into storage; `mime_type` is what the bytes show where they ' +
      'carry a signature, else the part\u2019s declared type. 201 (the family\u2019s status for a creation).',
    status: 201,
    auth: true,
    rateLimit: rateLimit.upload,
    response: uploadResponse,
    operations: [HrUploaderDocument, HrRegisterUploadDocument],
    form: {
      file: { type: 'string', format: 'binary', description: 'The file, at most 10 MB' },
      category: { type: 'string', enum: CATEGORIES },
    },
    handle: (_input, request, _reply, deps) => upload(request, deps),
  }),
  downloadRoute('/api/uploads/{file_id}/{filename}', '下载文件'),
  downloadRoute('/uploads/{file_id}/{filename}', '下载文件 (the `url` an upload answers)'),
  streamRoute({
    method: 'GET',
    path: '/downloads/{filename}',
    family: hr004,
    summary: '下载导出文件',
    description: 'An export task\u2019s `.xlsx` (its `file_url`), to the task\u2019s requester and their tenant\u2019s admins.',
    auth: true,
    rateLimit: rateLimit.normal,
    params: z.object({ filename: z.string().max(255) }),
    binary: true,
    operations: [HrExportFileForDownloadDocument],
    async handle(input, _request, reply, deps) {
      const { exportFile } = await deps.graph(HrExportFileForDownloadDocument, { fileName: input.params.filename });
      return sendObject(reply, deps.storage, exportFile);
    },
  }),
  streamRoute({
    method: 'GET',
    path: '/api/tasks/{task_id}',
    family: hr004,
    summary: '查询导出任务状态',
    description:
      'decisions.md: `file_url` (under `/downloads/`) only when completed, `error_message` only when failed. ' +
      'The task\u2019s requester and their tenant\u2019s admins see it; anyone else gets 404.',
    auth: true,
    rateLimit: rateLimit.normal,
    params: z.object({ task_id: idParam('task') }),
    response: taskResponse,
    operations: [HrTaskDocument],
    async handle(input, request, _reply, deps) {
      const { exportTask: t } = await deps.graph(HrTaskDocument, { id: input.params.task_id });
      return {
        payload: {
          task_id: t.id,
          status: t.status,
          progress: t.progress,
          ...(t.status === 'completed' && t.fileName ? { file_url: `${origin(request)}/downloads/${t.fileName}` } : {}),
          ...(t.status === 'failed' && t.errorMessage ? { error_message: t.errorMessage } : {}),
          created_at: hr004.time(t.createdAt),
        },
      };
    },
  }),
];
