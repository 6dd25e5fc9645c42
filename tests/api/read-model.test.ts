/**
 * The full-record read model (ADR 0108, migration 0010): record_items_json is filled on the first
 * read, removed in the same transaction by ANY change to an item table (API command or not), and a
 * fill computed before a concurrent change can never survive it.
 */
import { getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { ITEM_TABLES } from '../../src/server/modules/records/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { testDbKind } from '../support/env.ts';
import { personIdByNationalId } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

let t: TestApp;
let officer: Session;
let ownerId: string;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('officer');
  ownerId = await personIdByNationalId(t.h, DEMO_ACCOUNTS.owner.nationalId);
});
afterAll(async () => t?.close());

const cached = async (id: string) =>
  (await t.h.query<{ items: string }>('select items from record_items_json where person_id = $1', [id]))[0]
    ?.items ?? null;
const record = async () => (await t.call(officer, { url: `/api/v1/people/${ownerId}/record` })).json();

describe('full-record read model', () => {
  it('has the invalidation triggers on every item table', async () => {
    const rows = await t.h.query<{ tbl: string; n: number }>(
      `select c.relname as tbl, count(*)::int as n from pg_trigger g join pg_class c on c.oid = g.tgrelid
        where g.tgname like '%\\_rm\\_%' and not g.tgisinternal group by c.relname`,
    );
    const have = new Map(rows.map((r) => [r.tbl, r.n]));
    for (const table of Object.values(ITEM_TABLES))
      expect(have.get(getTableName(table)), getTableName(table)).toBe(3);
  });

  it('fills on the first read, and an API change removes it so the next read shows the change', async () => {
    await t.h.query('delete from record_items_json');
    const before = await record();
    const stored = await cached(ownerId);
    expect(stored).not.toBeNull();
    expect(JSON.parse(stored!)).toEqual(before.items);
    const add = await t.call(officer, {
      method: 'POST',
      url: `/api/v1/people/${ownerId}/items/decorations`,
      payload: SAMPLES.decorations,
    });
    expect(add.statusCode).toBe(201);
    expect(await cached(ownerId)).toBeNull();
    const after = await record();
    expect(after.items.decorations.length).toBe(before.items.decorations.length + 1);
    expect(JSON.parse((await cached(ownerId))!)).toEqual(after.items);
  });

  it('is removed by a change that does not go through the records commands', async () => {
    await record();
    expect(await cached(ownerId)).not.toBeNull();
    await t.h.query(`update person_leave set late_times = late_times + 1 where person_id = $1`, [ownerId]);
    expect(await cached(ownerId)).toBeNull();
    const r = await record();
    const [{ late } = { late: 0 }] = await t.h.query<{ late: number }>(
      'select sum(late_times)::int as late from person_leave where person_id = $1',
      [ownerId],
    );
    expect(r.items.leave.reduce((a: number, l: { late: { times: number } }) => a + l.late.times, 0)).toBe(
      late,
    );
  });

  it.skipIf(testDbKind() !== 'postgres')(
    'a fill computed before a concurrent change never survives it (PostgreSQL: two connections)',
    async () => {
      await t.h.query('delete from record_items_json where person_id = $1', [ownerId]);
      let writerDone = false;
      let writer: Promise<unknown> = Promise.resolve();
      await t.h.db.transaction(async (tx) => {
        // The reader's fill protocol: FOR SHARE on the person, then compute and store.
        await tx.execute(sql`select 1 from persons where id = ${ownerId} for share`);
        // A concurrent change on another connection must wait for the reader…
        writer = t.h
          .query(
            `insert into person_ethics (person_id, year_be, behaviour, result) values ($1, 2569, 'เข้ารับการอบรมจริยธรรม', 'ผ่าน')`,
            [ownerId],
          )
          .then(() => {
            writerDone = true;
          });
        await new Promise((r) => setTimeout(r, 400));
        expect(writerDone).toBe(false);
        // …while the reader stores what it computed from the older snapshot.
        await tx.execute(
          sql`insert into record_items_json (person_id, items) values (${ownerId}, '{"stale":true}')`,
        );
      });
      await writer;
      expect(writerDone).toBe(true);
      // The change's trigger ran after the fill committed and removed it.
      expect(await cached(ownerId)).toBeNull();
      const r = await record();
      expect(r.items.ethics.some((e: { behaviour: string }) => e.behaviour === 'เข้ารับการอบรมจริยธรรม')).toBe(
        true,
      );
    },
  );
});
