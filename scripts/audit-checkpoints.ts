/**
 * npm run audit:checkpoints — signs a checkpoint of the audit chain's head now and keeps it in
 * the document store (ADR 0115); `-- --export <file>` writes every checkpoint and the public keys
 * to a file for a third party to keep (then `npm run audit:verify -- --checkpoints <file>`);
 * `-- --export <file> --no-create` exports without signing a new one.
 * Exit code 0 = done; 1 = refused (the chain does not verify since the last checkpoint).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import { auditCheckpointExport, createAuditCheckpoint } from '../src/server/modules/audit/index.ts';
import { openDb } from '../src/server/platform/db/index.ts';

const { values } = parseArgs({
  options: { export: { type: 'string' }, 'no-create': { type: 'boolean', default: false } },
});
const cfg = loadConfig();
const h = cfg.databaseUrl
  ? await openDb({ kind: 'postgres', url: cfg.databaseUrl, poolSize: 2 })
  : await openDb({ kind: 'pglite', dataDir: path.join(cfg.dataDir, 'db') });
try {
  if (!values['no-create']) {
    const { checkpoint: c, created } = await createAuditCheckpoint(cfg, h);
    console.log(
      `${created ? 'ลงนามจุดตรวจสอบแล้ว (checkpoint signed)' : 'ห่วงโซ่ไม่เปลี่ยนตั้งแต่จุดตรวจสอบล่าสุด (chain unchanged since the last checkpoint)'}: event #${c.seq} ${c.hash.slice(0, 16)}…, ${c.count} events, ${c.at}`,
    );
  }
  if (values.export) {
    const doc = await auditCheckpointExport(cfg);
    writeFileSync(values.export, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(
      `ส่งออกจุดตรวจสอบ ${doc.checkpoints.length} รายการ (exported ${doc.checkpoints.length} checkpoints) → ${values.export}`,
    );
  }
} catch (e) {
  console.error(`ลงนามจุดตรวจสอบไม่ได้ (checkpoint refused): ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await h.close();
}
