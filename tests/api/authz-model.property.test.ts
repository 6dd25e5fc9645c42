/**
 * Stateful authorization against a model (security goal RS-A3; ADR 0110): random sequences of
 * grants, revocations and requests through the real API, compared at every step with a small
 * model of ระเบียบ ก.ค.ศ. คู่มือ ข้อ 6.1 — who reaches which person, and which items of them —
 * and of the grant rules (ข้อ 2.2: one role per office at a time; entering and certifying apart).
 * Moves are part of the sequences (ADR 0111, ข้อ 5.2.1): a records officer requests a move of a
 * person into his office, the holding office's records officer confirms it (the person's office
 * and assigned officer change in the model) or disputes it (nothing changes); until then the
 * requester reaches nothing of the record, and each side's list of moves is what the model says.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_ITEM_KEYS, type ListItemKey } from '../../src/domain/record/items.ts';
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET } from '../../src/server/modules/demo/seed.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { personIdByNationalId, teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

type Role = 'data_entry_clerk' | 'records_officer' | 'certifier' | 'school_director';
type OfficeKey = 'K' | 'S';
type PersonKey = 'p1' | 'p2' | 'p3' | 'self';
type Grantee = 'owner' | 'schoolDirector';
type ModelAssignment = {
  id: string | null;
  user: Grantee;
  role: Role;
  office: OfficeKey;
  people: PersonKey[];
  items: ListItemKey[];
};

/** K = สพป.ขอนแก่น เขต 1; S = โรงเรียนบ้านหนองบัว under it. p1 at S, p2 at another school of K, p3 in another province. */
const PATHS: Record<OfficeKey, string> = { K: '/OTEPC/OBEC/SPP-KK1/', S: '/OTEPC/OBEC/SPP-KK1/SCH-40-001/' };
type Mover = Exclude<PersonKey, 'self'>;
const HOME_PATH: Record<Mover, string> = {
  p1: '/OTEPC/OBEC/SPP-KK1/SCH-40-001/',
  p2: '/OTEPC/OBEC/SPP-KK1/SCH-40-003/',
  p3: '/OTEPC/OBEC/SPP-MK1/SCH-44-001/',
};
const CLERK_POOL: ListItemKey[] = ['training', 'discipline', 'family', 'leave'];
const ENTERING: Role[] = ['records_officer', 'data_entry_clerk'];

/** Where each person is now (moves change it; every sequence starts from HOME_PATH). */
let PERSON_PATH: Record<Mover, string> = { ...HOME_PATH };
type ModelMove = {
  caseId: string;
  person: Mover;
  to: OfficeKey;
  requester: Grantee;
  /** The requester's assignment that gains the person on confirmation (as the server chose it). */
  assignmentId: string;
  open: boolean;
};

let t: TestApp;
let homeOffices: { id: string; office_id: string }[] = [];
let homeAssigned: { assignment_id: string; person_id: string }[] = [];
let otepc: Session;
const sessions = {} as Record<Grantee, Session>;
const userIds = {} as Record<Grantee, string>;
const officeIds = {} as Record<OfficeKey, string>;
const personIds = {} as Record<Exclude<PersonKey, 'self'>, string>;
const selfIds = {} as Record<Grantee, string>;

beforeAll(async () => {
  t = await createTestApp();
  otepc = await t.login('otepcController');
  for (const g of ['owner', 'schoolDirector'] as Grantee[]) {
    // The sequences grant staff roles to these accounts; a staff role needs a second factor
    // (ADR 0113), so each signs in with an authenticator, as a real new officer would have to.
    await t.owner(
      `insert into user_totp (user_id, secret, confirmed_at)
       select id, $2, now() from users where national_id = $1 on conflict (user_id) do nothing`,
      [DEMO_ACCOUNTS[g].nationalId, DEMO_TOTP_SECRET],
    );
    sessions[g] = await t.login(g);
    userIds[g] = sessions[g].userId;
    selfIds[g] = await personIdByNationalId(t.h, DEMO_ACCOUNTS[g].nationalId);
  }
  for (const [k, code] of [
    ['K', 'SPP-KK1'],
    ['S', 'SCH-40-001'],
  ] as const)
    officeIds[k] = (await t.h.query<{ id: string }>('select id from offices where code = $1', [code]))[0]!.id;
  personIds.p1 = await teacherOf(t.h, 'SCH-40-001');
  personIds.p2 = await teacherOf(t.h, 'SCH-40-003');
  personIds.p3 = await teacherOf(t.h, 'SCH-44-001');
  const ids = Object.values(personIds);
  homeOffices = await t.h.query('select id, office_id from persons where id = any($1::uuid[])', [ids]);
  homeAssigned = await t.h.query(
    'select assignment_id, person_id from assignment_people where person_id = any($1::uuid[])',
    [ids],
  );
});
afterAll(async () => t?.close());

/** The model's answer: which list items `user` reads of `person` (empty: the person is not visible). */
function modelReads(held: ModelAssignment[], user: Grantee, person: PersonKey): Set<ListItemKey> {
  if (person === 'self') return new Set(LIST_ITEM_KEYS); // the owner reads her whole record (ข้อ 6.1.1)
  const out = new Set<ListItemKey>();
  for (const a of held.filter((x) => x.user === user)) {
    const reaches =
      a.role === 'records_officer'
        ? a.people.includes(person)
        : PERSON_PATH[person].startsWith(PATHS[a.office]);
    if (!reaches) continue;
    for (const k of a.role === 'data_entry_clerk' ? a.items : LIST_ITEM_KEYS) out.add(k);
  }
  return out;
}

function modelGrant(held: ModelAssignment[], g: Omit<ModelAssignment, 'id'>): 201 | 409 {
  const mine = held.filter((x) => x.user === g.user);
  if (mine.some((x) => x.role === g.role && x.office === g.office)) return 409;
  const overlap = (a: OfficeKey, b: OfficeKey) =>
    PATHS[a].startsWith(PATHS[b]) || PATHS[b].startsWith(PATHS[a]);
  const conflict = mine.some(
    (x) =>
      overlap(x.office, g.office) &&
      ((ENTERING.includes(x.role) && g.role === 'certifier') ||
        (x.role === 'certifier' && ENTERING.includes(g.role))),
  );
  return conflict ? 409 : 201;
}

/** Whether `user` holds `person`'s record as records officer (edits item 15): he confirms moves. */
const holds = (held: ModelAssignment[], user: Grantee, person: Mover) =>
  held.some((a) => a.user === user && a.role === 'records_officer' && a.people.includes(person));
/** Whether `user` is a records officer over office `o` (he may request moves into it). */
const officerOver = (held: ModelAssignment[], user: Grantee, o: OfficeKey) =>
  held.some((a) => a.user === user && a.role === 'records_officer' && PATHS[o].startsWith(PATHS[a.office]));

type Cmd =
  | {
      kind: 'grant';
      user: Grantee;
      role: Role;
      office: OfficeKey;
      people: Mover[];
      items: ListItemKey[];
    }
  | { kind: 'requestMove'; user: Grantee; person: Mover; to: OfficeKey }
  | { kind: 'decideMove'; user: Grantee; pick: number; action: 'confirm' | 'dispute' }
  | { kind: 'listMoves'; user: Grantee }
  | { kind: 'revoke'; pick: number }
  | { kind: 'read'; user: Grantee; person: PersonKey }
  | { kind: 'export'; user: Grantee; group: ListItemKey };

const grantee = fc.constantFrom<Grantee>('owner', 'schoolDirector');
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('grant' as const),
      user: grantee,
      // Records officers more often: moves need one on each side.
      role: fc.oneof(
        { weight: 3, arbitrary: fc.constant<Role>('records_officer') },
        { weight: 3, arbitrary: fc.constantFrom<Role>('data_entry_clerk', 'certifier', 'school_director') },
      ),
      office: fc.constantFrom<OfficeKey>('K', 'S'),
      people: fc.subarray(['p1', 'p2', 'p3'] as Mover[], { minLength: 1 }),
      items: fc.subarray(CLERK_POOL, { minLength: 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), pick: fc.nat(20) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('requestMove' as const),
      user: grantee,
      person: fc.constantFrom<Mover>('p1', 'p2', 'p3'),
      to: fc.constantFrom<OfficeKey>('K', 'S'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('decideMove' as const),
      user: grantee,
      pick: fc.nat(20),
      action: fc.constantFrom<'confirm' | 'dispute'>('confirm', 'dispute'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('listMoves' as const), user: grantee }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('read' as const),
      user: grantee,
      person: fc.constantFrom<PersonKey>('p1', 'p2', 'p3', 'self'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('export' as const),
      user: grantee,
      group: fc.constantFrom<ListItemKey>('training', 'discipline'),
    }),
  },
);

const figures = { runs: 0, steps: 0, divergences: 0, moves: 0, decisions: 0 };

describe('authorization agrees with the model over random grants, revocations and requests', () => {
  it('every answer matches the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 8, maxLength: 24 }), async (cmds) => {
        figures.runs++;
        // The seed's own assignment of the school director is part of the model from the start.
        const held: ModelAssignment[] = [
          { id: null, user: 'schoolDirector', role: 'school_director', office: 'S', people: [], items: [] },
        ];
        const moves: ModelMove[] = [];
        PERSON_PATH = { ...HOME_PATH };
        try {
          for (const c of cmds) {
            figures.steps++;
            const fail = (msg: string) => {
              figures.divergences++;
              throw new Error(`${msg} after ${JSON.stringify(cmds)}`);
            };
            if (c.kind === 'grant') {
              // A records officer's people must be in the office: p2 is not at the school.
              const people =
                c.role === 'records_officer'
                  ? c.people.filter((p) => PERSON_PATH[p].startsWith(PATHS[c.office]))
                  : [];
              if (c.role === 'records_officer' && people.length === 0) continue;
              const items = c.role === 'data_entry_clerk' ? c.items : [];
              const want = modelGrant(held, { user: c.user, role: c.role, office: c.office, people, items });
              const res = await t.call(otepc, {
                method: 'POST',
                url: '/api/v1/access/assignments',
                payload: {
                  userId: userIds[c.user],
                  role: c.role,
                  officeId: officeIds[c.office],
                  startDate: '2026-11-01',
                  personIds: people.map((p) => personIds[p]),
                  itemKeys: items,
                },
              });
              if (res.statusCode !== want)
                fail(`grant ${JSON.stringify(c)}: got ${res.statusCode} ${res.body}, want ${want}`);
              if (res.statusCode === 201)
                held.push({ id: res.json().id, user: c.user, role: c.role, office: c.office, people, items });
            } else if (c.kind === 'revoke') {
              const granted = held.filter((x) => x.id);
              if (!granted.length) continue;
              const a = granted[c.pick % granted.length]!;
              const res = await t.call(otepc, {
                method: 'POST',
                url: `/api/v1/access/assignments/${a.id}/revoke`,
                payload: { reason: 'ทดสอบแบบจำลอง' },
              });
              if (res.statusCode !== 200) fail(`revoke: got ${res.statusCode}`);
              held.splice(held.indexOf(a), 1);
            } else if (c.kind === 'requestMove') {
              const open = moves.some((m) => m.person === c.person && m.open);
              const want = !officerOver(held, c.user, c.to)
                ? 403
                : open
                  ? 409
                  : PERSON_PATH[c.person] === PATHS[c.to]
                    ? 400
                    : 202;
              const nid = (
                await t.h.query<{ n: string }>('select national_id as n from persons where id = $1', [
                  personIds[c.person],
                ])
              )[0]!.n;
              const res = await t.call(sessions[c.user], {
                method: 'POST',
                url: '/api/v1/transfers/move',
                payload: {
                  nationalId: nid,
                  officeId: officeIds[c.to],
                  number: `ย้าย ${figures.steps}/2569`,
                  orderDate: '2026-11-02',
                  issuingAuthority: 'สพป. ขอนแก่น เขต 1',
                  entry: { ...SAMPLES.service, effectiveDate: '2026-11-02' },
                },
              });
              if (res.statusCode !== want)
                fail(`requestMove ${JSON.stringify(c)}: got ${res.statusCode} ${res.body}, want ${want}`);
              if (res.statusCode === 202) {
                figures.moves++;
                const caseId = res.json().caseId as string;
                const [d] = await t.h.query<{ a: string }>(
                  `select data->>'assignmentId' as a from workflow_cases where id = $1`,
                  [caseId],
                );
                moves.push({
                  caseId,
                  person: c.person,
                  to: c.to,
                  requester: c.user,
                  assignmentId: d!.a,
                  open: true,
                });
              }
            } else if (c.kind === 'decideMove') {
              if (!moves.length) continue;
              const m = moves[c.pick % moves.length]!;
              const holder = holds(held, c.user, m.person);
              const chosenLive = held.some((a) => a.id === m.assignmentId);
              const want = !holder
                ? officerOver(held, c.user, m.to)
                  ? 403
                  : 404
                : !m.open || (c.action === 'confirm' && !chosenLive)
                  ? 409
                  : 200;
              const res = await t.call(sessions[c.user], {
                method: 'POST',
                url: `/api/v1/transfers/moves/${m.caseId}/${c.action}`,
                payload: c.action === 'dispute' ? { reason: 'ไม่มีคำสั่งย้ายนี้' } : {},
              });
              if (res.statusCode !== want)
                fail(
                  `decideMove ${JSON.stringify(c)} on ${JSON.stringify(m)}: got ${res.statusCode} ${res.body}, want ${want}`,
                );
              if (res.statusCode === 200) {
                figures.decisions++;
                m.open = false;
                if (c.action === 'confirm') {
                  // The record moves: the person's office, and the one assigned officer (ข้อ 6.1.2).
                  PERSON_PATH[m.person] = PATHS[m.to];
                  for (const a of held) a.people = a.people.filter((p) => p !== m.person);
                  held.find((a) => a.id === m.assignmentId)!.people.push(m.person);
                }
              }
            } else if (c.kind === 'listMoves') {
              const res = await t.call(sessions[c.user], { url: '/api/v1/transfers/moves' });
              if (res.statusCode !== 200) fail(`listMoves: got ${res.statusCode}`);
              const ids = (xs: { caseId: string }[]) =>
                xs
                  .map((x) => x.caseId)
                  .filter((id) => moves.some((m) => m.caseId === id))
                  .sort()
                  .join();
              const body = res.json();
              const wantHolding = moves.filter((m) => holds(held, c.user, m.person)).map((m) => m.caseId);
              const wantRequested = moves.filter((m) => officerOver(held, c.user, m.to)).map((m) => m.caseId);
              if (ids(body.holding) !== wantHolding.sort().join())
                fail(`listMoves ${c.user} holding: got ${ids(body.holding)}, want ${wantHolding.join()}`);
              if (ids(body.requested) !== wantRequested.sort().join())
                fail(
                  `listMoves ${c.user} requested: got ${ids(body.requested)}, want ${wantRequested.join()}`,
                );
            } else if (c.kind === 'read') {
              const id = c.person === 'self' ? selfIds[c.user] : personIds[c.person];
              const want = modelReads(held, c.user, c.person);
              const res = await t.call(sessions[c.user], { url: `/api/v1/people/${id}/record` });
              const wantStatus = want.size ? 200 : 404;
              if (res.statusCode !== wantStatus)
                fail(`read ${JSON.stringify(c)}: got ${res.statusCode}, want ${wantStatus}`);
              if (res.statusCode === 200) {
                const got = Object.keys(res.json().items).sort().join();
                const exp = [...want].sort().join();
                if (got !== exp) fail(`read ${JSON.stringify(c)}: items ${got}, want ${exp}`);
              }
            } else {
              // Export of one group: allowed iff some assignment of the user reads that item.
              const mayRead = held.some(
                (x) => x.user === c.user && (x.role !== 'data_entry_clerk' || x.items.includes(c.group)),
              );
              const res = await t.call(sessions[c.user], {
                url: `/api/v1/exports/records?format=csv&group=${c.group}`,
              });
              if (res.statusCode !== (mayRead ? 200 : 403))
                fail(`export ${JSON.stringify(c)}: got ${res.statusCode}`);
            }
          }
        } finally {
          // Back to the seed for the next sequence.
          await t.h.query(
            'update role_assignments set revoked_at = now() where granted_by = $1 and revoked_at is null',
            [otepc.userId],
          );
          // Moves undone: offices, assigned officers, the move cases.
          for (const h of homeOffices)
            await t.h.query('update persons set office_id = $2 where id = $1', [h.id, h.office_id]);
          const ids = Object.values(personIds);
          await t.h.query('delete from assignment_people where person_id = any($1::uuid[])', [ids]);
          for (const a of homeAssigned)
            await t.h.query('insert into assignment_people (assignment_id, person_id) values ($1, $2)', [
              a.assignment_id,
              a.person_id,
            ]);
          await t.h.query(
            `delete from workflow_steps where case_id in (select id from workflow_cases where kind = 'move')`,
          );
          await t.h.query(`delete from workflow_cases where kind = 'move'`);
        }
      }),
      {
        numRuns: Number(process.env.KHRU_PROPERTY_RUNS ?? 100),
        seed: Number(process.env.KHRU_PROPERTY_SEED ?? 1117),
      },
    );
    console.info(
      `authz model: ${figures.runs} sequences, ${figures.steps} steps (${figures.moves} moves requested, ${figures.decisions} confirmed or disputed), ${figures.divergences} divergences`,
    );
    expect(figures.divergences).toBe(0);
    // The sequences did exercise moves on both sides (a model test that never moves proves nothing).
    expect(figures.moves).toBeGreaterThan(0);
    expect(figures.decisions).toBeGreaterThan(0);
  }, 600_000);
});
