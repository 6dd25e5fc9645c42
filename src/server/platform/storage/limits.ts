/**
 * Limits on the work an untrusted upload may cause (issue 17 §2, ADR 0112). A 1 MB PDF can
 * inflate to gigabytes and a 256 KB PNG can declare 64 megapixels: every inflate is capped in
 * output, every image in pixels, and the whole inspection runs in a worker (inspect-pool.ts)
 * with a wall-clock timeout and a heap limit.
 */
import { inflateSync } from 'node:zlib';

/** At most this many bytes from one inflated stream. */
export const MAX_INFLATE_PER_STREAM = 8 * 1024 * 1024;
/** At most this many inflated bytes for one file, all streams together. */
export const MAX_INFLATE_PER_FILE = 32 * 1024 * 1024;
/** Photos above this many pixels are refused before they are decoded (50 megapixels). */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** Wall-clock time one file's inspection may take in its worker. */
export const INSPECT_TIMEOUT_MS = 10_000;
/** Heap of an inspection worker (resourceLimits.maxOldGenerationSizeMb). */
export const INSPECT_WORKER_HEAP_MB = 256;

/** A refusal of the file's content, named by its message key (src/domain/i18n/messages.ts). */
export class InspectRefusal extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
    this.name = 'InspectRefusal';
  }
}

export interface InflateBudget {
  left: number;
}

export const inflateBudget = (bytes = MAX_INFLATE_PER_FILE): InflateBudget => ({ left: bytes });

/**
 * zlib inflate of one stream, capped by zlib's own maxOutputLength (it stops at the cap rather
 * than allocating what the stream asks). Over the cap: InspectRefusal('err.upload.inflate').
 * Not deflate data or truncated: null (the caller reads nothing there, as before).
 */
export function inflateCapped(data: Buffer, budget: InflateBudget): Buffer | null {
  const cap = Math.min(MAX_INFLATE_PER_STREAM, budget.left);
  let out: Buffer;
  try {
    out = inflateSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new InspectRefusal('err.upload.inflate');
    return null;
  }
  budget.left -= out.length;
  if (budget.left <= 0) throw new InspectRefusal('err.upload.inflate');
  return out;
}
