import type { ErrorCode } from '@platform/kit';
import { familyMessage, schema, type Family } from '../../framework/family';

export interface CodeEnvelopeOptions {
  id: string;
  title: string;
  /** The family's own wording per code (its error-code table). */
  messages: Record<ErrorCode, string>;
  time: Family['time'];
  /** 001 always carries `data` (null when there is none); CCO omits it where the document shows no data. */
  dataAlways: boolean;
}

/**
 * The `{code, message, data}` families (CCO admin, partner, collector app; BANTU 001). `code` mirrors the HTTP
 * status; errors are `{code:4xx, message, data:null}`.
 */
export function codeEnvelopeFamily(opts: CodeEnvelopeOptions): Family {
  return {
    id: opts.id,
    title: opts.title,
    invalidInputStatus: 400,
    fieldCase: 'snake',
    success(payload, ctx) {
      const body: Record<string, unknown> = { code: ctx.status, message: ctx.message ?? 'success' };
      if (payload !== undefined) body.data = payload;
      else if (opts.dataAlways) body.data = null;
      return body;
    },
    error: (error, ctx) => ({
      code: ctx.status,
      message: familyMessage(error, ctx, opts.messages[error.code]),
      data: ctx.data ?? null,
    }),
    successSchema: (data) =>
      schema.object(
        { code: schema.integer, message: schema.string, data: data ?? { type: 'null' } },
        data || opts.dataAlways ? ['code', 'message', 'data'] : ['code', 'message'],
      ),
    errorSchema: schema.object({
      code: schema.integer,
      message: schema.string,
      data: { anyOf: [{ type: 'null' }, { type: 'object' }], description: 'null, unless the route describes more (e.g. the devices signed in)' },
    }),
    time: opts.time,
  };
}
