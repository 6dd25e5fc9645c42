/**
 * npm run audit:verify — recomputes the audit hash chain and names the first bad event.
 * Uses DATABASE_URL (PostgreSQL) or the embedded database under DATA_DIR (default ./data).
 * Exit code 0 = the chain verifies; 1 = tampering or loss detected.
 */
import path from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { verifyAuditChain } from '../src/server/platform/audit/index.ts';
import { openDb } from '../src/server/platform/db/index.ts';

const cfg = loadConfig();
const h = cfg.databaseUrl
  ? await openDb({ kind: 'postgres', url: cfg.databaseUrl })
  : await openDb({ kind: 'pglite', dataDir: path.join(cfg.dataDir, 'db') });
try {
  const r = await verifyAuditChain(h);
  const rate = r.events / Math.max(r.ms / 1000, 0.001);
  if (r.ok) {
    console.log(
      `บันทึกการตรวจสอบถูกต้อง (audit chain OK): ${r.events} events, last #${r.lastSeq} ${r.lastHash.slice(0, 16)}…, ${Math.round(r.ms)} ms (${Math.round(rate)} events/s)`,
    );
  } else {
    console.error(
      `พบความผิดปกติในบันทึกการตรวจสอบ (audit chain BROKEN) at event #${r.firstBadSeq}: ${r.reason} (${r.events} events verified before it)`,
    );
    process.exitCode = 1;
  }
} finally {
  await h.close();
}
