/**
 * Per-test-file application on its own copy of the seeded database (real PGlite or a real
 * PostgreSQL database cloned from the run's template) and the real HTTP stack via app.inject().
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey } from '../../src/server/modules/demo/seed.ts';
import { type DbHandle, openDb } from '../../src/server/platform/db/index.ts';
import { adminUrl } from './env.ts';

export type Session = { cookie: string; csrf: string; userId: string; personId: string | null };

export type TestApp = {
  app: FastifyInstance;
  h: DbHandle;
  cfg: Config;
  login(who: DemoAccountKey, password?: string): Promise<Session>;
  /** inject with the session cookie and CSRF header of `s` (if given). */
  call(s: Session | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

export async function openTestDb(): Promise<{ h: DbHandle; drop(): Promise<void> }> {
  if (inject('dbKind') === 'pglite') {
    const buf = await readFile(inject('snapshotPath'));
    const h = await openDb({ kind: 'pglite', loadDataDir: new Blob([buf]) });
    return { h, drop: async () => {} };
  }
  const name = `khru_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url: adminUrl(), poolSize: 1 });
  await admin.query(`create database ${name} template ${inject('templateDb')}`);
  const h = await openDb({ kind: 'postgres', url: adminUrl(name), poolSize: 4 });
  return {
    h,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

export async function createTestApp(
  overrides: Partial<Config> = {},
  logger: boolean | object = false,
): Promise<TestApp> {
  const { h, drop } = await openTestDb();
  const cfg = loadConfig(
    { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv,
    {
      loginMaxPerClient: 10_000,
      ...overrides,
    },
  );
  const app = await buildApp(cfg, h, { logger, serveWeb: false });
  await app.ready();
  const call = (s: Session | null, opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
        ...(opts.headers ?? {}),
      },
    });
  const login = async (who: DemoAccountKey, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: DEMO_ACCOUNTS[who].nationalId, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${who} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.cookies.find((c) => c.name.endsWith('khru_sid'))!;
    const body = res.json() as { csrfToken: string; user: { id: string; personId: string | null } };
    return {
      cookie: `${setCookie.name}=${setCookie.value}`,
      csrf: body.csrfToken,
      userId: body.user.id,
      personId: body.user.personId,
    };
  };
  return {
    app,
    h,
    cfg,
    login,
    call,
    close: async () => {
      await app.close();
      await h.close();
      await drop();
    },
  };
}
