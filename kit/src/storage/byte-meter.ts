import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** The first bytes kept for content sniffing (file-type reads at most ~4 KiB for the common formats). */
const SNIFF_BYTES = 4100;

export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
  }
}

/**
 * A pass-through that counts, hashes (sha256) and keeps the first bytes of what flows through it, and fails the
 * stream with TooLargeError as soon as more than `maxBytes` have passed: nothing is buffered beyond one chunk.
 */
export class ByteMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headSize = 0;
  private digest?: string;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new TooLargeError(this.maxBytes));
    this.hash.update(chunk);
    if (this.headSize < SNIFF_BYTES) {
      this.head.push(chunk.subarray(0, SNIFF_BYTES - this.headSize));
      this.headSize += Math.min(chunk.length, SNIFF_BYTES - this.headSize);
    }
    done(null, chunk);
  }

  /** The sha256 of everything that passed, hex; call once the stream has ended. */
  sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  firstBytes(): Buffer {
    return Buffer.concat(this.head);
  }
}
