/**
 * npm run bench [-- --small | --people N] [--duration S] [--warmup S] [--data DIR] [--skip-import]
 *
 * Against PostgreSQL (DATABASE_URL; a fresh database `khru_bench` on that server), measures in
 * ONE run, each beside its baseline and target (issue 5, requirements R6.3/R7):
 *  - import of the generated dataset (child process, scripts/import.ts): time, rows/s, peak RSS,
 *    and the ratio to a raw COPY of the same CSV rows into plain text tables;
 *  - full-record GET at 32 connections (autocannon, loopback, bounded in time): p50/p99, req/s,
 *    against the same record's JSON stored precomputed and a bare primary-key lookup;
 *  - search p95 (Thai name prefix, substring, national ID);
 *  - sealed full-record PDFs per second (bench/pdf.ts);
 *  - audit-chain verification rate after topping the chain up to 1M events (bulk writer);
 *  - peak server RSS (VmHWM of the server process).
 * Writes bench/results/<timestamp>.json and .md.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedHolidays } from '../src/server/modules/demo/seed.ts';
import { COLUMNS, GROUPS } from '../src/server/modules/exchange/format.ts';
import { appendAuditBulk, verifyAuditChain } from '../src/server/platform/audit/index.ts';
import { migrate, openDb } from '../src/server/platform/db/index.ts';
import { generateDataset, type Manifest } from './gen.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    people: { type: 'string' },
    duration: { type: 'string', default: '10' },
    /** Unmeasured load on each route before its measured run (JIT, pool, caches). */
    warmup: { type: 'string', default: '5' },
    data: { type: 'string' },
    'audit-events': { type: 'string' },
    'pdf-seconds': { type: 'string', default: '10' },
    /** Reuse the database an earlier full run imported (read-side figures only; import not measured). */
    'skip-import': { type: 'boolean', default: false },
  },
});
const SKIP_IMPORT = values['skip-import'];
const PEOPLE = Number(values.people ?? (values.small ? 20_000 : 600_000));
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
/** Concurrent connections of the HTTP load (issue 5: the full record at 32). */
const CONNECTIONS = 32;
const AUDIT_TARGET = Number(values['audit-events'] ?? 1_000_000);
const BASE_URL = process.env.DATABASE_URL;
if (!BASE_URL) {
  console.error('ต้องกำหนด DATABASE_URL (PostgreSQL) เช่น postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}
const dbUrl = (name: string) => {
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
};
const BENCH_DB = 'khru_bench';
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

/**
 * The share of the machine's CPU time the hypervisor stole (/proc/stat, "steal") from `start()`
 * to `read()`, in per cent; null where the kernel does not say. On a shared virtual machine a
 * measure taken while much of the CPU was stolen is not comparable with another run's, so each
 * phase's share is reported beside the figures.
 */
function stealMeter() {
  const ticks = () => {
    if (!existsSync('/proc/stat')) return null;
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { total: f.reduce((a, b) => a + b, 0), steal: f[7] ?? 0 };
  };
  const t0 = ticks();
  return (): number | null => {
    const t = ticks();
    if (!t0 || !t || t.total <= t0.total) return null;
    return Math.round(((t.steal - t0.steal) / (t.total - t0.total)) * 1000) / 10;
  };
}
const steal: Record<string, number | null> = {};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

// ---------------------------------------------------------------- dataset
const dataDir = path.resolve(values.data ?? path.join(ROOT, 'bench/data', `people-${PEOPLE}`));
let manifest: Manifest;
if (existsSync(path.join(dataDir, 'manifest.json'))) {
  manifest = JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
  log(`dataset ${dataDir} (${manifest.counts.people} people, generated earlier in ${manifest.ms} ms)`);
} else {
  log(`generating ${PEOPLE} people → ${dataDir}`);
  manifest = await generateDataset({ people: PEOPLE, out: dataDir, log });
}
const totalRows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------- fresh database
const admin = new pg.Client({ connectionString: BASE_URL });
await admin.connect();
type ImportFigures = {
  importMs: number;
  copyMs: number;
  imported: number;
  errors: number;
  maxRssMiB: number;
  writeMs: number;
};
let imp: ImportFigures | null = null;
let h: Awaited<ReturnType<typeof openDb>>;
if (SKIP_IMPORT) {
  h = await openDb({ kind: 'postgres', url: dbUrl(BENCH_DB), poolSize: 4 });
  // Migrations added since the import apply to the reused database as they would in production.
  await migrate(h);
  const [{ n } = { n: 0 }] = await h.query<{ n: number }>('select count(*)::int as n from persons');
  log(`--skip-import: reusing ${BENCH_DB} (${n} people); import not measured`);
  await h.query('drop table if exists bench_precomputed');
} else {
  await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.query(`create database ${BENCH_DB}`);
  h = await openDb({ kind: 'postgres', url: dbUrl(BENCH_DB), poolSize: 4 });
  await migrate(h);
  await seedHolidays(
    h,
    readFileSync(path.join(ROOT, 'data/reference/holidays/thai-public-holidays-2568-2570.csv'), 'utf8'),
  );
  await seedDemo(h);
  const m = stealMeter();
  imp = await measureImport();
  steal.importAndRawCopy = m();
}

// ---------------------------------------------------------------- post-load maintenance
// After a bulk load PostgreSQL's advice is to ANALYZE; VACUUM also sets the visibility map and hint
// bits. Left to autovacuum, the vacuum of ~31M fresh rows runs during the read measurements below
// and takes one of the two cores from them. Timed and reported, not counted in the import time.
log('post-load VACUUM (ANALYZE)');
const vac0 = performance.now();
const stealVacuum = stealMeter();
await h.query('vacuum (analyze)');
const vacuumMs = performance.now() - vac0;
steal.vacuum = stealVacuum();
log(`post-load VACUUM (ANALYZE): ${(vacuumMs / 1000).toFixed(1)} s`);

async function measureImport(): Promise<ImportFigures> {
  // ---------------------------------------------------------------- import (child process, as an operator runs it)
  log(`import: ${totalRows} rows (${manifest.counts.people} people)`);
  const t0 = performance.now();
  const run = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const c = spawn(
      process.execPath,
      // Two shard importers (scripts/import.ts --workers 2), each with a bounded V8 heap (256 MB): a
      // shard's live set at 600k is 130–185 MB (two batches of 250 people, the read-ahead of ~17
      // files, the duplicate-key tables); without a limit V8 grows lazily toward the limit. At
      // 320 MB the parent and two shards peaked at 1041 MiB together. On the 2-core bench machine
      // two shards finish ~20 % sooner than one.
      [
        '--max-old-space-size=256',
        '--max-semi-space-size=16',
        '--import',
        'tsx',
        path.join(ROOT, 'scripts/import.ts'),
        dataDir,
        '--job',
        randomUUID(),
        '--batch',
        '250',
        '--workers',
        '2',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: dbUrl(BENCH_DB) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    c.stdout.on('data', (d) => {
      out += d;
    });
    c.on('exit', (code) => resolve({ code, out }));
  });
  const importMs = performance.now() - t0;
  if (run.code !== 0) throw new Error(`import failed (${run.code})`);
  const importResult = JSON.parse(run.out.trim().split('\n').pop()!) as {
    imported: number;
    errors: number;
    maxRssMiB: number;
    writeMs: number;
  };
  log(
    `import: ${(importMs / 1000).toFixed(1)} s, ${importResult.imported} people, ${importResult.errors} errors`,
  );

  // ---------------------------------------------------------------- raw COPY of the same rows (baseline)
  log('raw COPY baseline');
  const copyDb = 'khru_bench_copy';
  await admin.query(`drop database if exists ${copyDb} with (force)`);
  await admin.query(`create database ${copyDb}`);
  const cc = new pg.Client({ connectionString: dbUrl(copyDb) });
  await cc.connect();
  const c0 = performance.now();
  for (const g of GROUPS) {
    const file = path.join(dataDir, `${g}.csv`);
    if (!existsSync(file)) continue;
    const cols = COLUMNS[g].map((_, i) => `c${i} text`).join(', ');
    await cc.query(`create table "raw_${g}" (${cols})`);
    await pipeline(
      createReadStream(file),
      cc.query(copyFrom(`copy "raw_${g}" from stdin with (format csv, header true, encoding 'UTF8')`)),
    );
  }
  const copyMs = performance.now() - c0;
  await cc.end();
  await admin.query(`drop database if exists ${copyDb} with (force)`);
  log(`raw COPY: ${(copyMs / 1000).toFixed(1)} s`);
  return {
    importMs,
    copyMs,
    imported: importResult.imported,
    errors: importResult.errors,
    maxRssMiB: importResult.maxRssMiB,
    writeMs: importResult.writeMs,
  };
}

// ---------------------------------------------------------------- server + HTTP load
const PORT = 3900 + Math.floor(Math.random() * 50);
const server: ChildProcess = fork(path.join(ROOT, 'bench/server.ts'), [], {
  cwd: ROOT,
  // Production-like heap bound: V8 otherwise grows lazily far past the live set under load.
  execArgv: ['--max-old-space-size=320', '--import', 'tsx'],
  env: {
    ...process.env,
    DATABASE_URL: dbUrl(BENCH_DB),
    BENCH_ROUTES: '1',
    PORT: String(PORT),
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
    DEMO_DATA: 'off',
  },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
await new Promise<void>((resolve, reject) => {
  server.once('message', () => resolve());
  server.once('exit', (c) => reject(new Error(`server exited ${c}`)));
});
const origin = `http://127.0.0.1:${PORT}`;
const login = await fetch(`${origin}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ nationalId: DEMO_ACCOUNTS.otepcController.nationalId, password: DEMO_PASSWORD }),
});
if (login.status !== 200) throw new Error(`login ${login.status} ${await login.text()}`);
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
const headers = { cookie, 'x-csrf-token': csrf };

const sample = await h.query<{ id: string; national_id: string; search_name: string }>(
  `select id, national_id, search_name from persons where national_id like '1%' order by md5(id::text) limit 2000`,
);
log(`precomputing ${sample.length} record bodies`);
await h.query('create table if not exists bench_precomputed (id uuid primary key, body text not null)');
let bodyBytes = 0;
for (const p of sample) {
  const r = await fetch(`${origin}/api/v1/people/${p.id}/record`, { headers });
  if (r.status !== 200) throw new Error(`record ${r.status}`);
  const body = await r.text();
  bodyBytes += Buffer.byteLength(body);
  await h.query('insert into bench_precomputed (id, body) values ($1, $2) on conflict do nothing', [
    p.id,
    body,
  ]);
}
await h.query('analyze');

/**
 * One route under CONNECTIONS connections: WARMUP seconds unmeasured, then DURATION seconds measured. Each
 * route gets the same warm-up, so the ratios compare routes that are equally warm: measured cold,
 * the first route (the full record) paid for the server's JIT, its new pool connections and their
 * backends' caches, and the routes after it did not (full record cold 1386 req/s, p99 47 ms; warm
 * 1649–2035 req/s, p99 26–44 ms, same database and build).
 */
async function load(name: string, pathFor: (id: string) => string) {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url: origin,
      connections: CONNECTIONS,
      duration,
      headers,
      requests: [
        {
          setupRequest: (req) => {
            req.path = pathFor(sample[i++ % sample.length]!.id);
            return req;
          },
        },
      ],
    });
  if (WARMUP > 0) await run(WARMUP);
  const r = await run(DURATION);
  const out = {
    name,
    reqPerSec: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
  log(`${name}: ${out.reqPerSec} req/s, p50 ${out.p50ms} ms, p99 ${out.p99ms} ms, non-2xx ${out.non2xx}`);
  return out;
}
const stealHttp = stealMeter();
const full = await load('full record', (id) => `/api/v1/people/${id}/record`);
const pre = await load('precomputed bytes', (id) => `/api/bench/precomputed/${id}`);
const pk = await load('primary-key lookup', (id) => `/api/bench/pk/${id}`);
steal.httpLoad = stealHttp();
const stealSearch = stealMeter();

// ---------------------------------------------------------------- search latency (sequential, loopback)
async function searchP95(name: string, bodies: Record<string, unknown>[]) {
  const ms: number[] = [];
  for (const b of bodies) {
    const s = performance.now();
    const r = await fetch(`${origin}/api/v1/people/search`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ pageSize: 20, ...b }),
    });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`search ${r.status}`);
    ms.push(performance.now() - s);
  }
  const out = { name, n: ms.length, p50ms: +pct(ms, 50).toFixed(1), p95ms: +pct(ms, 95).toFixed(1) };
  log(`search ${name}: p95 ${out.p95ms} ms`);
  return out;
}
const names = sample.slice(0, 200).map((p) => p.search_name.split(' ') as [string, string]);
const search = [
  await searchP95(
    'Thai name prefix',
    names.map(([f]) => ({ q: f.slice(0, 3) })),
  ),
  await searchP95(
    'Thai name substring',
    names.map(([, l]) => ({ q: l.slice(1, 4) })),
  ),
  await searchP95(
    'national ID',
    sample.slice(0, 200).map((p) => ({ nationalId: p.national_id })),
  ),
];
steal.search = stealSearch();
const serverRssMiB = Math.round(
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
);
server.kill('SIGTERM');

// ---------------------------------------------------------------- PDF
let pdf: { pdfsPerSecond: number; note?: string } = {
  pdfsPerSecond: Number.NaN,
  note: 'bench/pdf.ts not present',
};
if (existsSync(path.join(ROOT, 'bench/pdf.ts'))) {
  const { runPdfBench } = await import('./pdf.ts');
  const stealPdf = stealMeter();
  const r = await runPdfBench({ seconds: Number(values['pdf-seconds']), out: null });
  steal.pdf = stealPdf();
  pdf = { pdfsPerSecond: r.pdfsPerSecond };
  log(`PDF: ${r.pdfsPerSecond.toFixed(1)} sealed PDFs/s`);
}

// ---------------------------------------------------------------- audit chain
const [{ n: have } = { n: 0 }] = await h.query<{ n: number }>('select count(*)::int as n from audit_events');
const filler = Math.max(0, AUDIT_TARGET - have);
log(`audit: ${have} events from the import; appending ${filler} with the bulk writer`);
const a0 = performance.now();
const stealAudit = stealMeter();
for (let done = 0; done < filler; ) {
  const n = Math.min(10_000, filler - done);
  await h.db.transaction(async (tx) => {
    await tx.execute(sql`select 1`);
    await appendAuditBulk(
      tx,
      { userId: null, name: 'bench', roles: [] },
      { ip: null, userAgent: null, source: 'job', requestId: null, authMethod: null },
      Array.from({ length: n }, (_, i) => ({
        eventType: 'bench.filler',
        entityType: 'bench',
        entityId: String(done + i),
        data: { i: done + i },
      })),
    );
  });
  done += n;
}
const appendMs = performance.now() - a0;
const v = await verifyAuditChain(h);
steal.audit = stealAudit();
if (!v.ok) throw new Error(`audit chain broken: ${v.reason}`);
const verifyRate = v.events / (v.ms / 1000);
log(`audit verify: ${v.events} events in ${(v.ms / 1000).toFixed(1)} s (${v.threads} threads)`);
await h.close();

// ---------------------------------------------------------------- report
const pgSettings = Object.fromEntries(
  (
    await admin.query<{ name: string; setting: string; unit: string | null }>(
      `select name, setting, unit from pg_settings where name in ('server_version', 'shared_buffers', 'max_wal_size',
        'checkpoint_timeout', 'wal_compression', 'synchronous_commit', 'effective_cache_size', 'work_mem')`,
    )
  ).rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]),
);
const r1 = (x: number) => Math.round(x * 10) / 10;
const result = {
  at: new Date().toISOString(),
  mode: values.small ? 'small' : PEOPLE === 600_000 ? 'full' : 'custom',
  people: manifest.counts.people,
  rows: totalRows,
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version, postgres: pgSettings },
  import: imp
    ? {
        seconds: r1(imp.importMs / 1000),
        rowsPerSec: Math.round(totalRows / (imp.importMs / 1000)),
        peakRssMiB: imp.maxRssMiB,
        rawCopySeconds: r1(imp.copyMs / 1000),
        ratioToRawCopy: r1(imp.importMs / imp.copyMs),
        /** Seconds inside batch transactions (the database side; validation overlaps it). */
        writeSeconds: r1(imp.writeMs / 1000),
        errors: imp.errors,
      }
    : null,
  postLoadVacuumSeconds: r1(vacuumMs / 1000),
  fullRecord: { ...full, avgBodyBytes: Math.round(bodyBytes / sample.length) },
  /** Each route: warm-up seconds (unmeasured), then measured seconds, at `connections` concurrent connections. */
  httpLoad: { warmupSeconds: WARMUP, measuredSeconds: DURATION, connections: CONNECTIONS },
  precomputed: pre,
  primaryKey: pk,
  ratios: {
    fullVsPrecomputedThroughput: r1((full.reqPerSec / pre.reqPerSec) * 100),
    fullVsPkThroughput: r1((full.reqPerSec / pk.reqPerSec) * 100),
  },
  search,
  pdf,
  audit: {
    events: v.events,
    verifySeconds: r1(v.ms / 1000),
    eventsPerSec: Math.round(verifyRate),
    /** Threads that checked the chain (2: the second half in a worker thread, verify.ts). */
    threads: v.threads,
    appendSeconds: r1(appendMs / 1000),
  },
  serverPeakRssMiB: serverRssMiB,
  /** Per cent of the machine's CPU time stolen by the hypervisor during each phase (/proc/stat). */
  cpuStolenPercent: steal,
};
const scale = 600_000 / (manifest.counts.people ?? 1);
const ok = (b: boolean) => (b ? '✅' : '❌');
const md = `# npm run bench — ${result.at} (${result.mode}: ${result.people} people, ${result.rows} rows)

| Measure | Result | Baseline (same run) | Target | Met |
|---|---|---|---|---|
${
  result.import
    ? `| Import time | ${result.import.seconds} s (${result.import.rowsPerSec} rows/s) | raw COPY of the same rows ${result.import.rawCopySeconds} s (×${result.import.ratioToRawCopy}) | 600k people ≤ 600 s${scale === 1 ? '' : ` (here ×${r1(scale)} → est. ${Math.round(result.import.seconds * scale)} s)`} | ${ok(result.import.seconds * scale <= 600)} |
| Importer peak RSS | ${result.import.peakRssMiB} MiB (parent + 2 shard processes, each one's peak, summed) | | ≤ 1024 MiB | ${ok(result.import.peakRssMiB <= 1024)} |`
    : '| Import | not measured in this run (--skip-import) | | | |'
}
| Post-load VACUUM (ANALYZE) | ${result.postLoadVacuumSeconds} s (maintenance before the reads; not in the import time) | | (reported) | |
| Full record GET, ${CONNECTIONS} conn. (${WARMUP} s warm-up, ${DURATION} s measured, each route) | ${full.reqPerSec} req/s, p50 ${full.p50ms} ms, p99 ${full.p99ms} ms (${result.fullRecord.avgBodyBytes} B) | precomputed bytes ${pre.reqPerSec} req/s p99 ${pre.p99ms} ms; PK lookup ${pk.reqPerSec} req/s p99 ${pk.p99ms} ms | p99 ≤ 30 ms | ${ok(full.p99ms <= 30)} |
| Full record vs precomputed | ${result.ratios.fullVsPrecomputedThroughput} % of its throughput | (${result.ratios.fullVsPkThroughput} % of the PK route) | ≥ 70 % | ${ok(result.ratios.fullVsPrecomputedThroughput >= 70)} |
${search.map((s) => `| Search p95: ${s.name} | ${s.p95ms} ms (p50 ${s.p50ms}) | | ≤ 50 ms | ${ok(s.p95ms <= 50)} |`).join('\n')}
| Sealed full-record PDF | ${Number.isNaN(pdf.pdfsPerSecond) ? `skipped: ${pdf.note}` : `${r1(pdf.pdfsPerSecond)} PDF/s`} | | (reported) | |
| Audit chain verification | ${result.audit.events} events in ${result.audit.verifySeconds} s (${result.audit.eventsPerSec} events/s, ${result.audit.threads} threads) | | 1M events ≤ 15 s | ${ok(1_000_000 / result.audit.eventsPerSec <= 15)} |
| Server peak RSS under load | ${serverRssMiB} MiB | | ≤ 512 MiB | ${ok(serverRssMiB <= 512)} |

CPU time stolen by the hypervisor during each phase (/proc/stat; a shared VM): ${Object.entries(steal)
  .map(([k, x]) => `${k} ${x === null ? 'n/a' : `${x} %`}`)
  .join(', ')}.
`;
const dir = path.join(ROOT, 'bench/results');
mkdirSync(dir, { recursive: true });
const stamp = result.at.replace(/[:.]/g, '-');
writeFileSync(path.join(dir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(path.join(dir, `${stamp}.md`), md);
console.log(`\n${md}`);
log(`wrote bench/results/${stamp}.json and .md`);
await admin.end();
