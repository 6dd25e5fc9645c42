/**
 * Inspection of untrusted uploads off the event loop (issue 17 §2, ADR 0112): a piscina pool of
 * worker threads, each with a heap limit; every file has a wall-clock timeout. A worker that
 * overruns either is terminated by the pool and the upload is refused with a Thai message (an
 * InspectRefusal), never a 500, while request handling carries on in the main thread.
 */
import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import { photoBoxPixels } from '../pdf/photo-box.ts';
import { type FileFacts, imageSize } from './inspect.ts';
import type { InspectKind, InspectResult, InspectTask } from './inspect-task.ts';
import { INSPECT_TIMEOUT_MS, INSPECT_WORKER_HEAP_MB, InspectRefusal } from './limits.ts';

export interface InspectOptions {
  timeoutMs?: number;
}

export interface Inspected {
  /** Facts of the file as uploaded (the rules of ข้อ 3.2.1 / 5.6.1 are checked on these). */
  facts: FileFacts;
  /** The bytes to store: the normalised photo, or the upload itself. */
  bytes: Buffer;
  /** Facts of what is stored (differs from `facts` for a normalised photo). */
  storedFacts: FileFacts;
}

let pool: Piscina<InspectTask, InspectResult> | null = null;

function inspectPool(): Piscina<InspectTask, InspectResult> {
  pool ??= new Piscina<InspectTask, InspectResult>({
    filename: new URL('./inspect-worker.mjs', import.meta.url).href,
    name: 'default',
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism())),
    idleTimeout: 60_000,
    maxQueue: 32,
    resourceLimits: {
      maxOldGenerationSizeMb: INSPECT_WORKER_HEAP_MB,
      maxYoungGenerationSizeMb: 32,
      stackSizeMb: 4,
    },
  });
  return pool;
}

/**
 * Starts one worker ahead of the first upload (the real server calls this when it listens);
 * throws if the worker cannot load, so the server says so at start rather than at an upload.
 */
export async function warmInspectPool(): Promise<void> {
  await inspectUntrusted(Buffer.from('warm'), 'scan');
}

/** Stops the pool's workers (on app close; the next upload starts a new pool). */
export async function closeInspectPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/**
 * Type, DPI, colour and the bytes to store, worked out in a worker. Throws InspectRefusal for a
 * file refused by its content, its inspection time or its memory.
 */
export async function inspectUntrusted(
  bytes: Buffer,
  kind: InspectKind,
  opts: InspectOptions = {},
): Promise<Inspected> {
  let r: InspectResult;
  try {
    r = await inspectPool().run(
      { bytes, kind },
      { signal: AbortSignal.timeout(opts.timeoutMs ?? INSPECT_TIMEOUT_MS) },
    );
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    if (err.name === 'AbortError' || err.name === 'TimeoutError')
      throw new InspectRefusal('err.upload.inspectTimeout');
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') throw new InspectRefusal('err.upload.inspectLimit');
    if (/queue is at limit/i.test(err.message ?? '')) throw new InspectRefusal('err.upload.busy');
    throw e;
  }
  if (!r.ok) throw new InspectRefusal(r.messageKey);
  const stored = r.stored ? Buffer.from(r.stored.buffer, r.stored.byteOffset, r.stored.byteLength) : bytes;
  return { facts: r.facts, bytes: stored, storedFacts: r.storedFacts ?? r.facts };
}

/**
 * A stored photo as the printout should draw it. Photos filed since ADR 0112 are already the
 * box's size and pass through; an older, larger one is normalised in the pool (not on the event
 * loop), and one that is refused (e.g. over 50 megapixels) prints as an empty box.
 */
export async function photoForPrint(bytes: Buffer): Promise<Buffer | undefined> {
  const size = imageSize(bytes);
  const box = photoBoxPixels(300);
  if (size && size.width <= box.width * 2 && size.height <= box.height * 2) return bytes;
  try {
    return (await inspectUntrusted(bytes, 'photo')).bytes;
  } catch (e) {
    if (e instanceof InspectRefusal) return undefined;
    throw e;
  }
}
