import { readFileSync } from 'node:fs';
import { documentHash } from './document-hash';

/** schema/trusted-documents.json: the documents the router runs for anyone when TRUSTED_DOCUMENTS is on. */
export interface TrustedDocumentsManifest {
  /** Where the documents come from, for the reader of the file. */
  source: string;
  documents: { name: string; hash: string }[];
}

/** The manifest of `documents` (named), sorted by name so the committed file only changes with them. */
export function buildManifest(source: string, documents: readonly { name: string; document: string }[]): TrustedDocumentsManifest {
  const byName = new Map(documents.map((d) => [d.name, documentHash(d.document)]));
  const names = [...byName.keys()].sort();
  return { source, documents: names.map((name) => ({ name, hash: byName.get(name)! })) };
}

/** The hashes of a manifest file; throws naming the file when it is missing or malformed. */
export function readManifestHashes(file: string): string[] {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<TrustedDocumentsManifest>;
  if (!Array.isArray(manifest.documents)) throw new Error(`${file}: not a trusted documents manifest`);
  return manifest.documents.map((d) => d.hash);
}
