/**
 * npm run db:migrate — applies db/migrations as the owner of the tables: MIGRATION_DATABASE_URL,
 * else DATABASE_URL, else the embedded database (ADR 0115).
 */
import path from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { migrate, openDb } from '../src/server/platform/db/index.ts';

const cfg = loadConfig();
const url = cfg.migrationDatabaseUrl ?? cfg.databaseUrl;
const h = url
  ? await openDb({ kind: 'postgres', url, poolSize: 1 })
  : await openDb({ kind: 'pglite', dataDir: path.join(cfg.dataDir, 'db') });
await migrate(h);
await h.close();
console.log(`migrated (${h.kind})`);
