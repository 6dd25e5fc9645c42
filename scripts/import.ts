/**
 * npm run import -- FILE_OR_DIR [--job UUID] [--batch N] [--workers N] [--pglite DIR] [--quiet]
 *
 * Imports a CSV directory or an XLSX workbook in the import format (docs/import-format.md) into
 * DATABASE_URL (PostgreSQL) or the embedded database (--pglite DIR, default DATA_DIR/db). Safe to
 * kill at any moment: rerun the same command (same --job, or the same files, whose id is derived
 * from their paths, sizes and times) and it resumes from the last committed batch (ADR 0105).
 * On PostgreSQL a CSV directory can be imported by --workers N child processes (default 1), each
 * writing every N-th batch of the same job; they exit when this process dies.
 * Prints one JSON line with the result, the importers' summed peak RSS and the job id.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import {
  finishImport,
  type ImportOptions,
  importPeople,
  openSource,
  prepareImport,
  runImport,
  type ShardResult,
} from '../src/server/modules/exchange/index.ts';
import { migrate, openDb } from '../src/server/platform/db/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    job: { type: 'string' },
    batch: { type: 'string', default: '500' },
    pglite: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    migrate: { type: 'boolean', default: false },
    workers: { type: 'string' },
    /** Internal: run as shard i/N of a parent importer. */
    shard: { type: 'string' },
  },
});
const input = positionals[0];
if (!input) {
  console.error(
    'วิธีใช้: npm run import -- <โฟลเดอร์ CSV หรือแฟ้ม .xlsx> [--job UUID] [--batch 500] [--workers N] [--pglite DIR]',
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
const onPg = !values.pglite && !!cfg.databaseUrl;
const h = onPg
  ? await openDb({ kind: 'postgres', url: cfg.databaseUrl!, poolSize: 2 })
  : await openDb({ kind: 'pglite', dataDir: values.pglite ?? path.join(cfg.dataDir, 'db') });
const rssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function options(importId: string, t0: number): ImportOptions {
  return {
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
  };
}

type ShardReport = ShardResult & { maxRssMiB: number };

/**
 * V8 flags for the shard processes (ADR 0105, "Shard GC flags"). Shards and the database keep
 * every core busy, so:
 * - no allocation-site pretenuring: V8 sometimes decides, from one scavenge's survivors, to
 *   allocate a site's objects straight in the old generation; for the importer's short-lived
 *   rows that tripled what reached the old generation (1.84 GB instead of 0.61 GB over 40,000
 *   people) and nearly doubled the CPU of that run (44–48 s instead of 24–27 s), in about one
 *   run in three, at random; with the flag none of the runs did;
 * - single-threaded GC: helper threads have no idle core to run on and only add their
 *   synchronisation; two shards together used ≈5 % less CPU.
 */
const SHARD_GC_FLAGS = ['--no-allocation-site-pretenuring', '--single-threaded-gc'];

/** Runs the shards as child processes of this script; resolves with their results. */
async function runShards(importId: string, count: number): Promise<ShardReport[]> {
  const self = fileURLToPath(import.meta.url);
  const args = [
    abs,
    '--job',
    importId,
    '--batch',
    String(values.batch),
    ...(values.quiet ? ['--quiet'] : []),
  ];
  const runs = Array.from({ length: count }, (_, i) => {
    const child = fork(self, [...args, '--shard', `${i}/${count}`], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, ...SHARD_GC_FLAGS],
    });
    return new Promise<ShardReport>((resolve, reject) => {
      let result: ShardReport | null = null;
      child.on('message', (m) => {
        result = m as ShardReport;
      });
      child.on('exit', (code) =>
        result && code === 0 ? resolve(result) : reject(new Error(`ผู้นำเข้าลำดับที่ ${i} หยุดด้วยรหัส ${code}`)),
      );
    });
  });
  return Promise.all(runs);
}

try {
  if (values.migrate) await migrate(h);
  const importId = values.job ?? jobIdFor(abs);
  const src = await openSource(abs);
  const t0 = Date.now();
  const shardArg = values.shard ? /^(\d+)\/(\d+)$/.exec(values.shard) : null;
  if (shardArg) {
    // A child: the parent prepared the job and finishes it. Without the parent, stop at once
    // (a killed parent must not leave importers running; the open batch rolls back).
    const orphaned = () => process.exit(3);
    process.on('disconnect', orphaned);
    const r = await importPeople(h, src, options(importId, t0), {
      index: Number(shardArg[1]),
      count: Number(shardArg[2]),
    });
    await new Promise<void>((resolve) => process.send?.({ ...r, maxRssMiB: rssMiB() }, () => resolve()));
    process.off('disconnect', orphaned);
    process.disconnect();
  } else {
    // One importer by default (XLSX uploads and PGlite take one; a bounded heap per shard is the
    // caller's choice); two shards measured ≈20 % faster on the 2-core bench machine (ADR 0105).
    const workers = Number(values.workers ?? 1);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
      throw new Error('--workers: ต้องเป็นจำนวนเต็ม 1–64');
    // Shards need a database several processes can open and files each can stream.
    if (workers > 1 && onPg && statSync(abs).isDirectory()) {
      const opts = options(importId, t0);
      await prepareImport(h, src, opts);
      const shards = await runShards(importId, workers);
      const errors = await finishImport(h, importId, shards[0]!.peopleRead);
      const sum = (f: (s: ShardResult) => number) => shards.reduce((a, s) => a + f(s), 0);
      console.log(
        JSON.stringify({
          importId,
          imported: sum((s) => s.imported),
          rejected: sum((s) => s.rejected),
          errors,
          batches: sum((s) => s.batches),
          skippedBatches: sum((s) => s.skippedBatches),
          ms: Date.now() - t0,
          writeMs: Math.max(...shards.map((s) => s.writeMs)),
          workers,
          maxRssMiB: rssMiB() + shards.reduce((a, s) => a + s.maxRssMiB, 0),
        }),
      );
    } else {
      const r = await runImport(h, src, options(importId, t0));
      console.log(JSON.stringify({ ...r, workers: 1, maxRssMiB: rssMiB() }));
    }
  }
} finally {
  await h.close();
}
