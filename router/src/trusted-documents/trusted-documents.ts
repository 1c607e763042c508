import { DomainError, isPlatformAdmin, type Caller, type Logger } from '@platform/kit';
import { documentHash, sha256 } from './document-hash';

/** `enforce` refuses documents off the list, `log` only reports them, `off` lets everything through. */
export const TRUSTED_DOCUMENTS_MODES = ['enforce', 'log', 'off'] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

export interface TrustedDocumentsOptions {
  mode: TrustedDocumentsMode;
  /** {@link documentHash} of every document the router runs for anyone (schema/trusted-documents.json). */
  hashes: Iterable<string>;
  /** Signed-in platform admins may send any document (consoles, support). */
  exemptPlatformAdmins?: boolean;
}

/** Whether `source` may run for `caller`: undefined when it may, else the error to answer with. */
export type DocumentGate = (source: string | undefined, caller: Caller | null) => DomainError | undefined;

/**
 * The allow-list of operations (trusted documents), checked before the document is even parsed for validation,
 * so an outsider learns nothing about the schema from the refusal. Over HTTP and WebSocket alike.
 */
export function documentGate(opts: TrustedDocumentsOptions | undefined, logger: Logger): DocumentGate {
  if (!opts || opts.mode === 'off') return () => undefined;
  const trusted = new Set(opts.hashes);
  const { mode, exemptPlatformAdmins } = opts;
  return (source, caller) => {
    if (source === undefined || trusted.has(sha256(source))) return undefined;
    if (exemptPlatformAdmins && isPlatformAdmin(caller)) return undefined;
    const hash = normalisedHash(source);
    if (trusted.has(hash)) return undefined;
    logger.warn({ documentHash: hash, userId: caller?.userId, mode }, 'operation not on the trusted documents list');
    if (mode === 'log') return undefined;
    return new DomainError('FORBIDDEN', 'This operation is not on the list of trusted documents', {
      reason: 'UNTRUSTED_DOCUMENT',
      http: { status: 403 },
    });
  };
}

/** Unparsable text is hashed as sent: it is on no list either way. */
function normalisedHash(source: string): string {
  try {
    return documentHash(source);
  } catch {
    return sha256(source);
  }
}
