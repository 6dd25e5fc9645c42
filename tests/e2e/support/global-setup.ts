import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode}; see test-artifacts/e2e-server.log`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become healthy within ${timeoutMs / 1000} s`);
}

/**
 * Starts the real server (`tsx src/server/main.ts`) on a free port with a fresh temporary data
 * directory (demo data is loaded on first start), waits for /api/health, and stops it afterwards.
 * It builds nothing: `npm run test:e2e` runs `vite build` first.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html')))
    throw new Error('dist/web is missing: run `npm run test:e2e` (it builds the web app first)');
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'khru-e2e-'));
  mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
  const log = createWriteStream(path.join(ROOT, 'test-artifacts/e2e-server.log'));
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Always a fresh embedded database: never the CI's PostgreSQL (DATABASE_URL), whose content
      // would outlive the run and leak into the next one.
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'auto',
      // The local Digital ID provider (/dev-oidc) for the onboarding journey (ข้อ 3.2).
      OIDC_DEV_PROVIDER: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, child, 150_000);
  } catch (e) {
    stop(child);
    throw e;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    await stop(child);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** SIGTERM to the server's process group (the server closes the DB cleanly), SIGKILL after 15 s. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || !child.pid) return resolve();
    const pid = child.pid;
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
