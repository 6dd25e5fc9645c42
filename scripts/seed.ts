/** npm run seed — loads the holiday table and the demo data set (if not yet loaded). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { seedDemo, seedHolidays } from '../src/server/modules/demo/seed.ts';
import { migrate, openDb } from '../src/server/platform/db/index.ts';

const cfg = loadConfig();
const h = cfg.databaseUrl
  ? await openDb({ kind: 'postgres', url: cfg.databaseUrl })
  : await openDb({ kind: 'pglite', dataDir: path.join(cfg.dataDir, 'db') });
await migrate(h);
const csv = readFileSync(
  new URL('../data/reference/holidays/thai-public-holidays-2568-2570.csv', import.meta.url),
  'utf8',
);
console.log(`holidays: ${await seedHolidays(h, csv)} added`);
console.log(`demo data: ${(await seedDemo(h)).loaded ? 'loaded' : 'already present'}`);
await h.close();
