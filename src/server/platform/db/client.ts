import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: queries accept both. */
export type Executor = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

/**
 * The channel of the database's auth-change notifications (migration 0014, ADR 0109): payload
 * 's:<session id>', 'u:<user id>' or '*'.
 */
export const AUTH_CHANNEL = 'khru_auth';

/** The subscribers of a handle's AUTH_CHANNEL notifications (DbHandle.onAuthChange). */
function authSubscribers() {
  const fns = new Set<(payload: string) => void>();
  return {
    notify: (payload: string) => {
      for (const fn of fns) fn(payload);
    },
    on: (fn: (payload: string) => void) => {
      fns.add(fn);
      return () => void fns.delete(fn);
    },
  };
}

/** COPY … FROM STDIN (the statement) with its data, on the connection of an open transaction. */
export type CopyFn = (copySql: string, data: string | Buffer) => Promise<void>;

export interface DbHandle {
  kind: DbKind;
  db: Db;
  /** PostgreSQL: the connection string, for work on a connection of its own (a worker thread). */
  url?: string;
  /**
   * Raw parameterised query ($1, $2 …), for bulk paths, hot reads and the audit verifier. With a
   * `name`, PostgreSQL keeps it as a prepared statement per connection (planned once; the full
   * record's plan costs ≈0.7 ms, more than half its execution).
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<T[]>;
  close(): Promise<void>;
  /**
   * One transaction, as `db.transaction`; on PostgreSQL `copy` streams rows with COPY on that
   * transaction's connection (bulk import, ADR 0105). On PGlite `copy` is null and callers fall
   * back to set-based INSERT … SELECT.
   */
  transactionWithCopy<T>(fn: (tx: Tx, copy: CopyFn | null) => Promise<T>): Promise<T>;
  /**
   * Subscribes to AUTH_CHANNEL. Every connection listens, so a transaction's own notifications
   * reach the subscribers before its COMMIT returns (PostgreSQL sends a session's notifications
   * ahead of ReadyForQuery); other processes' arrive moments after their commit. Returns the
   * unsubscribe function. When the last listening connection closes, subscribers get '*': a
   * notification sent while nobody listened is lost, so whatever they hold is stale.
   */
  onAuthChange(fn: (payload: string) => void): () => void;
  /** True while at least one connection listens on AUTH_CHANNEL (always, on PGlite). */
  authChangesLive(): boolean;
  /** PGlite only: a snapshot of the data directory (tests open copies of it). */
  dumpDataDir?: () => Promise<Blob>;
}

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../db/migrations',
);

/**
 * `role`: every connection does `SET ROLE <role>` before it serves a query — the server works as
 * khru_app, which owns nothing and may only INSERT and SELECT audit events (migration 0016,
 * ADR 0115). Migrations run on a handle without it (the owner).
 */
export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number; role?: string }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File; role?: string };

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function setRoleSql(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`invalid database role name: ${role}`);
  return `SET ROLE ${role}`;
}

/** Opens PostgreSQL (node-postgres pool) or an embedded PGlite database. */
export async function openDb(opts: OpenOptions): Promise<DbHandle> {
  if (opts.kind === 'postgres') {
    const pg = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // DATE columns stay ISO strings; BIGINT (satang) is handled by drizzle's bigint mode.
    pg.default.types.setTypeParser(1082, (v: string) => v);
    const subscribers = authSubscribers();
    let listening = 0;
    const setRole = opts.role ? setRoleSql(opts.role) : null;
    const pool = new pg.default.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      // A connection that silently died is found, and with it its LISTEN (ADR 0109).
      keepAlive: true,
      // Runs on each new connection before the pool hands it out: it takes the server's role
      // (a connection that cannot is never handed out), then listens.
      verify(client, done) {
        client.on('notification', (n) => {
          if (n.channel === AUTH_CHANNEL) subscribers.notify(n.payload ?? '*');
        });
        const start = async () => {
          if (setRole) await client.query(setRole);
          try {
            await client.query(`LISTEN ${AUTH_CHANNEL}`);
          } catch {
            return; // a connection that cannot listen serves queries, uncounted
          }
          listening++;
          client.once('end', () => {
            if (--listening === 0) subscribers.notify('*');
          });
        };
        start().then(
          () => done(),
          (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
        );
      },
    });
    pool.on('error', () => {}); // idle-client errors surface on the next query
    const db = drizzle(pool, { schema }) as unknown as Db;
    const { from: copyFrom } = await import('pg-copy-streams');
    const { Readable } = await import('node:stream');
    const { pipeline } = await import('node:stream/promises');
    return {
      kind: 'postgres',
      db,
      url: opts.url,
      async query(text, params, name) {
        const r = await pool.query(
          name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] },
        );
        return r.rows;
      },
      async transactionWithCopy(fn) {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          const one = drizzle(client, { schema }) as unknown as Db;
          const copy: CopyFn = (copySql, data) =>
            pipeline(Readable.from([data]), client.query(copyFrom(copySql)));
          return await one.transaction((tx) => fn(tx, copy));
        } catch (e) {
          // A connection that failed mid-COPY is not reused.
          broken = e instanceof Error ? e : new Error(String(e));
          throw e;
        } finally {
          client.release(broken);
        }
      },
      onAuthChange: subscribers.on,
      authChangesLive: () => listening > 0,
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  // One embedded database in this process: its notifications arrive before the query returns.
  const subscribers = authSubscribers();
  await client.listen(AUTH_CHANNEL, (payload) => subscribers.notify(payload || '*'));
  // One session: the role holds for every later query.
  if (opts.role) await client.exec(setRoleSql(opts.role));
  return {
    kind: 'pglite',
    db,
    async query(text, params) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as never[];
    },
    onAuthChange: subscribers.on,
    authChangesLive: () => true,
    close: () => client.close(),
    transactionWithCopy: (fn) => db.transaction((tx) => fn(tx, null)),
    dumpDataDir: async () => (await client.dumpDataDir('none')) as Blob,
  };
}

/** Applies the committed SQL migrations in db/migrations. */
export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    const { migrate: m } = await import('drizzle-orm/node-postgres/migrator');
    await m(handle.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    const { migrate: m } = await import('drizzle-orm/pglite/migrator');
    await m(handle.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}
