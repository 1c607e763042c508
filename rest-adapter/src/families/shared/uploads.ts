import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { ByteMeter, TooLargeError, type ObjectStorage } from '@platform/kit';
import { invalidInput } from '../../framework/rest-error';

/** Multipart uploads as every family receives them: the file part streamed into staging, the files subgraph registers it. */

/** Where the adapter is reached, as the client reached it (proxy headers as far as trusted). */
export const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The name under `/uploads/{id}/`: the original name with anything unsafe in a URL path replaced. */
export const servedName = (original: string) => original.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_') || 'file';

/** The URL `/uploads/{id}/{name}` serves a stored file at (its readers only). */
export const uploadUrl = (base: string, file: { id: string; originalName: string }) => `${base}/uploads/${file.id}/${servedName(file.originalName)}`;

export interface Staged {
  key: string;
  meter: ByteMeter;
  declaredType: string;
  filename: string;
}

export interface UploadLimits {
  /** The form field holding the file (other file parts are skipped). */
  fileField: string;
  maxBytes: number;
}

/** Streams the one file part into storage under the uploader's staging prefix, counting and hashing as it goes. */
async function stageFile(storage: ObjectStorage, userId: string, part: { file: Readable; mimetype: string; filename: string }, limits: UploadLimits): Promise<Staged> {
  const staged = { key: `staging/${userId}/${randomUUID()}`, meter: new ByteMeter(limits.maxBytes), declaredType: part.mimetype, filename: part.filename };
  part.file.on('error', (error) => staged.meter.destroy(error));
  staged.meter.on('error', () => undefined); // reported by the store's put, awaited below
  try {
    await storage.put(staged.key, part.file.pipe(staged.meter), { contentType: part.mimetype || 'application/octet-stream' });
  } catch (error) {
    part.file.resume(); // let the rest of the body go by, so the 413 is sent
    await storage.delete(staged.key).catch(() => undefined);
    if (error instanceof TooLargeError || staged.meter.size > limits.maxBytes) {
      throw invalidInput(limits.fileField, `must be at most ${limits.maxBytes} bytes`, 'TOO_LARGE').withStatus(413);
    }
    throw error;
  }
  return staged;
}

/**
 * Reads a multipart body in order: the file part (`limits.fileField`) is streamed to storage as it arrives (the files
 * subgraph registers it from there), fields are kept. Not multipart at all: 400 naming the file field.
 */
export async function receiveUpload(request: FastifyRequest, storage: ObjectStorage, userId: string, limits: UploadLimits) {
  if (!request.isMultipart()) throw invalidInput(limits.fileField, 'is required (multipart/form-data)', 'REQUIRED');
  const fields: Record<string, string> = {};
  let staged: Staged | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: limits.maxBytes + 1 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== limits.fileField || staged) {
          part.file.resume();
          continue;
        }
        staged = await stageFile(storage, userId, part, limits);
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (staged) await storage.delete(staged.key).catch(() => undefined);
    throw error;
  }
  return { fields, staged };
}
