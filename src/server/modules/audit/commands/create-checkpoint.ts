import type { Config } from '../../../config.ts';
import { type Checkpoint, createCheckpoint } from '../../../platform/audit/index.ts';
import type { DbHandle } from '../../../platform/db/index.ts';
import { checkpointServices } from '../services.ts';

/**
 * Signs the audit chain's head and keeps the checkpoint in the document store (ADR 0115). It
 * writes nothing to the database, so it adds no audit event (an event would move the head it
 * signs). Refuses (throws) when the chain does not verify since the last checkpoint.
 */
export async function createAuditCheckpoint(
  cfg: Config,
  h: DbHandle,
): Promise<{ checkpoint: Checkpoint; created: boolean }> {
  const { keys, store } = await checkpointServices(cfg);
  return createCheckpoint(h, store, keys);
}

/**
 * The server's timer (no job runner yet; a later one takes this over): a checkpoint at start and
 * then every AUDIT_CHECKPOINT_MINUTES when the chain has grown. Returns the stop function.
 */
export function startCheckpointTimer(
  cfg: Config,
  h: DbHandle,
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
): () => void {
  if (cfg.auditCheckpointMs <= 0) return () => {};
  const tick = () =>
    createAuditCheckpoint(cfg, h).then(
      (r) => {
        if (r.created) log.info({ seq: r.checkpoint.seq }, 'audit checkpoint signed');
      },
      (e: unknown) => log.error({ err: e }, 'audit checkpoint refused'),
    );
  void tick();
  const timer = setInterval(() => void tick(), cfg.auditCheckpointMs);
  timer.unref();
  return () => clearInterval(timer);
}
