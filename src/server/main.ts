import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { startCheckpointTimer } from './modules/audit/index.ts';
import { seedDemo, seedHolidays } from './modules/demo/seed.ts';
import { migrate, openDb } from './platform/db/index.ts';

const HOLIDAYS_CSV = new URL(
  '../../data/reference/holidays/thai-public-holidays-2568-2570.csv',
  import.meta.url,
);

/** Loads config, opens and migrates the database, loads demo data on first start, listens. */
async function main() {
  const cfg = loadConfig();
  // Migrations run as the owner of the tables (MIGRATION_DATABASE_URL, or DATABASE_URL's login);
  // the server then works as DATABASE_APP_ROLE, which may not change audit events (ADR 0115).
  const owner = cfg.migrationDatabaseUrl
    ? await openDb({ kind: 'postgres', url: cfg.migrationDatabaseUrl, poolSize: 1 })
    : cfg.databaseUrl
      ? await openDb({ kind: 'postgres', url: cfg.databaseUrl, poolSize: 1 })
      : await openDb({ kind: 'pglite', dataDir: path.join(cfg.dataDir, 'db') });
  await migrate(owner);
  await owner.close();
  const role = cfg.databaseAppRole ?? undefined;
  const h = cfg.databaseUrl
    ? await openDb({ kind: 'postgres', url: cfg.databaseUrl, role })
    : await openDb({ kind: 'pglite', dataDir: path.join(cfg.dataDir, 'db'), role });
  await seedHolidays(h, readFileSync(HOLIDAYS_CSV, 'utf8'));
  const app = await buildApp(cfg, h);
  // auto: only into an empty register, so a production database never receives demo people.
  const empty = (await h.query<{ n: number }>('select count(*)::int as n from persons'))[0]!.n === 0;
  if (cfg.demoData === 'on' || (cfg.demoData === 'auto' && empty)) {
    const r = await seedDemo(h);
    if (r.loaded) app.log.info('demo data loaded (accounts are listed in README.md)');
  }
  // Signed checkpoints of the audit chain: at start, then every AUDIT_CHECKPOINT_MINUTES (ADR 0115).
  const stopCheckpoints = startCheckpointTimer(cfg, h, app.log);
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopCheckpoints();
    await app.close();
    await h.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: cfg.port, host: cfg.host });
  app.log.info(`Khru is running at http://localhost:${cfg.port} (database: ${h.kind})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
