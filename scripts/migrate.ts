/** npm run db:migrate — applies db/migrations to DATABASE_URL or the embedded database. */
import path from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { migrate, openDb } from '../src/server/platform/db/index.ts';

const cfg = loadConfig();
const h = cfg.databaseUrl
  ? await openDb({ kind: 'postgres', url: cfg.databaseUrl })
  : await openDb({ kind: 'pglite', dataDir: path.join(cfg.dataDir, 'db') });
await migrate(h);
await h.close();
console.log(`migrated (${h.kind})`);
