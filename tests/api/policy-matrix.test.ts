/**
 * The access policy of ระเบียบ ก.ค.ศ. คู่มือ ข้อ 6.1 as a matrix: every role × every route ×
 * (own, assigned, same office, other office). Out of scope → 404, in scope but not allowed → 403.
 * The expectations below are written from the regulation, not derived from the implementation;
 * the test fails if a route exists that the matrix does not classify.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_ITEM_KEYS, type ListItemKey } from '../../src/domain/record/items.ts';
import type { DemoAccountKey } from '../../src/server/modules/demo/seed.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { personIdByNationalId, teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';

type Target = 'own' | 'assigned' | 'sameOffice' | 'otherOffice';
const TARGETS: Target[] = ['own', 'assigned', 'sameOffice', 'otherOffice'];
const CLERK_ITEMS: ListItemKey[] = ['training', 'research', 'studyVisits', 'abilities', 'leave'];

/**
 * For each role: which targets it sees (read), and which items it may edit per target.
 * assigned = a teacher of โรงเรียนบ้านหนองบัว (assigned to the officer; under สพป.ขอนแก่น เขต 1);
 * sameOffice = a teacher of โรงเรียนชุมชนบ้านทุ่ม (same district office, not assigned);
 * otherOffice = a teacher of โรงเรียนบ้านแวงน่าง (สพป.มหาสารคาม เขต 1, another province).
 * "own" is the user's own record: everyone reads it, nobody edits it directly (ข้อ 4.1).
 */
type Spec = {
  sees: Target[];
  reads?: Partial<Record<Target, 'all' | ListItemKey[]>>;
  edits: Partial<Record<Target, 'all' | ListItemKey[]>>;
};
const POLICY: Record<DemoAccountKey, Spec> = {
  owner: { sees: ['own'], edits: {} },
  officer: { sees: ['own', 'assigned'], edits: { assigned: 'all' } },
  clerk: {
    sees: ['own', 'assigned', 'sameOffice'],
    reads: { assigned: CLERK_ITEMS, sameOffice: CLERK_ITEMS },
    edits: { assigned: CLERK_ITEMS, sameOffice: CLERK_ITEMS },
  },
  accessController: { sees: ['own', 'assigned'], edits: {} },
  certifier: { sees: ['own', 'assigned', 'sameOffice'], edits: {} },
  otepcController: { sees: ['assigned', 'sameOffice', 'otherOffice'], edits: {} },
  schoolDirector: { sees: ['own', 'assigned'], edits: {} },
  districtDirector: { sees: ['own', 'assigned', 'sameOffice'], edits: {} },
  provincialOfficer: { sees: ['own', 'assigned', 'sameOffice'], edits: {} },
  agencyHead: { sees: ['assigned', 'sameOffice', 'otherOffice'], edits: {} },
  officeController: { sees: ['own', 'assigned', 'sameOffice'], edits: {} },
  otherOfficer: { sees: ['own'], edits: {} },
  otherOwner: { sees: ['own'], edits: {} },
};
const HAS_RECORD: Record<DemoAccountKey, boolean> = Object.fromEntries(
  Object.keys(DEMO_ACCOUNTS).map((k) => [k, !['otepcController', 'agencyHead'].includes(k)]),
) as Record<DemoAccountKey, boolean>;

/** Role-only routes (no person target): expected status per role. */
const ROLE_ROUTES: Record<
  string,
  {
    method: string;
    url: string;
    body?: unknown;
    allow: DemoAccountKey[] | 'all';
    allowStatus: number;
    denyStatus: number;
  }
> = {
  'GET /api/v1/access/assignments': {
    method: 'GET',
    url: '/api/v1/access/assignments',
    allow: ['accessController', 'otepcController'],
    allowStatus: 200,
    denyStatus: 403,
  },
  'GET /api/v1/audit/events': {
    method: 'GET',
    url: '/api/v1/audit/events',
    allow: ['otepcController', 'officeController'],
    allowStatus: 200,
    denyStatus: 403,
  },
  'GET /api/v1/reference/holidays': {
    method: 'GET',
    url: '/api/v1/reference/holidays',
    allow: 'all',
    allowStatus: 200,
    denyStatus: 403,
  },
  'PUT /api/v1/reference/holidays/:date': {
    method: 'PUT',
    url: '/api/v1/reference/holidays/2027-02-22',
    body: { nameTh: 'วันมาฆบูชา', kind: 'lunar' },
    allow: ['otepcController'],
    allowStatus: 200,
    denyStatus: 403,
  },
  'GET /api/v1/offices': {
    method: 'GET',
    url: '/api/v1/offices',
    allow: 'all',
    allowStatus: 200,
    denyStatus: 403,
  },
  'POST /api/v1/people/search': {
    method: 'POST',
    url: '/api/v1/people/search',
    body: {},
    allow: 'all',
    allowStatus: 200,
    denyStatus: 403,
  },
  'GET /api/auth/session': {
    method: 'GET',
    url: '/api/auth/session',
    allow: 'all',
    allowStatus: 200,
    denyStatus: 403,
  },
};
/** Routes exercised by their own tests rather than by this matrix (with the file that does). */
const COVERED_ELSEWHERE: Record<string, string> = {
  // modules/exchange: editors only (403), own jobs only (404), exports scoped by personScope
  'POST /api/v1/imports': 'exchange-http.test.ts',
  'GET /api/v1/imports/:importId': 'exchange-http.test.ts',
  'GET /api/v1/imports/:importId/errors.xlsx': 'exchange-http.test.ts',
  'GET /api/v1/exports/records': 'exchange-http.test.ts',
  'GET /api/health': 'auth.test.ts (public)',
  'GET /api/openapi.json': 'auth.test.ts (public)',
  'POST /api/auth/login': 'auth.test.ts (public)',
  'POST /api/auth/logout': 'auth.test.ts',
  'POST /api/auth/password': 'auth.test.ts',
  'GET /api/v1/me/record': 'this file: "me"',
  'GET /api/v1/reference/addresses': 'public reference data',
  'DELETE /api/v1/reference/holidays/:date': 'reference.test.ts',
  'POST /api/v1/access/assignments': 'access.test.ts',
  'POST /api/v1/access/users/search': 'access.test.ts',
  'POST /api/v1/access/assignments/:assignmentId/revoke': 'access.test.ts',
  'POST /api/v1/access/assignments/:assignmentId/review': 'access.test.ts',
  'GET /api/v1/offices/:officeId/positions': 'offices: scoped by assignment office',
  // modules/documents: scope (404) and officer-only actions (403) are tested in documents.test.ts / verify.test.ts
  'POST /api/v1/people/:personId/documents': 'documents.test.ts',
  'GET /api/v1/people/:personId/documents': 'documents.test.ts',
  'GET /api/v1/documents/:documentId/file': 'documents.test.ts',
  'POST /api/v1/people/:personId/photos': 'documents.test.ts',
  'GET /api/v1/people/:personId/photos/:slot': 'documents.test.ts',
  'GET /api/v1/me/record.pdf': 'verify.test.ts',
  'GET /api/v1/people/:personId/record.pdf': 'verify.test.ts',
  'POST /api/v1/me/requests': 'verify.test.ts',
  'GET /api/v1/me/requests': 'verify.test.ts',
  'GET /api/v1/people/:personId/requests': 'verify.test.ts',
  'POST /api/v1/requests/:requestId/issue': 'verify.test.ts',
  'POST /api/v1/requests/:requestId/reject': 'verify.test.ts',
  'GET /api/v1/people/:personId/issued': 'verify.test.ts',
  'GET /api/v1/issued/:issuedId/pdf': 'verify.test.ts',
  'POST /api/v1/issued/:issuedId/revoke': 'verify.test.ts',
  'GET /api/v1/workflows/queue': 'workflow.test.ts',
  'POST /api/v1/people/:personId/correction-requests': 'workflow.test.ts',
  'GET /api/v1/workflows/cases/:caseId': 'workflow.test.ts',
  'POST /api/v1/workflows/cases/:caseId/actions': 'workflow.test.ts',
  'POST /api/auth/reauth': 'signature.test.ts',
  'GET /api/v1/signing/credentials': 'signature.test.ts (own passkeys only)',
  'POST /api/v1/signing/credentials/options': 'signature.test.ts',
  'POST /api/v1/signing/credentials': 'signature.test.ts',
  'GET /api/v1/people/:personId/sign-request': 'signature.test.ts',
  'POST /api/v1/signatures': 'signature.test.ts',
  'GET /api/v1/signatures/:signatureId/verify': 'signature.test.ts',
  'GET /api/v1/people/:personId/signatures': 'signature.test.ts',
  'POST /api/v1/onboarding': 'onboarding.test.ts',
  'GET /api/auth/oidc/start': 'onboarding.test.ts (public: Digital ID redirect)',
  'GET /api/auth/oidc/callback': 'onboarding.test.ts (public: state, nonce, PKCE checked)',
  'POST /api/v1/people/:personId/orders': 'orders.test.ts',
  'GET /api/v1/people/:personId/orders': 'orders.test.ts',
  'POST /api/v1/transfers/move': 'transfer.test.ts',
  'POST /api/v1/transfers/reappoint': 'transfer.test.ts',
  'POST /api/v1/people/:personId/removal': 'transfer.test.ts',
  'POST /api/v1/people/:personId/transfer-out': 'transfer.test.ts',
  'POST /api/v1/transfers/:caseId/receive': 'transfer.test.ts',
  'POST /api/v1/transfers/receive-external': 'transfer.test.ts',
  'POST /api/v1/me/review': 'workflow-review.test.ts',
  'GET /api/v1/reviews/overdue': 'workflow-review.test.ts',
};

let t: TestApp;
const sessions = {} as Record<DemoAccountKey, Session>;
const targetIds = {} as Record<DemoAccountKey, Record<Target, string | null>>;

beforeAll(async () => {
  t = await createTestApp();
  const assigned = await teacherOf(t.h, 'SCH-40-001');
  const sameOffice = await teacherOf(t.h, 'SCH-40-003');
  const otherOffice = await teacherOf(t.h, 'SCH-44-001');
  for (const k of Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[]) {
    sessions[k] = await t.login(k);
    const own = HAS_RECORD[k] ? await personIdByNationalId(t.h, DEMO_ACCOUNTS[k].nationalId) : null;
    targetIds[k] = { own, assigned, sameOffice, otherOffice };
  }
});
afterAll(async () => t?.close());

function readable(spec: Spec, target: Target, item: ListItemKey | 'personal'): boolean {
  if (!spec.sees.includes(target)) return false;
  const r = target === 'own' ? 'all' : (spec.reads?.[target] ?? 'all');
  return r === 'all' || (r as string[]).includes(item);
}
function editable(spec: Spec, target: Target, item: ListItemKey | 'personal'): boolean {
  const e = spec.edits[target];
  return !!e && (e === 'all' || (e as string[]).includes(item));
}

let fy = 2400;
const bodyFor = (item: ListItemKey) =>
  item === 'leave' ? { ...SAMPLES.leave, fiscalYear: fy++ } : SAMPLES[item];

describe('policy matrix', () => {
  it('classifies every registered route', () => {
    const known = new Set([
      ...Object.keys(ROLE_ROUTES),
      ...Object.keys(COVERED_ELSEWHERE),
      'GET /api/v1/people/:personId/record',
      'GET /api/v1/people/:personId/history',
      'PUT /api/v1/people/:personId/personal',
      ...LIST_ITEM_KEYS.flatMap((k) => [
        `POST /api/v1/people/:personId/items/${k}`,
        `PUT /api/v1/people/:personId/items/${k}/:entryId`,
        `DELETE /api/v1/people/:personId/items/${k}/:entryId`,
      ]),
    ]);
    const unclassified = t.app.khruRoutes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !known.has(k));
    expect(unclassified).toEqual([]);
  });

  it('answers 401 to anonymous callers on every private route', async () => {
    const priv = t.app.khruRoutes.filter((r) => r.url.startsWith('/api/v1') && !r.public);
    for (const r of priv) {
      const url = r.url
        .replace(':personId', randomUUID())
        .replace(':entryId', randomUUID())
        .replace(':assignmentId', randomUUID())
        .replace(':officeId', randomUUID())
        .replace(':date', '2027-01-01');
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(`${r.method} ${r.url} → ${res.statusCode}`).toBe(`${r.method} ${r.url} → 401`);
    }
  });

  for (const role of Object.keys(POLICY) as DemoAccountKey[]) {
    it(`${role}: record routes × targets`, async () => {
      const spec = POLICY[role];
      const s = sessions[role];
      const problems: string[] = [];
      const check = (label: string, got: number, want: number) => {
        if (got !== want) problems.push(`${label}: got ${got}, want ${want}`);
      };
      for (const target of TARGETS) {
        const id = targetIds[role][target];
        if (!id) continue;
        const sees = spec.sees.includes(target);
        check(
          `${target} GET record`,
          (await t.call(s, { url: `/api/v1/people/${id}/record` })).statusCode,
          sees ? 200 : 404,
        );
        check(
          `${target} GET history`,
          (await t.call(s, { url: `/api/v1/people/${id}/history` })).statusCode,
          sees ? 200 : 404,
        );
        // Items the role may read are exactly what the record returns.
        if (sees) {
          const v = (await t.call(s, { url: `/api/v1/people/${id}/record` })).json();
          const want = LIST_ITEM_KEYS.filter((k) => readable(spec, target, k)).sort();
          check(
            `${target} readable items ${JSON.stringify(Object.keys(v.items).sort())}`,
            Object.keys(v.items).sort().join() === want.join() ? 1 : 0,
            1,
          );
        }
        // Personal data edit with a stale version: allowed roles get 409, others 403/404.
        const personalWant = !readable(spec, target, 'personal')
          ? 404
          : editable(spec, target, 'personal')
            ? 409
            : 403;
        check(
          `${target} PUT personal`,
          (
            await t.call(s, {
              method: 'PUT',
              url: `/api/v1/people/${id}/personal`,
              payload: {
                birthDate: '1990-01-01',
                bloodGroup: 'A',
                appointmentDate: '2015-05-01',
                subjectGroup: null,
                version: 999_999,
              },
            })
          ).statusCode,
          personalWant,
        );
        for (const item of LIST_ITEM_KEYS) {
          const canRead = readable(spec, target, item);
          const canEdit = canRead && editable(spec, target, item);
          const addWant = !canRead ? 404 : !canEdit ? 403 : item === 'photos' ? 400 : 201;
          const add = await t.call(s, {
            method: 'POST',
            url: `/api/v1/people/${id}/items/${item}`,
            payload: bodyFor(item),
          });
          check(`${target} POST ${item}`, add.statusCode, addWant);
          // Edit/remove of an entry that does not exist: editors get 404 for the entry itself.
          const fake = randomUUID();
          const putWant = !canRead ? 404 : !canEdit ? 403 : 404;
          check(
            `${target} PUT ${item}`,
            (
              await t.call(s, {
                method: 'PUT',
                url: `/api/v1/people/${id}/items/${item}/${fake}`,
                payload: { version: 1, data: bodyFor(item) },
              })
            ).statusCode,
            putWant,
          );
          check(
            `${target} DELETE ${item}`,
            (
              await t.call(s, {
                method: 'DELETE',
                url: `/api/v1/people/${id}/items/${item}/${fake}?version=1`,
              })
            ).statusCode,
            putWant,
          );
          if (add.statusCode === 201) {
            const e = add.json().entry;
            const ok = await t.call(s, {
              method: 'DELETE',
              url: `/api/v1/people/${id}/items/${item}/${e.id}?version=${e.version}`,
            });
            check(`${target} DELETE own new ${item}`, ok.statusCode, 200);
          }
        }
      }
      // Search returns exactly the visible targets.
      for (const target of TARGETS) {
        const id = targetIds[role][target];
        if (!id) continue;
        const found = (
          await t.call(s, { method: 'POST', url: '/api/v1/people/search', payload: { pageSize: 100, q: '' } })
        ).json();
        const all = found.total <= 100 ? found.items.map((i: { id: string }) => i.id) : null;
        if (all) check(`${target} in search`, all.includes(id) ? 1 : 0, spec.sees.includes(target) ? 1 : 0);
      }
      expect(problems).toEqual([]);
    });
  }

  it('role-only routes', async () => {
    const problems: string[] = [];
    for (const [name, r] of Object.entries(ROLE_ROUTES)) {
      for (const role of Object.keys(POLICY) as DemoAccountKey[]) {
        const want = r.allow === 'all' || r.allow.includes(role) ? r.allowStatus : r.denyStatus;
        const res = await t.call(sessions[role], {
          method: r.method as 'GET',
          url: r.url,
          payload: r.body as object,
        });
        if (res.statusCode !== want) problems.push(`${name} as ${role}: got ${res.statusCode}, want ${want}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('GET /api/v1/me/record: every user with a record gets exactly their own', async () => {
    for (const role of Object.keys(POLICY) as DemoAccountKey[]) {
      const res = await t.call(sessions[role], { url: '/api/v1/me/record' });
      if (!HAS_RECORD[role]) expect(res.statusCode).toBe(404);
      else expect(res.json().person.nationalId).toBe(DEMO_ACCOUNTS[role].nationalId);
    }
  });
});
