/**
 * Per-test-file application on its own copy of the seeded database (real PGlite or a real
 * PostgreSQL database cloned from the run's template) and the real HTTP stack via app.inject().
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey } from '../../src/server/modules/demo/seed.ts';
import { type DbHandle, openDb } from '../../src/server/platform/db/index.ts';
import { adminUrl } from './env.ts';
import { totpNow } from './totp.ts';

export type Session = { cookie: string; csrf: string; userId: string; personId: string | null };

export type TestApp = {
  app: FastifyInstance;
  h: DbHandle;
  /** A statement as the owner of the tables (tampering the server's role cannot do). */
  owner: OwnerQuery;
  cfg: Config;
  /**
   * Signs in as a demo account, giving the second factor too when the account owes one (ADR
   * 0113): the TOTP code of the account's authenticator, or enrolment of a new one.
   */
  login(who: DemoAccountKey, password?: string): Promise<Session>;
  /** Step 1 only: the password. The session may still owe its second factor. */
  loginPassword(who: DemoAccountKey, password?: string): Promise<Session & { secondFactor: string | null }>;
  /** inject with the session cookie and CSRF header of `s` (if given). */
  call(s: Session | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/** The role the server works as (migration 0016, ADR 0115); test apps use it too. */
export const APP_ROLE = 'khru_app';

/** A query as the owner of the tables (the migrations' role): tests that tamper use it. */
export type OwnerQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * A fresh copy of the seeded database. `role` (default APP_ROLE, null: none) is the role its
 * handle works as, like the server's; `owner` runs a statement as the owner.
 */
export async function openTestDb(
  role: string | null = APP_ROLE,
): Promise<{ h: DbHandle; owner: OwnerQuery; drop(): Promise<void> }> {
  const asRole = role ?? undefined;
  if (inject('dbKind') === 'pglite') {
    const buf = await readFile(inject('snapshotPath'));
    const h = await openDb({ kind: 'pglite', loadDataDir: new Blob([buf]), role: asRole });
    // One session: step out of the role for the statement and back in.
    const owner: OwnerQuery = async (text, params) => {
      if (!role) return h.query(text, params);
      await h.query('reset role');
      try {
        return await h.query(text, params);
      } finally {
        await h.query(`set role ${role}`);
      }
    };
    return { h, owner, drop: async () => {} };
  }
  const name = `khru_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url: adminUrl(), poolSize: 1 });
  await admin.query(`create database ${name} template ${inject('templateDb')}`);
  const h = await openDb({ kind: 'postgres', url: adminUrl(name), poolSize: 4, role: asRole });
  let ownerDb: DbHandle | null = null;
  const owner: OwnerQuery = async (text, params) => {
    ownerDb ??= await openDb({ kind: 'postgres', url: adminUrl(name), poolSize: 1 });
    return ownerDb.query(text, params);
  };
  return {
    h,
    owner,
    drop: async () => {
      await ownerDb?.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

export async function createTestApp(
  overrides: Partial<Config> = {},
  logger: boolean | object = false,
): Promise<TestApp> {
  const { h, owner, drop } = await openTestDb();
  // A data folder of its own unless given: the document store and the audit checkpoints in it
  // belong to this database (a checkpoint of another database's chain reads as tampering).
  const ownDir = overrides.dataDir ? null : await mkdtemp(path.join(os.tmpdir(), 'khru-app-'));
  const dataDir = overrides.dataDir ?? ownDir!;
  const cfg = loadConfig(
    { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv,
    {
      loginMaxPerClient: 10_000,
      dataDir,
      auditCheckpointKeyDir: path.join(dataDir, 'keys', 'audit-checkpoint'),
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
  const sessionOf = (res: LightMyRequestResponse, prev?: Session) => {
    const setCookie = res.cookies.find((c) => c.name.endsWith('khru_sid'));
    const body = res.json() as {
      csrfToken: string;
      secondFactor: string | null;
      user: { id: string; personId: string | null };
    };
    return {
      cookie: setCookie ? `${setCookie.name}=${setCookie.value}` : prev!.cookie,
      csrf: body.csrfToken,
      userId: body.user.id,
      personId: body.user.personId,
      secondFactor: body.secondFactor,
    };
  };
  const loginPassword = async (who: DemoAccountKey, password = DEMO_PASSWORD) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nationalId: DEMO_ACCOUNTS[who].nationalId, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${who} failed: ${res.statusCode} ${res.body}`);
    return sessionOf(res);
  };
  const login = async (who: DemoAccountKey, password = DEMO_PASSWORD): Promise<Session> => {
    const half = await loginPassword(who, password);
    let res: LightMyRequestResponse | null = null;
    if (half.secondFactor === 'totp') {
      // Tests sign the same account in many times a minute; a TOTP code is good once (replay
      // protection, ADR 0113), so the helper forgets the last step used before each sign-in.
      const [t] = await h.query<{ secret: string }>(
        'update user_totp set last_step = null where user_id = $1 returning secret',
        [half.userId],
      );
      res = await call(half, {
        method: 'POST',
        url: '/api/auth/second-factor',
        payload: { code: totpNow(t!.secret) },
      });
    } else if (half.secondFactor === 'enrol') {
      const start = await call(half, { method: 'POST', url: '/api/auth/totp/enrol' });
      if (start.statusCode !== 200) throw new Error(`enrol ${who} failed: ${start.body}`);
      res = await call(half, {
        method: 'POST',
        url: '/api/auth/totp/confirm',
        payload: { code: totpNow(start.json().secret) },
      });
    }
    if (!res) return half;
    if (res.statusCode !== 200) throw new Error(`second factor ${who} failed: ${res.statusCode} ${res.body}`);
    const { secondFactor: _, ...full } = sessionOf(res, half);
    return full;
  };
  return {
    app,
    h,
    owner,
    cfg,
    login,
    loginPassword,
    call,
    close: async () => {
      await app.close();
      await h.close();
      await drop();
      if (ownDir) await rm(ownDir, { recursive: true, force: true });
    },
  };
}
