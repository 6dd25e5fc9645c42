/**
 * Prepares one migrated, demo-seeded database per test run: a PGlite data-dir snapshot (opening a
 * snapshot takes ~0.5 s instead of ~4 s + seeding), or a PostgreSQL template database that each
 * test file clones. KHRU_TEST_DB selects the engine (scripts/test.mjs runs both when
 * DATABASE_URL is set).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemo, seedHolidays } from '../../src/server/modules/demo/seed.ts';
import { migrate, openDb } from '../../src/server/platform/db/index.ts';
import { adminUrl, testDbKind } from './env.ts';

const HOLIDAYS = readFileSync(
  new URL('../../data/reference/holidays/thai-public-holidays-2568-2570.csv', import.meta.url),
  'utf8',
);

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    snapshotPath: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = testDbKind();
  project.provide('dbKind', kind);
  const t0 = Date.now();
  if (kind === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'khru-test-'));
    const h = await openDb({ kind: 'pglite' });
    await migrate(h);
    await seedHolidays(h, HOLIDAYS);
    await seedDemo(h);
    const dump = await h.dumpDataDir!();
    const file = path.join(dir, 'snapshot.tar.gz');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await h.close();
    project.provide('snapshotPath', file);
    project.provide('templateDb', '');
    console.log(`[test] PGlite snapshot ready in ${Date.now() - t0} ms`);
    return async () => {
      await rm(dir, { recursive: true, force: true });
    };
  }
  const template = `khru_tpl_${process.pid}`;
  const admin = await openDb({ kind: 'postgres', url: adminUrl(), poolSize: 1 });
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const h = await openDb({ kind: 'postgres', url: adminUrl(template), poolSize: 2 });
  await migrate(h);
  await seedHolidays(h, HOLIDAYS);
  await seedDemo(h);
  await h.close();
  project.provide('snapshotPath', '');
  project.provide('templateDb', template);
  console.log(`[test] PostgreSQL template ${template} ready in ${Date.now() - t0} ms`);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.close();
  };
}
