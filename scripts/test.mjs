#!/usr/bin/env node
// Runs the whole test suite on PGlite, then again on PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
const runs = [{ name: 'PGlite', env: { KHRU_TEST_DB: 'pglite' } }];
if (process.env.DATABASE_URL) runs.push({ name: 'PostgreSQL', env: { KHRU_TEST_DB: 'postgres' } });
let failed = false;
for (const r of runs) {
  console.log(`\n=== tests on ${r.name} ===`);
  const res = spawnSync('npx', ['vitest', 'run', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...r.env },
  });
  if (res.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
