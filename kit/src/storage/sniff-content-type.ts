/**
 * The content type the bytes themselves show (magic numbers, via `file-type`), or `declared` when they show none
 * (plain text, CSV, JSON have no signature). `file-type` is ESM-only: a dynamic import loads it from this CommonJS
 * build under Node and under jest (`--experimental-vm-modules`) alike.
 */
export async function sniffContentType(firstBytes: Uint8Array, declared: string | undefined): Promise<string> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(firstBytes);
  return found?.mime ?? declared ?? 'application/octet-stream';
}
