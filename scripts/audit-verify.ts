/**
 * npm run audit:verify — recomputes the audit hash chain, names the first bad event, and checks
 * the chain against the signed checkpoints (ADR 0003, 0115): those in the document store, or with
 * `-- --checkpoints <file>` those of an export a third party kept. A truncation of the newest
 * events or a rewrite recomputed to the end is reported when it reaches before the last
 * checkpoint; the events after it (not yet covered) are stated.
 * Uses DATABASE_URL (PostgreSQL) or the embedded database under DATA_DIR (default ./data).
 * Exit code 0 = the chain verifies and agrees with every checkpoint; 1 = tampering or loss detected.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import { auditChainStatus } from '../src/server/modules/audit/index.ts';
import { describeVerdict } from '../src/server/platform/audit/index.ts';
import { openDb } from '../src/server/platform/db/index.ts';

const { values } = parseArgs({ options: { checkpoints: { type: 'string' } } });
const cfg = loadConfig();
const h = cfg.databaseUrl
  ? await openDb({ kind: 'postgres', url: cfg.databaseUrl })
  : await openDb({ kind: 'pglite', dataDir: path.join(cfg.dataDir, 'db') });
try {
  const v = await auditChainStatus(cfg, h, {
    exportText: values.checkpoints ? readFileSync(values.checkpoints, 'utf8') : undefined,
  });
  const { lines, failed } = describeVerdict(v);
  for (const l of lines) (failed ? console.error : console.log)(l);
  if (failed) process.exitCode = 1;
} finally {
  await h.close();
}
