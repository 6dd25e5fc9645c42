/**
 * npm run import -- FILE_OR_DIR [--job UUID] [--batch N] [--pglite DIR] [--quiet]
 *
 * Imports a CSV directory or an XLSX workbook in the import format (docs/import-format.md) into
 * DATABASE_URL (PostgreSQL) or the embedded database (--pglite DIR, default DATA_DIR/db). Safe to
 * kill at any moment: rerun the same command (same --job, or the same files, whose id is derived
 * from their paths, sizes and times) and it resumes from the last committed batch (ADR 0105).
 * Prints one JSON line with the result, the importer's peak RSS and the job id.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import { openSource, runImport } from '../src/server/modules/exchange/index.ts';
import { migrate, openDb } from '../src/server/platform/db/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    job: { type: 'string' },
    batch: { type: 'string', default: '500' },
    pglite: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    migrate: { type: 'boolean', default: false },
  },
});
const input = positionals[0];
if (!input) {
  console.error(
    'วิธีใช้: npm run import -- <โฟลเดอร์ CSV หรือแฟ้ม .xlsx> [--job UUID] [--batch 500] [--pglite DIR]',
  );
  process.exit(2);
}
const abs = path.resolve(input);

/** Same files → same job id, so a plain rerun resumes. */
function jobIdFor(p: string): string {
  const h = createHash('sha256').update(p);
  const st = statSync(p);
  const files = st.isDirectory()
    ? readdirSync(p)
        .sort()
        .map((f) => path.join(p, f))
    : [p];
  for (const f of files) {
    const s = statSync(f);
    h.update(`\n${f}:${s.size}:${s.mtimeMs}`);
  }
  const x = h.digest('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-a${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

const cfg = loadConfig();
const h =
  values.pglite || !cfg.databaseUrl
    ? await openDb({ kind: 'pglite', dataDir: values.pglite ?? path.join(cfg.dataDir, 'db') })
    : await openDb({ kind: 'postgres', url: cfg.databaseUrl, poolSize: 2 });
try {
  if (values.migrate) await migrate(h);
  const importId = values.job ?? jobIdFor(abs);
  const src = await openSource(abs);
  const t0 = Date.now();
  const r = await runImport(h, src, {
    importId,
    actor: { userId: null, name: 'npm run import', roles: ['operator'] },
    meta: { ip: null, userAgent: null, source: 'cli', requestId: importId, authMethod: null },
    batchSize: Number(values.batch),
    allowOffices: true,
    onProgress: values.quiet
      ? undefined
      : (p) => {
          if (p.batchNo % 20 === 0)
            console.error(
              `ชุดที่ ${p.batchNo}: อ่าน ${p.peopleRead} คน นำเข้า ${p.imported} ไม่ผ่าน ${p.rejected}${p.skippedBatch ? ' (นำเข้าแล้ว ข้าม)' : ''} — ${Math.round((Date.now() - t0) / 1000)} s`,
            );
        },
  });
  console.log(JSON.stringify({ ...r, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
} finally {
  await h.close();
}
