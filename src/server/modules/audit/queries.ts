import type { Config } from '../../config.ts';
import {
  type CheckpointVerdict,
  checkAgainstCheckpoints,
  checkpointsFromExport,
  exportCheckpoints,
  readCheckpoints,
  verifyAuditChain,
} from '../../platform/audit/index.ts';
import type { DbHandle } from '../../platform/db/index.ts';
import { checkpointServices } from './services.ts';

/**
 * The chain recomputed and checked against the signed checkpoints (ADR 0003, 0115): those in the
 * document store, or, given `exportText`, those of an export a third party held.
 */
export async function auditChainStatus(
  cfg: Config,
  h: DbHandle,
  opts: { exportText?: string } = {},
): Promise<CheckpointVerdict> {
  const { keys, store } = await checkpointServices(cfg);
  const chain = await verifyAuditChain(h);
  if (opts.exportText !== undefined)
    return checkAgainstCheckpoints(h, chain, await checkpointsFromExport(opts.exportText, keys.publicKeys));
  const { checkpoints, missing } = await readCheckpoints(store, keys.publicKeys);
  return checkAgainstCheckpoints(h, chain, checkpoints, missing);
}

/** Every stored checkpoint and the public keys, for a third party to keep. */
export async function auditCheckpointExport(cfg: Config) {
  const { keys, store } = await checkpointServices(cfg);
  const { checkpoints } = await readCheckpoints(store, keys.publicKeys);
  return exportCheckpoints(checkpoints, keys.publicKeys);
}
