/**
 * Upload bombs, before and after (issue 17 §2, ADR 0112): `npx tsx bench/upload-bomb.ts
 * [--gib N]`. In one run, for each hostile file:
 *  - before: the check as it was (uncapped inflateSync of every object stream, on the event loop;
 *    the giant photo stored as sent and printed by pdfkit);
 *  - inline: today's capped checks called directly on the event loop;
 *  - pooled: today's path, inspectUntrusted() in the piscina worker (what the routes call).
 * Each row: wall time, the worst event-loop stall seen by a 20 ms probe (what a /api/health
 * request arriving meanwhile would wait), and peak RSS above the start.
 */

import { parseArgs } from 'node:util';
import { inflateSync } from 'node:zlib';
import { renderKs16 } from '../src/server/platform/pdf/index.ts';
import { fixtureRecordView } from '../src/server/platform/pdf/testing/fixture.ts';
import { closeInspectPool, inspectFile, inspectUntrusted } from '../src/server/platform/storage/index.ts';
import { makePng, makeScanPdf } from '../tests/api/documents-files.test-support.ts';
import { makeBombPdf, makeGiantPng } from '../tests/api/upload-bombs.test-support.ts';

const { values } = parseArgs({ options: { gib: { type: 'string', default: '1' } } });
const GIB = Number(values.gib);

type Row = { file: string; path: string; outcome: string; ms: number; stallMs: number; rssMiB: number };
const rows: Row[] = [];

/** Runs `work` with a 20 ms probe: the worst lateness of the probe is the event loop's worst stall. */
async function measure(file: string, path: string, work: () => Promise<string> | string): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let stall = 0;
  let due = performance.now() + 20;
  const probe = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - due);
    due = now + 20;
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  let outcome: string;
  try {
    outcome = await work();
  } catch (e) {
    outcome = `refused: ${(e as { messageKey?: string }).messageKey ?? (e as Error).message}`;
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 40)); // one more probe after the work
  clearInterval(probe);
  peak = Math.max(peak, process.memoryUsage().rss);
  rows.push({ file, path, outcome, ms, stallMs: stall, rssMiB: (peak - rss0) / 2 ** 20 });
  console.log(
    `${file.padEnd(26)} ${path.padEnd(8)} ${ms.toFixed(0).padStart(7)} ms  stall ${stall.toFixed(0).padStart(6)} ms  +RSS ${((peak - rss0) / 2 ** 20).toFixed(0).padStart(5)} MiB  ${outcome}`,
  );
}

/** The object-stream read of the check before ADR 0112: inflateSync with no cap, then latin1. */
function beforeObjectStreams(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  const re = /\/Type\s*\/ObjStm[\s\S]*?stream\r?\n/g;
  let n = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      n += inflateSync(bytes.subarray(start, end)).toString('latin1').length;
    } catch {
      // as before: unreadable streams were skipped, and the file accepted
    }
  }
  return `accepted (read ${n} chars)`;
}

const print = async (image?: Buffer) => {
  await renderKs16(fixtureRecordView(), {
    reference: 'KS16-BENCH',
    asOf: new Date(),
    qrPayload: 'bench',
    photos: image ? [{ slot: 1, yearBE: 2569, image }] : [],
  });
  return 'printed';
};

console.log(`upload bombs: ${GIB} × 1 GiB object stream PDF, 8000×8000 PNG; node ${process.version}`);
const bomb = await makeBombPdf({ count: GIB });
const giant = await makeGiantPng();
const scan = await makeScanPdf({ dpi: 300 });
const photo = makePng(3000, 4000, { dpi: 600 });
console.log(`bomb PDF ${bomb.length} bytes, giant PNG ${giant.length} bytes`);

// Warm the pool and the printout (fonts) so start-up is in no row.
await inspectUntrusted(scan, 'scan');
await print();

await measure(`bomb PDF ${GIB} GiB`, 'before', () => beforeObjectStreams(bomb));
await measure(`bomb PDF ${GIB} GiB`, 'inline', () => {
  inspectFile(bomb);
  return 'accepted';
});
await measure(`bomb PDF ${GIB} GiB`, 'pooled', async () => {
  await inspectUntrusted(bomb, 'scan');
  return 'accepted';
});
await measure('giant PNG: printout', 'before', () => print(giant));
await measure('giant PNG 8000×8000', 'pooled', async () => {
  await inspectUntrusted(giant, 'photo');
  return 'accepted';
});
await measure('12 MP photo', 'pooled', async () => {
  const r = await inspectUntrusted(photo, 'photo');
  (globalThis as { normalised?: Buffer }).normalised = r.bytes;
  return `accepted, stored ${r.storedFacts.width}×${r.storedFacts.height} ${r.bytes.length} bytes`;
});
await measure('no photo: printout', 'base', () => print());
await measure('12 MP photo: printout', 'before', () => print(photo));
await measure('normalised photo: printout', 'after', () =>
  print((globalThis as { normalised?: Buffer }).normalised!),
);
await measure('300-DPI scan', 'pooled', async () => {
  await inspectUntrusted(scan, 'scan');
  return 'accepted';
});
await closeInspectPool();

console.log(
  '\n| file | path | outcome | time ms | worst stall ms | +RSS MiB |\n|---|---|---|---:|---:|---:|',
);
for (const r of rows)
  console.log(
    `| ${r.file} | ${r.path} | ${r.outcome} | ${r.ms.toFixed(0)} | ${r.stallMs.toFixed(0)} | ${r.rssMiB.toFixed(0)} |`,
  );
