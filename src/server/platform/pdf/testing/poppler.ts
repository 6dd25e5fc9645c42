/**
 * Test helpers: run poppler / zbar / NSS command-line tools on PDFs. On a developer's machine a test
 * that needs a missing tool is skipped; under CI=true a missing tool fails the test file instead
 * (.ci/run installs every tool, so a skip there would hide a broken install).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True if `bin` is on PATH; under CI=true a missing tool throws (the test fails, never skips). */
export function hasTool(bin: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
  if (!found && env.CI === 'true') throw new Error(`${bin} is required under CI=true but is not on PATH`);
  return found;
}

/** Runs a tool; never throws on a non-zero exit (pdfsig uses them). `out` is stdout + stderr. */
export function run(bin: string, args: string[]): { out: string; stdout: string; code: number } {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '', code: r.status ?? -1 };
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'khru-pdf-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes the PDF to `dir/name` and returns the path. */
export function writePdf(dir: string, name: string, pdf: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, pdf);
  return p;
}

/** `pdftotext` of the whole file or of one page (1-based); `raw` keeps content-stream order. */
export function pdfText(path: string, opts: { page?: number; raw?: boolean } = {}): string {
  const args = [
    ...(opts.raw ? ['-raw'] : []),
    ...(opts.page ? ['-f', String(opts.page), '-l', String(opts.page)] : []),
  ];
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}

/** Where tests keep PNGs for humans to look at (gitignored). */
export function artifactDir(): string {
  const dir = join(new URL('../../../../../', import.meta.url).pathname, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}
