/**
 * The access policy of ระเบียบ ก.ค.ศ. คู่มือ ข้อ 6.1 as a matrix: every role × every route ×
 * (own, assigned, same office, other office). Out of scope → 404, in scope but not allowed → 403.
 * The expectations below are written from the regulation, not derived from the implementation;
 * the test fails if a route exists that the matrix does not classify.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIST_ITEM_KEYS,
  type ListItemKey,
  RECORD_ITEM_KEYS,
  type RecordItemKey,
} from '../../src/domain/record/items.ts';
import { ORDER_KIND_KEYS } from '../../src/domain/workflow/orders.ts';
import { nationalIdFrom } from '../../src/server/modules/demo/generator.ts';
import type { DemoAccountKey } from '../../src/server/modules/demo/seed.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { documentServices } from '../../src/server/modules/documents/services.ts';
import { COLUMNS, heading } from '../../src/server/modules/exchange/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { personIdByNationalId, teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';
import { multipartBody } from './documents-files.test-support.ts';

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
  reads?: Partial<Record<Target, 'all' | (ListItemKey | 'personal')[]>>;
  edits: Partial<Record<Target, 'all' | (ListItemKey | 'personal')[]>>;
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
  // The chain's status and its signed checkpoints (ADR 0115): no personal data, whole trail.
  'GET /api/v1/audit/chain': {
    method: 'GET',
    url: '/api/v1/audit/chain',
    allow: ['otepcController', 'officeController'],
    allowStatus: 200,
    denyStatus: 403,
  },
  'POST /api/v1/audit/checkpoints': {
    method: 'POST',
    url: '/api/v1/audit/checkpoints',
    allow: ['otepcController', 'officeController'],
    allowStatus: 200,
    denyStatus: 403,
  },
  'GET /api/v1/audit/checkpoints/export': {
    method: 'GET',
    url: '/api/v1/audit/checkpoints/export',
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
/**
 * Routes that touch no personal record data, each with the reason. Everything else that is
 * registered must be in a matrix of this file (the test below fails otherwise).
 */
const NO_PERSONAL_DATA: Record<string, string> = {
  'GET /api/health': 'public liveness probe',
  'GET /api/openapi.json': 'public API description',
  'POST /api/auth/login': "public: the caller's own credentials (auth.test.ts)",
  'POST /api/auth/logout': "ends the caller's own session (auth.test.ts)",
  'POST /api/auth/password': "the caller's own password (auth.test.ts)",
  'POST /api/auth/reauth': "the caller's own password, for step-up (signature.test.ts)",
  'POST /api/auth/second-factor': "the caller's own second factor (second-factor.test.ts)",
  'POST /api/auth/totp/enrol': "the caller's own authenticator enrolment (second-factor.test.ts)",
  'POST /api/auth/totp/confirm': "the caller's own authenticator enrolment (second-factor.test.ts)",
  'POST /api/auth/recovery-codes': "the caller's own recovery codes (second-factor.test.ts)",
  'GET /api/auth/security': "the caller's own sign-in settings (second-factor.test.ts)",
  'GET /api/auth/oidc/start': 'public Digital ID redirect (onboarding.test.ts)',
  'GET /api/auth/oidc/callback': 'public Digital ID return; state, nonce, PKCE (onboarding.test.ts)',
  'GET /api/v1/reference/addresses': 'public reference data (Thai address book)',
  'DELETE /api/v1/reference/holidays/:date': 'holiday calendar, OTEPC only (reference.test.ts)',
  'GET /api/v1/signing/credentials': "the caller's own passkeys (signature.test.ts)",
  'POST /api/v1/signing/credentials/options': "the caller's own passkey registration (signature.test.ts)",
  'POST /api/v1/signing/credentials': "the caller's own passkey registration (signature.test.ts)",
};

/**
 * Personal-data routes whose authorization is asserted in their own test file rather than here,
 * with why: each needs a ceremony or a flow this matrix cannot set up per role and target.
 */
const PERSONAL_ELSEWHERE: Record<string, string> = {
  'POST /api/v1/signatures': 'needs a WebAuthn assertion over a prepared payload (signature.test.ts)',
  'GET /api/v1/signatures/:signatureId/verify': 'needs a stored signature (signature.test.ts)',
  'POST /api/v1/onboarding': 'opens a new hire under an office (onboarding.test.ts)',
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

// ---------------------------------------------------------------------------------------------
// Every other personal-data route × every role × (own, assigned, same office, other office),
// with the clerk's items as a dimension (ADR 0110): the clerk runs the matrix twice, with the
// demo items and with a second set that includes personal data, names, service and discipline.

type Fixture = {
  personId: string;
  issuedId: string;
  caseId: string;
  docs: Record<'discipline' | 'training', string>;
  requestId: string;
};
type Facts = {
  role: DemoAccountKey;
  target: Target;
  sees: boolean;
  own: boolean;
  read: (item: RecordItemKey) => boolean;
  edit: (item: RecordItemKey) => boolean;
  full: boolean;
};
type Want = number | number[] | { not: number[] };
type PersonRoute = {
  call: (s: Session, f: Fixture) => Promise<LightMyRequestResponse>;
  want: (x: Facts) => Want;
  /** Checks on a successful answer's content (returns a problem, or null). */
  content?: (res: LightMyRequestResponse, x: Facts, f: Fixture) => string | null;
};

const junkPdf = (fields: Record<string, string>) =>
  multipartBody(fields, { name: 'x.pdf', bytes: Buffer.from('not a pdf'), type: 'application/pdf' });
const CASE_ITEMS = ['discipline', 'training'] as const;
const denyOr = (x: Facts, item: RecordItemKey, ok: Want): Want =>
  !x.read(item) ? 404 : !x.edit(item) || x.own ? 403 : ok;

const PERSON_ROUTES: Record<string, PersonRoute> = {
  'GET /api/v1/people/:personId/documents': {
    call: (s, f) => t.call(s, { url: `/api/v1/people/${f.personId}/documents` }),
    want: (x) => (x.sees ? 200 : 404),
    content: (res, x, f) => {
      const ids = new Set((res.json().items as { id: string }[]).map((d) => d.id));
      for (const k of CASE_ITEMS)
        if (ids.has(f.docs[k]) !== x.read(k)) return `document of ${k} listed=${ids.has(f.docs[k])}`;
      return null;
    },
  },
  'GET /api/v1/documents/:documentId/file': {
    call: async (s, f) => {
      const a = await t.call(s, { url: `/api/v1/documents/${f.docs.discipline}/file` });
      const b = await t.call(s, { url: `/api/v1/documents/${f.docs.training}/file` });
      // Encode both answers in one: discipline*1000 + training.
      return { ...b, statusCode: a.statusCode * 1000 + b.statusCode } as LightMyRequestResponse;
    },
    want: (x) => (x.read('discipline') ? 200 : 404) * 1000 + (x.read('training') ? 200 : 404),
  },
  'POST /api/v1/people/:personId/documents': {
    call: async (s, f) => {
      const a = await t.call(s, {
        method: 'POST',
        url: `/api/v1/people/${f.personId}/documents`,
        ...junkPdf({ category: 'discipline' }),
      });
      return a;
    },
    // Allowed: the junk file is refused after the authorization (415), nothing stored.
    want: (x) => denyOr(x, 'discipline', { not: [201, 403, 404] }),
  },
  'POST /api/v1/people/:personId/photos': {
    call: (s, f) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/people/${f.personId}/photos`,
        ...junkPdf({ slot: '1', yearBE: '2569' }),
      }),
    want: (x) => denyOr(x, 'photos', { not: [201, 403, 404] }),
  },
  'GET /api/v1/people/:personId/photos/:slot': {
    call: (s, f) => t.call(s, { url: `/api/v1/people/${f.personId}/photos/1` }),
    // No demo person has a photo in slot 1: readers get 404 for the empty slot, as do others.
    want: () => 404,
  },
  // Issuing a printout registers it (and supersedes the earlier one): a POST (ADR 0116).
  'POST /api/v1/people/:personId/printouts': {
    call: (s, f) => t.call(s, { method: 'POST', url: `/api/v1/people/${f.personId}/printouts` }),
    want: (x) => (!x.sees ? 404 : x.full ? 201 : 403),
  },
  // The access controller's help for a lost second factor (ADR 0113): status only, no secret.
  'GET /api/v1/access/people/:personId/sign-in': {
    call: (s, f) => t.call(s, { url: `/api/v1/access/people/${f.personId}/sign-in` }),
    want: (x) => (!x.sees ? 404 : ['accessController', 'otepcController'].includes(x.role) ? 200 : 403),
  },
  'GET /api/v1/people/:personId/issued': {
    call: (s, f) => t.call(s, { url: `/api/v1/people/${f.personId}/issued` }),
    want: (x) => (x.sees ? 200 : 404),
    content: (res, x, f) => {
      const listed = (res.json().items as { id: string }[]).some((d) => d.id === f.issuedId);
      return listed === x.full ? null : `printout listed=${listed}, may download=${x.full}`;
    },
  },
  'GET /api/v1/issued/:issuedId/pdf': {
    call: (s, f) => t.call(s, { url: `/api/v1/issued/${f.issuedId}/pdf` }),
    want: (x) => (!x.sees ? 404 : x.full ? 200 : 403),
  },
  'GET /api/v1/people/:personId/requests': {
    call: (s, f) => t.call(s, { url: `/api/v1/people/${f.personId}/requests` }),
    want: (x) => (!x.sees ? 404 : x.own || x.edit('personal') ? 200 : 403),
  },
  'POST /api/v1/requests/:requestId/reject': {
    call: (s, f) =>
      t.call(s, { method: 'POST', url: `/api/v1/requests/${f.requestId}/reject`, payload: { note: 'x' } }),
    // The first allowed caller rejects it; a later allowed caller finds it decided (409).
    want: (x) => (!x.sees ? 404 : x.edit('personal') && !x.own ? [200, 409] : 403),
  },
  'POST /api/v1/requests/:requestId/issue': {
    call: (s, f) => t.call(s, { method: 'POST', url: `/api/v1/requests/${f.requestId}/issue`, payload: {} }),
    want: (x) => (!x.sees ? 404 : x.edit('personal') && !x.own ? [200, 409] : 403),
  },
  'GET /api/v1/workflows/cases/:caseId': {
    call: (s, f) => t.call(s, { url: `/api/v1/workflows/cases/${f.caseId}` }),
    want: (x) => (x.sees ? 200 : 404),
    content: (res, x) => {
      const data = res.json().data as { changes: { item: string }[]; note?: string | null };
      const shown = data.changes.map((c) => c.item).sort();
      const want = CASE_ITEMS.filter((k) => x.read(k)).sort();
      if (shown.join() !== want.join()) return `case shows ${shown.join()}, want ${want.join()}`;
      if (want.length < CASE_ITEMS.length && data.note) return 'case note shown with hidden changes';
      return null;
    },
  },
  'POST /api/v1/workflows/cases/:caseId/actions': {
    call: (s, f) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/workflows/cases/${f.caseId}/actions`,
        payload: { action: 'approve', version: 999 },
      }),
    want: (x) => (x.sees ? { not: [200, 404] } : 404),
  },
  'POST /api/v1/people/:personId/correction-requests': {
    call: (s, f) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/people/${f.personId}/correction-requests`,
        payload: { changes: [] },
      }),
    // Only the owner files (ข้อ 4.1); her empty request is then refused as empty (400).
    want: (x) => (!x.sees ? 404 : x.own ? 400 : 403),
  },
  'GET /api/v1/people/:personId/signatures': {
    call: (s, f) => t.call(s, { url: `/api/v1/people/${f.personId}/signatures` }),
    want: (x) => (x.sees ? 200 : 404),
  },
  'GET /api/v1/people/:personId/sign-request': {
    call: async (s, f) => {
      const a = await t.call(s, { url: `/api/v1/people/${f.personId}/sign-request?decision=owner-attest` });
      const b = await t.call(s, { url: `/api/v1/people/${f.personId}/sign-request?decision=certify` });
      return { ...b, statusCode: a.statusCode * 1000 + b.statusCode } as LightMyRequestResponse;
    },
    want: (x) =>
      (!x.sees ? 404 : x.own ? 200 : 403) * 1000 +
      (!x.sees ? 404 : x.role === 'certifier' && !x.own ? 200 : 403),
  },
  'GET /api/v1/people/:personId/orders': {
    call: (s, f) => t.call(s, { url: `/api/v1/people/${f.personId}/orders` }),
    want: (x) => (x.read('service') ? 200 : 404),
  },
  'POST /api/v1/people/:personId/orders': {
    call: (s, f) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/people/${f.personId}/orders`,
        payload: { kind: ORDER_KIND_KEYS[0], number: 'ที่ 1/2569', orderDate: '2026-01-05', entry: { bad: 1 } },
      }),
    want: (x) => denyOr(x, 'service', { not: [201, 403, 404] }),
  },
  // Moves, removal and transfers (ข้อ 5.2–5.3, ADR 0111). Bodies carry an item-15 entry that fails
  // validation, so an allowed caller gets past every authorization and state check to a 400 and
  // nothing is recorded (a record moved or removed would change every later row).
  'POST /api/v1/transfers/move': {
    // Into SCH-40-002 (under the officer's สพป. ขอนแก่น เขต 1 assignment). A move request needs no
    // sight of the person — the holding office confirms or disputes it — so the target's visibility
    // does not matter; only the receiving office's records officer asks, never for himself.
    call: async (s, f) =>
      t.call(s, {
        method: 'POST',
        url: '/api/v1/transfers/move',
        payload: {
          nationalId: await nidOf(f.personId),
          officeId: sch40002,
          ...MOVE_ORDER,
          entry: { bad: 1 },
        },
      }),
    want: (x) => (x.role === 'officer' && !x.own ? 400 : 403),
  },
  'POST /api/v1/transfers/reappoint': {
    // Every target is in service: the receiving records officer is told so (409), others 403.
    call: async (s, f) =>
      t.call(s, {
        method: 'POST',
        url: '/api/v1/transfers/reappoint',
        payload: {
          nationalId: await nidOf(f.personId),
          officeId: sch40002,
          ...MOVE_ORDER,
          entry: { bad: 1 },
        },
      }),
    want: (x) => (x.role === 'officer' && !x.own ? 409 : 403),
  },
  'POST /api/v1/people/:personId/removal': {
    call: (s, f) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/people/${f.personId}/removal`,
        payload: { ...MOVE_ORDER, reason: 'ลาออก', entry: { bad: 1 } },
      }),
    want: (x) => denyOr(x, 'service', 400),
  },
  'POST /api/v1/people/:personId/transfer-out': {
    call: (s, f) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/people/${f.personId}/transfer-out`,
        payload: { ...MOVE_ORDER, toOfficeId: sch40101, entry: { bad: 1 } },
      }),
    want: (x) => denyOr(x, 'service', 400),
  },
  // Revocation last: it changes the printout's status (not its download rights).
  'POST /api/v1/issued/:issuedId/revoke': {
    call: (s, f) =>
      t.call(s, { method: 'POST', url: `/api/v1/issued/${f.issuedId}/revoke`, payload: { reason: 'x' } }),
    want: (x) => (!x.sees ? 404 : x.edit('personal') && !x.own ? 200 : 403),
  },
};

/** Role routes with no person in the URL: status per role, plus the import/export item limits. */
const MORE_ROLE_ROUTES: Record<
  string,
  { call: (s: Session) => Promise<LightMyRequestResponse>; want: (role: DemoAccountKey) => number }
> = {
  'GET /api/v1/workflows/queue': {
    call: (s) => t.call(s, { url: '/api/v1/workflows/queue' }),
    want: () => 200,
  },
  'GET /api/v1/reviews/overdue': {
    call: (s) => t.call(s, { url: '/api/v1/reviews/overdue' }),
    want: (r) => (['officer', 'clerk', 'certifier', 'otherOfficer'].includes(r) ? 200 : 403),
  },
  'POST /api/v1/imports': {
    // A workbook with a people sheet: new people, which only records officers add.
    call: async (s) => t.call(s, { method: 'POST', url: '/api/v1/imports', ...(await peopleWorkbook()) }),
    want: (r) => (['officer', 'otherOfficer'].includes(r) ? 202 : 403),
  },
  'GET /api/v1/imports/:importId': {
    call: (s) => t.call(s, { url: `/api/v1/imports/${importId}` }),
    want: (r) => (r === 'officer' ? 200 : 404),
  },
  'GET /api/v1/imports/:importId/errors.xlsx': {
    call: (s) => t.call(s, { url: `/api/v1/imports/${importId}/errors.xlsx` }),
    want: (r) => (r === 'officer' ? 200 : 404),
  },
  'GET /api/v1/exports/records': {
    // The discipline group: readers of discipline (everyone with record.read but the clerk).
    call: (s) => t.call(s, { url: '/api/v1/exports/records?format=csv&group=discipline' }),
    want: (r) => (['owner', 'otherOwner', 'clerk'].includes(r) ? 403 : 200),
  },
  'POST /api/v1/access/users/search': {
    call: (s) =>
      t.call(s, { method: 'POST', url: '/api/v1/access/users/search', payload: { officeId: kk1, q: '' } }),
    want: (r) => (['accessController', 'otepcController'].includes(r) ? 200 : 403),
  },
  'POST /api/v1/access/assignments': {
    // An unknown user: allowed grantors get past the role check and are told the user is invalid.
    call: (s) =>
      t.call(s, {
        method: 'POST',
        url: '/api/v1/access/assignments',
        payload: {
          userId: randomUUID(),
          role: 'data_entry_clerk',
          officeId: kk1,
          startDate: '2026-11-01',
          itemKeys: ['leave'],
        },
      }),
    want: (r) => (['accessController', 'otepcController'].includes(r) ? 400 : 403),
  },
  'POST /api/v1/access/assignments/:assignmentId/review': {
    call: (s) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/access/assignments/${clerkAssignmentId}/review`,
        payload: {},
      }),
    want: (r) => (['accessController', 'otepcController'].includes(r) ? 200 : 404),
  },
  'POST /api/v1/access/users/:userId/second-factor/reset': {
    // An unknown user: access controllers get past the role check to "not found" (ADR 0113).
    call: (s) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/access/users/${randomUUID()}/second-factor/reset`,
        payload: { reason: 'ทดสอบ' },
      }),
    want: (r) => (['accessController', 'otepcController'].includes(r) ? 404 : 403),
  },
  'POST /api/v1/access/assignments/:assignmentId/revoke': {
    call: (s) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/access/assignments/${spareAssignmentId}/revoke`,
        payload: { reason: 'ทดสอบ' },
      }),
    // The first allowed caller revokes; the next finds it revoked already (409).
    want: (r) => (r === 'accessController' ? 200 : r === 'otepcController' ? 409 : 404),
  },
  'GET /api/v1/transfers/moves': {
    call: (s) => t.call(s, { url: '/api/v1/transfers/moves' }),
    want: () => 200,
  },
  'POST /api/v1/transfers/:caseId/receive': {
    // A transfer into SCH-40-002: the receiving officer gets past authorization to the bad entry.
    call: (s) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/transfers/${transferCaseId}/receive`,
        payload: { ...MOVE_ORDER, entry: { bad: 1 } },
      }),
    want: (r) => (r === 'officer' ? 400 : 404),
  },
  'POST /api/v1/transfers/receive-external': {
    // The national ID is already in the register: the receiving officer is told so (409).
    call: async (s) =>
      t.call(s, {
        method: 'POST',
        url: '/api/v1/transfers/receive-external',
        payload: {
          nationalId: await nidOf(movedPersonId),
          officeId: sch40002,
          ...MOVE_ORDER,
          name: { prefix: 'นาย', firstName: 'ก', lastName: 'ข' },
          birthDate: '1990-01-01',
          appointmentDate: '2015-05-01',
          entry: {},
        },
      }),
    want: (r) => (r === 'officer' ? 409 : 403),
  },
  'POST /api/v1/transfers/moves/:caseId/confirm': {
    // A move into สพม. ขอนแก่น of a teacher the officer holds: he confirms (200); the requester then
    // holds the record and finds the move closed (409); nobody else sees the move (404).
    call: (s) => t.call(s, { method: 'POST', url: `/api/v1/transfers/moves/${confirmCaseId}/confirm` }),
    want: (r) => (r === 'officer' ? 200 : r === 'otherOfficer' ? 409 : 404),
  },
  'POST /api/v1/transfers/moves/:caseId/dispute': {
    // The holder disputes (200); the requester sees the move but may not decide it (403).
    call: (s) =>
      t.call(s, {
        method: 'POST',
        url: `/api/v1/transfers/moves/${disputeCaseId}/dispute`,
        payload: { reason: 'ไม่มีคำสั่งนี้' },
      }),
    want: (r) => (r === 'officer' ? 200 : r === 'otherOfficer' ? 403 : 404),
  },
  'GET /api/v1/offices/:officeId/positions': {
    // Positions of โรงเรียนบ้านหนองบัว (with holders' names): assignments covering the school only.
    call: (s) => t.call(s, { url: `/api/v1/offices/${sch40001}/positions` }),
    // (The provincial officer's assignment is at the provincial office, which the school is not under.)
    want: (r) => (['owner', 'otherOwner', 'otherOfficer', 'provincialOfficer'].includes(r) ? 404 : 200),
  },
};

/** Routes about the caller's own record only: everyone with a record gets their own. */
const OWN_ROUTES: Record<
  string,
  { call: (s: Session) => Promise<LightMyRequestResponse>; ok: number; noRecord?: number }
> = {
  'POST /api/v1/me/printouts': {
    call: (s) => t.call(s, { method: 'POST', url: '/api/v1/me/printouts' }),
    ok: 201,
  },
  'GET /api/v1/me/requests': {
    call: (s) => t.call(s, { url: '/api/v1/me/requests' }),
    ok: 200,
    noRecord: 200, // an empty list
  },
  'POST /api/v1/me/requests': {
    call: (s) => t.call(s, { method: 'POST', url: '/api/v1/me/requests', payload: { kind: 'cert_service' } }),
    ok: 201,
  },
  'POST /api/v1/me/review': {
    // A stale version: the owner is told to reload (409); no record at all: 404.
    call: (s) => t.call(s, { method: 'POST', url: '/api/v1/me/review', payload: { recordVersion: 999_999 } }),
    ok: 409,
  },
};

let importId = '';
let sch40002 = '';
let sch40101 = '';
let transferCaseId = '';
let confirmCaseId = '';
let disputeCaseId = '';
let movedPersonId = '';
const MOVE_ORDER = { number: 'ที่ 9/2569', orderDate: '2026-11-02', issuingAuthority: 'สพม. ขอนแก่น' };
const nidOf = async (personId: string) =>
  (await t.h.query<{ n: string }>('select national_id as n from persons where id = $1', [personId]))[0]!.n;
let kk1 = '';
let sch40001 = '';
let clerkAssignmentId = '';
let spareAssignmentId = '';
const fixtures = {} as Record<DemoAccountKey, Partial<Record<Target, Fixture>>>;

async function peopleWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('people');
  ws.addRow(COLUMNS.people.map(heading));
  // A person of another province: even an officer's row is refused for the office (row error).
  ws.addRow(
    COLUMNS.people.map(
      (c) =>
        ({
          nationalId: nationalIdFrom('590000000001'),
          officeCode: 'SCH-44-001',
          birthDate: '1990-01-15',
          appointmentDate: '2015-05-01',
        })[c.key] ?? null,
    ),
  );
  return multipartBody({}, { name: 'people.xlsx', bytes: Buffer.from(await wb.xlsx.writeBuffer()) });
}

async function makeFixture(personId: string, by: Session, filer: string): Promise<Fixture> {
  // The printout, made by OTEPC (who reads everyone); documents and a request straight in the
  // tables (their upload and filing are tested in documents.test.ts and verify.test.ts).
  const pdf = await t.call(by, { method: 'POST', url: `/api/v1/people/${personId}/printouts` });
  if (pdf.statusCode !== 201) throw new Error(`printout ${pdf.statusCode}`);
  const issuedId = pdf.headers['x-khru-document-id'] as string;
  const svc = await documentServices(t.cfg);
  const docs = {} as Fixture['docs'];
  for (const [k, category] of [
    ['discipline', 'discipline'],
    ['training', 'developmentEvidence'],
  ] as const) {
    const bytes = Buffer.from(`%PDF-1.4 fixture ${k} ${personId}`);
    const { sha256 } = await svc.store.put(bytes);
    const [d] = await t.h.query<{ id: string }>(
      `insert into documents (sha256, size, mime, category, file_name, person_id)
       values ($1, $2, 'application/pdf', $3, 'x.pdf', $4) returning id`,
      [sha256, bytes.length, category, personId],
    );
    docs[k] = d!.id;
  }
  const [c] = await t.h.query<{ id: string }>(
    `insert into workflow_cases (kind, status, person_id, office_id, filed_by, data)
     select 'addition', 'submitted', p.id, p.office_id, $2, $3::jsonb from persons p where p.id = $1 returning id`,
    [
      personId,
      filer,
      JSON.stringify({
        changes: [
          { item: 'discipline', data: { offence: 'ทดสอบ' } },
          { item: 'training', data: { course: 'ทดสอบ' } },
        ],
        note: 'ขอเพิ่มโทษทางวินัยและการฝึกอบรม',
        documentIds: [],
      }),
    ],
  );
  const [r] = await t.h.query<{ id: string }>(
    `insert into document_requests (person_id, kind, requested_by) values ($1, 'cert_service', $2) returning id`,
    [personId, filer],
  );
  return { personId, issuedId, caseId: c!.id, docs, requestId: r!.id };
}

/** The clerk's items in the second run of the matrix (ข้อ 6.1.3: items are per assignment). */
const CLERK_ITEMS_2: RecordItemKey[] = ['personal', 'names', 'service', 'discipline', 'family'];

function factsFor(role: DemoAccountKey, target: Target, spec: Spec): Facts {
  const read = (item: RecordItemKey) =>
    item === 'personal' || (LIST_ITEM_KEYS as string[]).includes(item)
      ? readable(spec, target, item as ListItemKey | 'personal')
      : false;
  const edit = (item: RecordItemKey) =>
    read(item) && editable(spec, target, item as ListItemKey | 'personal') && target !== 'own';
  return {
    role,
    target,
    sees: spec.sees.includes(target),
    own: target === 'own',
    read,
    edit,
    full: RECORD_ITEM_KEYS.every(read),
  };
}

const matches = (got: number, want: Want) =>
  typeof want === 'number'
    ? got === want
    : Array.isArray(want)
      ? want.includes(got)
      : !want.not.includes(got) && got < 500;

/** Figures of the extended matrix (printed at the end, for the report). */
const figures = { routes: new Set<string>(), cases: 0, failures: 0 };

describe('policy matrix: every personal-data route', () => {
  beforeAll(async () => {
    const otepc = sessions.otepcController;
    [{ id: kk1 }] = (await t.h.query<{ id: string }>("select id from offices where code = 'SPP-KK1'")) as [
      { id: string },
    ];
    [{ id: sch40001 }] = (await t.h.query<{ id: string }>(
      "select id from offices where code = 'SCH-40-001'",
    )) as [{ id: string }];
    const officeOf = async (code: string) =>
      (await t.h.query<{ id: string }>('select id from offices where code = $1', [code]))[0]!.id;
    sch40002 = await officeOf('SCH-40-002');
    sch40101 = await officeOf('SCH-40-101');
    // A transfer into SCH-40-002 (ข้อ 5.2.2) of a teacher of another province, waiting for receipt.
    const incoming = await teacherOf(t.h, 'SCH-44-001', 3);
    [{ id: transferCaseId }] = (await t.h.query<{ id: string }>(
      `insert into workflow_cases (kind, status, person_id, office_id, filed_by, data)
       select 'transfer', 'awaiting_receipt', p.id, p.office_id, $2, jsonb_build_object('toOfficeId', $3::text,
         'fromOfficeId', p.office_id) from persons p where p.id = $1 returning id`,
      [incoming, sessions.otepcController.userId, sch40002],
    )) as [{ id: string }];
    // Two moves into SCH-40-101, requested by its records officer, of teachers the officer holds.
    const request = async (i: number) => {
      const pid = await teacherOf(t.h, 'SCH-40-001', i);
      const r = await t.call(sessions.otherOfficer, {
        method: 'POST',
        url: '/api/v1/transfers/move',
        payload: {
          nationalId: await nidOf(pid),
          officeId: sch40101,
          ...MOVE_ORDER,
          entry: { ...SAMPLES.service, effectiveDate: '2026-11-02' },
        },
      });
      expect(r.statusCode).toBe(202);
      return { pid, caseId: r.json().caseId as string };
    };
    ({ pid: movedPersonId, caseId: confirmCaseId } = await request(5));
    ({ caseId: disputeCaseId } = await request(6));
    [{ id: clerkAssignmentId }] = (await t.h.query<{ id: string }>(
      "select id from role_assignments where role = 'data_entry_clerk' and user_id = $1",
      [sessions.clerk.userId],
    )) as [{ id: string }];
    // A spare assignment to revoke: a clerk role for the school director's account.
    const spare = await t.call(sessions.accessController, {
      method: 'POST',
      url: '/api/v1/access/assignments',
      payload: {
        userId: sessions.schoolDirector.userId,
        role: 'data_entry_clerk',
        officeId: kk1,
        startDate: '2026-11-01',
        endDate: '2026-11-02',
        itemKeys: ['leave'],
      },
    });
    expect(spare.statusCode).toBe(201);
    spareAssignmentId = spare.json().id;
    const shared: Partial<Record<Target, Fixture>> = {};
    for (const target of ['assigned', 'sameOffice', 'otherOffice'] as const)
      shared[target] = await makeFixture(targetIds.owner[target]!, otepc, sessions.owner.userId);
    for (const role of Object.keys(POLICY) as DemoAccountKey[]) {
      fixtures[role] = { ...shared };
      const own = targetIds[role].own;
      if (own) fixtures[role].own = await makeFixture(own, otepc, sessions[role].userId);
    }
    const up = await t.call(sessions.officer, {
      method: 'POST',
      url: '/api/v1/imports',
      ...(await peopleWorkbook()),
    });
    importId = up.json().id;
    for (let i = 0; i < 100; i++) {
      const j = (await t.call(sessions.officer, { url: `/api/v1/imports/${importId}` })).json();
      if (j.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 240_000);

  it('classifies every registered route: a matrix row, or a stated reason', () => {
    const matrix = new Set([
      ...Object.keys(ROLE_ROUTES),
      ...Object.keys(MORE_ROLE_ROUTES),
      ...Object.keys(PERSON_ROUTES),
      ...Object.keys(OWN_ROUTES),
      'GET /api/v1/me/record',
      'GET /api/v1/people/:personId/record',
      'GET /api/v1/people/:personId/history',
      'PUT /api/v1/people/:personId/personal',
      ...LIST_ITEM_KEYS.flatMap((k) => [
        `POST /api/v1/people/:personId/items/${k}`,
        `PUT /api/v1/people/:personId/items/${k}/:entryId`,
        `DELETE /api/v1/people/:personId/items/${k}/:entryId`,
      ]),
    ]);
    const registered = t.app.khruRoutes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    const unclassified = registered.filter(
      (k) => !matrix.has(k) && !(k in NO_PERSONAL_DATA) && !(k in PERSONAL_ELSEWHERE),
    );
    expect(unclassified).toEqual([]);
    // And no stale entries: every listed route exists.
    const known = new Set(registered);
    const stale = [...matrix, ...Object.keys(NO_PERSONAL_DATA), ...Object.keys(PERSONAL_ELSEWHERE)].filter(
      (k) => !known.has(k),
    );
    expect(stale).toEqual([]);
  });

  const runPersonRoutes = async (role: DemoAccountKey, spec: Spec, label: string) => {
    const problems: string[] = [];
    for (const [name, r] of Object.entries(PERSON_ROUTES)) {
      for (const target of TARGETS) {
        const f = fixtures[role][target];
        if (!f) continue;
        const x = factsFor(role, target, spec);
        const want = r.want(x);
        const res = await r.call(sessions[role], f);
        figures.routes.add(name);
        figures.cases++;
        if (!matches(res.statusCode, want)) {
          figures.failures++;
          problems.push(`${label} ${name} ${target}: got ${res.statusCode}, want ${JSON.stringify(want)}`);
        } else if (r.content && res.statusCode === 200) {
          const p = r.content(res, x, f);
          if (p) {
            figures.failures++;
            problems.push(`${label} ${name} ${target}: ${p}`);
          }
        }
      }
    }
    return problems;
  };

  for (const role of Object.keys(POLICY) as DemoAccountKey[])
    it(`${role}: personal-data routes × targets`, async () => {
      expect(await runPersonRoutes(role, POLICY[role], role)).toEqual([]);
    }, 120_000);

  it('clerk with other items: the matrix follows the assignment', async () => {
    await t.h.query('delete from assignment_items where assignment_id = $1', [clerkAssignmentId]);
    for (const k of CLERK_ITEMS_2)
      await t.h.query('insert into assignment_items (assignment_id, item_key) values ($1, $2)', [
        clerkAssignmentId,
        k,
      ]);
    const items = CLERK_ITEMS_2 as (ListItemKey | 'personal')[];
    const withPersonal: Spec = {
      sees: POLICY.clerk.sees,
      reads: { assigned: items, sameOffice: items },
      edits: { assigned: items, sameOffice: items },
    };
    try {
      expect(await runPersonRoutes('clerk', withPersonal, 'clerk(items 2)')).toEqual([]);
    } finally {
      await t.h.query('delete from assignment_items where assignment_id = $1', [clerkAssignmentId]);
      for (const k of CLERK_ITEMS)
        await t.h.query('insert into assignment_items (assignment_id, item_key) values ($1, $2)', [
          clerkAssignmentId,
          k,
        ]);
    }
  }, 120_000);

  it('role routes without a person in the URL', async () => {
    const problems: string[] = [];
    for (const [name, r] of Object.entries(MORE_ROLE_ROUTES))
      for (const role of Object.keys(POLICY) as DemoAccountKey[]) {
        const res = await r.call(sessions[role]);
        figures.routes.add(name);
        figures.cases++;
        if (res.statusCode !== r.want(role)) {
          figures.failures++;
          problems.push(`${name} as ${role}: got ${res.statusCode}, want ${r.want(role)}`);
        }
      }
    expect(problems).toEqual([]);
  });

  it('own-record routes: everyone with a record gets their own, others 404', async () => {
    const problems: string[] = [];
    for (const [name, r] of Object.entries(OWN_ROUTES))
      for (const role of Object.keys(POLICY) as DemoAccountKey[]) {
        const want = HAS_RECORD[role] ? r.ok : (r.noRecord ?? 404);
        const res = await r.call(sessions[role]);
        figures.routes.add(name);
        figures.cases++;
        if (res.statusCode !== want) {
          figures.failures++;
          problems.push(`${name} as ${role}: got ${res.statusCode}, want ${want}`);
        }
      }
    expect(problems).toEqual([]);
  }, 120_000);

  afterAll(() => {
    console.info(
      `policy matrix (personal-data routes): ${figures.routes.size} routes × ${Object.keys(POLICY).length} roles × ${TARGETS.length} targets (+ clerk's second item set): ${figures.cases} cases, ${figures.failures} failures`,
    );
  });
});
