import { randomFillSync } from 'node:crypto';

/**
 * UUID v7 made in JS, so an entity has its id before the flush (events and DataLoader keys need it).
 * v7 rather than v4: time-ordered keys keep InnoDB's clustered primary index append-only. Within one process
 * ids are strictly increasing (a counter fills rand_a inside a millisecond), so ordering by id is creation order.
 */
let lastMs = 0;
let sequence = 0;

/** Random bytes drawn 4 KiB at a time: one call into the CSPRNG per 512 ids rather than one per id (an outbox row each). */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomTail(into: Buffer): void {
  if (poolOffset + 8 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  pool.copy(into, 8, poolOffset, poolOffset + 8);
  poolOffset += 8;
}

export function uuidv7(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs++; // 4096 ids in one millisecond: borrow the next one, as RFC 9562 allows
    sequence = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  randomTail(bytes);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
