/**
 * The document store: content-addressed blobs (key = SHA-256 of the bytes, hex). The same bytes
 * are stored once (dedupe), a key can never name a path (it is 64 hex characters), and what is
 * read back can be re-hashed to prove it is what was stored (docs/adr/0103-document-store.md).
 */
import { createHash } from 'node:crypto';

export interface BlobStore {
  readonly kind: 'local' | 's3';
  /** Stores `bytes` under their SHA-256; `created` is false when they were already there. */
  put(bytes: Buffer): Promise<{ sha256: string; created: boolean }>;
  /** The bytes stored under `sha256`, or null. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
  /**
   * A small object under a name instead of its hash, replaced whole by the next put (the pointer
   * to the newest audit checkpoint, ADR 0115). Names are lowercase segments joined by '/'.
   */
  putNamed(name: string, bytes: Buffer): Promise<void>;
  getNamed(name: string): Promise<Buffer | null>;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63}){0,3}$/;

/** Throws unless `name` is a name putNamed accepts (it can never leave the store's root). */
export function assertObjectName(name: string): string {
  if (!NAME.test(name)) throw new Error('object name must be lowercase segments joined by /');
  return name;
}

/** SHA-256 of bytes, lowercase hex. */
export function sha256Hex(bytes: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Throws unless `key` is a lowercase hex SHA-256: the only thing a store accepts as a name. */
export function assertBlobKey(key: string): string {
  if (!HEX64.test(key)) throw new Error('blob key must be a lowercase hex SHA-256');
  return key;
}
