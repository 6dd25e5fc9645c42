/**
 * PDFs per second for the full ก.ค.ศ.๑๖ record with signing: render (pdfkit + Sarabun, 9 pages
 * of a long-serving teacher's record) + QR token (Ed25519) + PAdES seal (dev CA, RSA-2048),
 * sequentially for ~20 s on one core. `npx tsx bench/pdf.ts [seconds]` prints and writes
 * bench/results/pdf.json; `runPdfBench()` is what `npm run bench` calls.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderKs16 } from '../src/server/platform/pdf/index.ts';
import { fixtureRecordView } from '../src/server/platform/pdf/testing/fixture.ts';
import {
  ensureDevCa,
  generateTokenKey,
  issueDocumentToken,
  signPdf,
  verifyPdfSignature,
} from '../src/server/platform/signing/index.ts';
import { sha256Hex } from '../src/server/platform/storage/index.ts';

export interface PdfBenchOptions {
  /** How long to run (default 20 s). */
  seconds?: number;
  /** Where to write the JSON (default bench/results/pdf.json; null = do not write). */
  out?: string | null;
  log?: (line: string) => void;
}

export interface PdfBenchResult {
  name: 'pdf-ks16-render-and-seal';
  pdfs: number;
  seconds: number;
  pdfsPerSecond: number;
  msPerPdf: { mean: number; p50: number; p95: number; renderMean: number; sealMean: number };
  pages: number;
  bytes: number;
  signature: string;
  node: string;
  cpu: string;
  cores: number;
  at: string;
}

const DEFAULT_OUT = join(dirname(fileURLToPath(import.meta.url)), 'results', 'pdf.json');

/** Renders and seals full-record PDFs for `seconds` and reports the rate. */
export async function runPdfBench(opts: PdfBenchOptions = {}): Promise<PdfBenchResult> {
  const seconds = opts.seconds ?? 20;
  const log = opts.log ?? ((l: string) => console.log(l));
  const keys = mkdtempSync(join(tmpdir(), 'khru-bench-pdf-'));
  try {
    const ca = await ensureDevCa(keys);
    const signer = ca.signer();
    const tokenKey = await generateTokenKey();
    const view = fixtureRecordView();
    const once = async () => {
      const t0 = performance.now();
      const asOf = new Date();
      const token = await issueDocumentToken(
        {
          docId: crypto.randomUUID(),
          sha256: sha256Hex(JSON.stringify(view)),
          issuedAt: asOf,
          kid: tokenKey.kid,
        },
        tokenKey.privateKey,
      );
      const pdf = await renderKs16(view, {
        reference: 'KS16-2569-BENCH000',
        asOf,
        qrPayload: `https://khru.example.go.th/verify?t=${token}`,
      });
      const t1 = performance.now();
      const sealed = await signPdf(pdf, signer, {
        reason: 'ทะเบียนประวัติ (ก.ค.ศ.๑๖) ฉบับพิมพ์',
        location: 'Khru bench',
        name: 'Khru',
        contactInfo: 'bench',
        signingTime: asOf,
      });
      const t2 = performance.now();
      return { sealed, render: t1 - t0, seal: t2 - t1 };
    };
    // Warm-up: font parsing, JIT.
    const first = await once();
    const check = verifyPdfSignature(first.sealed);
    if (!check.valid) throw new Error(`bench PDF does not verify: ${check.problems.join('; ')}`);
    const pages = (first.sealed.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    const times: number[] = [];
    let render = 0;
    let seal = 0;
    const start = performance.now();
    while (performance.now() - start < seconds * 1000) {
      const r = await once();
      times.push(r.render + r.seal);
      render += r.render;
      seal += r.seal;
    }
    const elapsed = (performance.now() - start) / 1000;
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    const round = (x: number) => Math.round(x * 10) / 10;
    const result: PdfBenchResult = {
      name: 'pdf-ks16-render-and-seal',
      pdfs: times.length,
      seconds: round(elapsed),
      pdfsPerSecond: Math.round((times.length / elapsed) * 100) / 100,
      msPerPdf: {
        mean: round(times.reduce((a, b) => a + b, 0) / times.length),
        p50: round(q(0.5)),
        p95: round(q(0.95)),
        renderMean: round(render / times.length),
        sealMean: round(seal / times.length),
      },
      pages,
      bytes: first.sealed.length,
      signature: 'PAdES B-B, RSA-2048 dev CA, SHA-256; QR token Ed25519',
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      at: new Date().toISOString(),
    };
    log(
      `pdf: ${result.pdfsPerSecond} full-record PDFs/s with signing (${result.pdfs} in ${result.seconds} s, ` +
        `${result.pages} pages, mean ${result.msPerPdf.mean} ms = render ${result.msPerPdf.renderMean} + seal ${result.msPerPdf.sealMean}, p95 ${result.msPerPdf.p95} ms, one core)`,
    );
    const out = opts.out === undefined ? DEFAULT_OUT : opts.out;
    if (out) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    }
    return result;
  } finally {
    rmSync(keys, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = process.argv[2] ? Number(process.argv[2]) : 20;
  runPdfBench({ seconds }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
