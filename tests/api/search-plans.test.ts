/**
 * The officer search answers from indexes at scale (ADR 0106): 30,000 generated people are bulk
 * loaded, ANALYZEd, and the count and page statements of every hot search are EXPLAINed — none
 * may scan the persons table sequentially.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/gen.ts';
import { csvDirSource, existingPeople, runImport } from '../../src/server/modules/exchange/index.ts';
import {
  SEARCH_COUNT_CAP,
  type SearchParams,
  searchPeople,
  searchQueries,
} from '../../src/server/modules/records/records.queries.ts';
import type { Actor } from '../../src/server/platform/authz/index.ts';
import type { Role } from '../../src/server/platform/authz/roles.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const PEOPLE = 30_000;
let t: TestApp;
let dir: string;

async function actorAt(role: Role, officeCode: string): Promise<Actor> {
  const [o] = await t.h.query<{ id: string; path: string; kind: string; province_code: string }>(
    'select id, path, kind, province_code from offices where code = $1',
    [officeCode],
  );
  return {
    userId: randomUUID(),
    personId: null,
    nationalId: '0000000000000',
    displayName: 'plan test',
    sessionId: 'x',
    authTime: new Date().toISOString(),
    authMethod: 'password',
    assignments: [
      {
        id: randomUUID(),
        role,
        officeId: o!.id,
        officePath: o!.path,
        officeKind: o!.kind,
        provinceCode: o!.province_code,
        items: [],
      },
    ],
  };
}

async function plans(actor: Actor, s: Partial<SearchParams>): Promise<string[]> {
  const q = searchQueries(t.h.db, actor, { page: 1, pageSize: 20, sort: 'name', ...s });
  const out: string[] = [];
  for (const stmt of [q.count, q.page]) {
    const { sql, params } = stmt.toSQL();
    const rows = await t.h.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params as unknown[]);
    out.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'khru-plans-'));
  // Light records (name and latest position only): the plans depend on persons, not on history rows.
  await generateDataset({ people: PEOPLE, seed: 11, out: dir, only: ['names', 'service'], lastN: 1 });
  const r = await runImport(t.h, csvDirSource(dir), {
    importId: randomUUID(),
    actor: { userId: null, name: 'plan test', roles: [] },
    meta: { ip: null, userAgent: null, source: 'cli', requestId: null, authMethod: null },
    allowOffices: true,
    batchSize: 2000,
  });
  expect(r.imported).toBe(PEOPLE);
  // As autovacuum leaves a loaded table on PostgreSQL (PGlite has no autovacuum): statistics, and
  // the GIN index's pending list merged into the index proper.
  // As the owner: the server's role (khru_app) owns no table, and VACUUM skips what it does not own.
  await t.owner('vacuum analyze');
}, 300_000);
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe(`hot search queries on ${PEOPLE} people use indexes, never a Seq Scan on persons`, () => {
  it('name substring, name prefix, national ID, office, position and standing', async () => {
    const [p] = await t.h.query<{ national_id: string; search_name: string; office_id: string }>(
      "select national_id, search_name, office_id from persons where national_id like '111%' order by national_id offset 777 limit 1",
    );
    const first = p!.search_name.split(' ')[0]!;
    const last = p!.search_name.split(' ')[1]!;
    const [district] = await t.h.query<{ code: string; id: string }>(
      "select code, id from offices where code = 'SPP-40-1'",
    );
    const nationwide = await actorAt('data_controller', 'OTEPC');
    const districtDirector = await actorAt('district_director', district!.code);
    const cases: [string, Actor, Partial<SearchParams>][] = [
      ['substring (nationwide)', nationwide, { q: last.slice(1, 5) }],
      ['prefix (nationwide)', nationwide, { q: `${first} ${last.slice(0, 2)}` }],
      ['substring (district)', districtDirector, { q: last.slice(1, 4) }],
      ['national ID', nationwide, { nationalId: p!.national_id }],
      ['office', nationwide, { officeId: p!.office_id }],
      ['position (district)', districtDirector, { positionTitle: 'ผู้อำนวยการ' }],
      ['standing in an office', nationwide, { standing: 'professional', officeId: district!.id }],
      ['standing (rare, nationwide)', nationwide, { standing: 'expert' }],
    ];
    for (const [name, actor, s] of cases) {
      for (const plan of await plans(actor, s)) {
        expect(plan, `${name}:\n${plan}`).not.toMatch(/Seq Scan on persons/);
        expect(plan, `${name}:\n${plan}`).toMatch(/Index|Bitmap/);
      }
    }
    // The substring search really finds the person, from the middle of the surname.
    const found = await t.h.query<{ n: number }>(
      'select count(*)::int as n from persons where search_grams @> khru_grams($1) and search_name like $2',
      [last.slice(1, 5), `%${last.slice(1, 5)}%`],
    );
    expect(found[0]!.n).toBeGreaterThan(0);
  }, 120_000);

  it("an import batch's duplicate check reads the national ID index, not every person", async () => {
    const some = await t.h.query<{ national_id: string }>(
      'select national_id from persons order by id limit 250',
    );
    const ids = [...some.map((r) => r.national_id), '3100000000000'];
    const q = new PgDialect().sqlToQuery(existingPeople(ids));
    const plan = (await t.h.query<{ 'QUERY PLAN': string }>(`explain ${q.sql}`, q.params))
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    // Probes of the index by value, not a scan of the table or of the whole index into a hash join.
    expect(plan, plan).not.toMatch(/Seq Scan on persons/);
    expect(plan, plan).toMatch(/using persons_national_id_uq on persons[\s\S]*Index Cond: \(national_id = /);
    // And it answers: the 250 present, not the absent one.
    const found = await t.h.query<{ national_id: string }>(q.sql, q.params);
    expect(found.map((r) => r.national_id).sort()).toEqual(some.map((r) => r.national_id).sort());
  });

  it('counts a broad name up to the cap and says there are more; a narrow one exactly', async () => {
    const nationwide = await actorAt('data_controller', 'OTEPC');
    const search = (q: string) =>
      searchPeople(t.h.db, nationwide, { q, page: 1, pageSize: 20, sort: 'name' });
    // The most common first-name prefix of the dataset: thousands of people.
    const [common] = await t.h.query<{ p: string; n: number }>(
      `select left(search_name, 2) as p, count(*)::int as n from persons group by 1 order by 2 desc limit 1`,
    );
    expect(common!.n).toBeGreaterThan(SEARCH_COUNT_CAP);
    const broad = await search(common!.p);
    expect(broad.totalCapped).toBe(true);
    expect(broad.total).toBe(SEARCH_COUNT_CAP);
    expect(broad.items.length).toBe(20);
    const [one] = await t.h.query<{ search_name: string }>(
      "select search_name from persons where national_id like '111%' order by national_id offset 5 limit 1",
    );
    const [exact] = await t.h.query<{ n: number }>(
      'select count(*)::int as n from persons where search_name like $1',
      [`%${one!.search_name}%`],
    );
    const narrow = await search(one!.search_name);
    expect(narrow.totalCapped).toBe(false);
    expect(narrow.total).toBe(exact!.n);
  });

  it('pages a name query as sorting all its matches would; the GIN index is read only when the prefix leaves room under the cap', async () => {
    const nationwide = await actorAt('data_controller', 'OTEPC');
    const search = (q: string, page: number) =>
      searchPeople(t.h.db, nationwide, { q, page, pageSize: 20, sort: 'name' });
    // Three letters from inside a surname, matched by a page's worth of people but under the cap.
    const [pick] = await t.h.query<{ q: string }>(
      `with c as (select distinct substr(split_part(search_name, ' ', 2), 2, 3) as q from persons
                   where national_id like '111%' order by 1 limit 40)
       select q from c where (select count(*) from persons where search_name like '%' || q || '%') between 41 and 1000
       order by q limit 1`,
    );
    const q = pick!.q;
    const all = await t.h.query<{ id: string }>(
      `select id from persons where search_name like $1 or search_name like $2 order by search_name collate th, id`,
      [`${q}%`, `%${q}%`],
    );
    expect(all.length).toBeGreaterThan(20);
    expect(all.length).toBeLessThanOrEqual(SEARCH_COUNT_CAP);
    for (const page of [1, 2]) {
      const r = await search(q, page);
      expect(r.total).toBe(all.length);
      expect(r.items.map((i) => i.id)).toEqual(all.slice((page - 1) * 20, page * 20).map((x) => x.id));
    }
    // Where the grams index runs: EXPLAIN ANALYZE of the page statement.
    const ginRuns = async (query: string) => {
      const { sql, params } = searchQueries(t.h.db, nationwide, {
        q: query,
        page: 1,
        pageSize: 20,
        sort: 'name',
      }).page.toSQL();
      const rows = await t.h.query<{ 'QUERY PLAN': string }>(`explain analyze ${sql}`, params as unknown[]);
      const gin = rows.map((r) => r['QUERY PLAN']).find((l) => l.includes('persons_search_grams_idx'));
      expect(gin, 'the grams index is in the plan').toBeDefined();
      return !gin!.includes('never executed');
    };
    expect(await ginRuns(q)).toBe(true);
    const [common] = await t.h.query<{ p: string; n: number }>(
      `select left(search_name, 2) as p, count(*)::int as n from persons group by 1 order by 2 desc limit 1`,
    );
    expect(common!.n).toBeGreaterThan(SEARCH_COUNT_CAP);
    expect(await ginRuns(common!.p)).toBe(false);
  });
});
