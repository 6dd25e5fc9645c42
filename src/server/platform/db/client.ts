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

export interface DbHandle {
  kind: DbKind;
  db: Db;
  /** Raw parameterised query ($1, $2 …), for bulk paths and the audit verifier. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** PGlite only: a snapshot of the data directory (tests open copies of it). */
  dumpDataDir?: () => Promise<Blob>;
}

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../db/migrations',
);

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

/** Opens PostgreSQL (node-postgres pool) or an embedded PGlite database. */
export async function openDb(opts: OpenOptions): Promise<DbHandle> {
  if (opts.kind === 'postgres') {
    const pg = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // DATE columns stay ISO strings; BIGINT (satang) is handled by drizzle's bigint mode.
    pg.default.types.setTypeParser(1082, (v: string) => v);
    const pool = new pg.default.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // idle-client errors surface on the next query
    const db = drizzle(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async query(text, params) {
        const r = await pool.query(text, params as unknown[]);
        return r.rows;
      },
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
  return {
    kind: 'pglite',
    db,
    async query(text, params) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as never[];
    },
    close: () => client.close(),
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
