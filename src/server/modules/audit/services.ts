/**
 * The audit module's long-lived services: the checkpoint signing key (AUDIT_CHECKPOINT_KEY_DIR,
 * outside the database) and the document store the checkpoints are kept in (ADR 0115).
 */
import type { Config } from '../../config.ts';
import { type CheckpointKeys, ensureCheckpointKeys } from '../../platform/audit/index.ts';
import type { BlobStore } from '../../platform/storage/index.ts';
import { blobStoreFor } from '../documents/index.ts';

export interface CheckpointServices {
  keys: CheckpointKeys;
  store: BlobStore;
}

const cache = new Map<string, Promise<CheckpointServices>>();

/** The services for `cfg` (created on first call, then shared). */
export function checkpointServices(cfg: Config): Promise<CheckpointServices> {
  const key = JSON.stringify([cfg.auditCheckpointKeyDir, cfg.dataDir, cfg.storage, cfg.s3]);
  let p = cache.get(key);
  if (!p) {
    p = ensureCheckpointKeys(cfg.auditCheckpointKeyDir).then((keys) => ({ keys, store: blobStoreFor(cfg) }));
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
