import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_EVENT_LABELS } from '../../src/domain/audit-events.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { ROLE_DEFS } from '../../src/server/platform/authz/roles.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

let t: TestApp;
let officer: Session;
let person: string;
let personNid: string;
let otherPerson: string;
let elsewhere: string;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('officer');
  person = await teacherOf(t.h, 'SCH-40-001');
  otherPerson = await teacherOf(t.h, 'SCH-40-001', 1);
  const [p] = await t.h.query<{ national_id: string }>('select national_id from persons where id = $1', [
    person,
  ]);
  personNid = p!.national_id;
  await t.call(officer, {
    method: 'POST',
    url: `/api/v1/people/${person}/items/training`,
    payload: { ...SAMPLES.training, course: 'หลักสูตรตรวจสอบ' },
  });
  await t.call(officer, {
    method: 'POST',
    url: `/api/v1/people/${otherPerson}/items/research`,
    payload: SAMPLES.research,
  });
  // An event about a person of another district (SPM-KK), by that office's officer.
  elsewhere = await teacherOf(t.h, 'SCH-40-101');
  const res = await t.call(await t.login('otherOfficer'), {
    method: 'POST',
    url: `/api/v1/people/${elsewhere}/items/training`,
    payload: SAMPLES.training,
  });
  expect(res.statusCode).toBe(201);
});
afterAll(async () => t?.close());

type Page = {
  items: {
    seq: number;
    eventType: string;
    item: string | null;
    actorName: string;
    person: { name: string; nationalId: string } | null;
    changes: { field: string }[];
    source: string;
  }[];
  nextBefore: number | null;
};

async function events(s: Session, query: string) {
  const res = await t.call(s, { url: `/api/v1/audit/events?${query}` });
  return {
    status: res.statusCode,
    body: res.json() as Page & { error?: { fields?: { field: string; message: string }[] } },
  };
}

describe('audit screen query (issue 16 §1, data controller)', () => {
  it('filters by person, item, actor, group and period, newest first, in words not payloads', async () => {
    const dc = await t.login('officeController');
    const byPerson = await events(dc, `person=${personNid}&item=training`);
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.items.length).toBeGreaterThanOrEqual(1);
    const first = byPerson.body.items[0]!;
    expect(first.eventType).toBe('record.entry.added');
    expect(first.item).toBe('training');
    expect(first.actorName).toContain('ประเสริฐ');
    expect(first.person?.nationalId).toBe(personNid);
    expect(first.changes.map((c) => c.field)).toContain('course');
    expect(first).not.toHaveProperty('payload');
    // Item: the research entry belongs to the other person, not to this filter.
    expect(byPerson.body.items.every((e) => e.item === 'training')).toBe(true);
    const research = await events(dc, 'item=research');
    expect(research.body.items.some((e) => e.person?.name && e.item === 'research')).toBe(true);
    expect(research.body.items.every((e) => e.item === 'research')).toBe(true);

    const byActor = await events(dc, `actor=${DEMO_ACCOUNTS.officer.nationalId}&group=record`);
    expect(byActor.body.items.length).toBeGreaterThanOrEqual(2);
    expect(byActor.body.items.every((e) => e.actorName.includes('ประเสริฐ'))).toBe(true);
    expect(byActor.body.items.every((e) => e.eventType.startsWith('record.'))).toBe(true);
    const seqs = byActor.body.items.map((e) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);

    const nobody = await events(dc, `actor=${DEMO_ACCOUNTS.owner.nationalId}&group=record`);
    expect(nobody.body.items).toEqual([]);

    // Period: Bangkok calendar days, both included; a period in the past finds nothing.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
    const now = await events(dc, `person=${personNid}&from=${today}&to=${today}`);
    expect(now.body.items.some((e) => e.item === 'training')).toBe(true);
    const past = await events(dc, `person=${personNid}&from=2020-01-01&to=2020-12-31`);
    expect(past.body.items).toEqual([]);
  });

  it('pages with nextBefore', async () => {
    const dc = await t.login('otepcController');
    const one = await events(dc, 'limit=2');
    expect(one.body.items).toHaveLength(2);
    expect(one.body.nextBefore).toBe(one.body.items[1]!.seq);
    const two = await events(dc, `limit=2&before=${one.body.nextBefore}`);
    expect(two.body.items[0]!.seq).toBeLessThan(one.body.items[1]!.seq);
  });

  it('an office data controller sees only events about people of his office', async () => {
    const dc = await t.login('officeController');
    const [o] = await t.h.query<{ national_id: string }>('select national_id from persons where id = $1', [
      elsewhere,
    ]);
    const otherNid = o!.national_id; // SCH-40-101, under another district office
    const r = await events(dc, `person=${otherNid}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    const national = await events(await t.login('otepcController'), `person=${otherNid}`);
    expect(national.body.items.length).toBeGreaterThan(0);
  });

  it('refuses bad filters in Thai, naming the field', async () => {
    const dc = await t.login('officeController');
    const bad = await events(dc, 'person=123&item=salaryz&from=2026-02-30');
    expect(bad.status).toBe(400);
    const fields = (bad.body.error?.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['person', 'item', 'from']));
    // Each names its field in words, never the parameter's key.
    for (const f of bad.body.error?.fields ?? []) expect(f.message).not.toMatch(/^[a-z]+:/);
    const order = await events(dc, 'from=2026-03-01&to=2026-02-01');
    expect(order.status).toBe(400);
    expect(order.body.error?.fields?.[0]?.field).toBe('to');
    expect(order.body.error?.fields?.[0]?.message).toMatch(/^ถึง: /);
    // Not a data controller: 403.
    expect((await events(officer, '')).status).toBe(403);
  });
});

describe('every audit event type has words (no internal code reaches the screen)', () => {
  // Permission names look like event types; so does access.appointController, which no role holds
  // by definition (OTEPC's controller has it through its office, roles.ts).
  const permissions = new Set([
    ...Object.values(ROLE_DEFS).flatMap((d) => d.permissions as readonly string[]),
    'access.appointController',
  ]);
  const groups =
    /^'((?:auth|access|record|person|order|transfer|signature|document|workflow|holiday|import|demo)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*)'$/;
  function* files(dir: string): Generator<string> {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) yield* files(p);
      else if (/\.(ts|mts|mjs)$/.test(f) && !f.endsWith('.test.ts')) yield p;
    }
  }
  it('labels every event type written in src/server and every one in a seeded database', async () => {
    const found = new Set<string>();
    for (const f of files(path.resolve('src/server')))
      for (const m of readFileSync(f, 'utf8').matchAll(/'[a-z]+(?:\.[a-zA-Z]+)+'/g)) {
        const g = groups.exec(m[0]);
        if (g && !permissions.has(g[1]!)) found.add(g[1]!);
      }
    expect(found.size).toBeGreaterThan(30);
    const [...inDb] = await t.h.query<{ event_type: string }>('select distinct event_type from audit_events');
    for (const r of inDb) found.add(r.event_type);
    const missing = [...found].filter((e) => !AUDIT_EVENT_LABELS[e]);
    expect(missing).toEqual([]);
  });
});
