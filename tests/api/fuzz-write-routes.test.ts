/**
 * A fixed, deterministic fuzz corpus against every write route (issue 17 §4 item 5, ADR 0116).
 * The routes come from the app itself (every POST/PUT/PATCH/DELETE it registers); each is called
 * as a role that may call it, with real parameters, so validation — and past it the command — is
 * reached. The corpus: NUL, C0/C1 controls, lone surrogates, 1e308 / ±1e309 / 2^63 / "NaN",
 * wrong types, missing and extra fields, nesting 17 and 10,000 deep, a 1 MB string, a body over
 * the limit, no body, invalid JSON, a wrong content type — in the body, the URL parameters and
 * the query string (and the fields of multipart forms). Asserted for every request: no 5xx;
 * every 4xx is the Thai error shape; and after every rejection the content hash of every table
 * (tests/support/db-hash.ts) is what it was before. A route the corpus does not reach fails.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_ITEM_KEYS, type ListItemKey } from '../../src/domain/record/items.ts';
import { ORDER_KIND_KEYS } from '../../src/domain/workflow/orders.ts';
import type { KhruRouteSchema } from '../../src/server/app.ts';
import type { DemoAccountKey } from '../../src/server/modules/demo/seed.ts';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/seed.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { changeWatch, HASH_EXCEPT, READ_MODEL_CACHES } from '../support/db-hash.ts';
import { teacherOf } from '../support/people.ts';
import { SAMPLES } from '../support/samples.ts';
import { makePng, multipartBody } from './documents-files.test-support.ts';

let t: TestApp;
const sessions = {} as Record<DemoAccountKey, Session>;
const ids = {} as Record<string, string>;
const entries = {} as Record<ListItemKey, string>;

/** A sentinel replaced in the JSON text by a literal JSON.stringify cannot write. */
const RAW = (literal: string) => `\u0000RAW:${literal}\u0000`;
const withRaw = (json: string) => json.replace(/"\\u0000RAW:([^\\]*)\\u0000"/g, '$1');

/** Values put in place of one field (a top-level key, or one a level down). */
const FIELD_VALUES: { label: string; v: unknown }[] = [
  { label: 'NUL', v: 'a\u0000b' },
  { label: 'C0 BEL', v: 'a\u0007b' },
  { label: 'C0 ESC', v: '\u001b[31m' },
  { label: 'DEL', v: 'a\u007fb' },
  { label: 'C1 NEL', v: 'a\u0085b' },
  { label: 'lone high surrogate', v: 'a\ud800b' },
  { label: 'lone low surrogate', v: '\udfff' },
  { label: '1e308', v: 1e308 },
  { label: '-1e308', v: -1e308 },
  { label: '1e309 (Infinity)', v: RAW('1e309') },
  { label: '-1e309 (-Infinity)', v: RAW('-1e309') },
  { label: '2^63', v: RAW('9223372036854775808') },
  { label: '-2^63-1', v: RAW('-9223372036854775809') },
  { label: '"NaN"', v: 'NaN' },
  { label: '"Infinity"', v: 'Infinity' },
  { label: '"1e309"', v: '1e309' },
  { label: 'number for string', v: 12345 },
  { label: 'fraction', v: 0.5 },
  { label: 'negative', v: -1 },
  { label: 'boolean', v: true },
  { label: 'null', v: null },
  { label: 'array', v: ['x', 1] },
  { label: 'object for string', v: { a: 'b' } },
  { label: 'empty string', v: '' },
  { label: 'spaces', v: '   ' },
  { label: '10k string', v: 'ก'.repeat(10_000) },
  { label: 'far date', v: '99999-12-31' },
  { label: 'bad date', v: '2026-02-30' },
  { label: 'uuid nil', v: '00000000-0000-0000-0000-000000000000' },
  { label: 'sql', v: "'; drop table persons; --" },
];

/** Values put in place of one URL parameter (already encoded). */
const PARAM_VALUES = [
  '%00',
  'a%07b',
  '%C2%85',
  '%ED%A0%80',
  '%FF',
  '1e309',
  '-1',
  '9223372036854775808',
  'NaN',
  'x'.repeat(5000),
  '..%2F..%2Fetc%2Fpasswd',
  '00000000-0000-0000-0000-000000000000',
];

/** Query strings appended to the URL. */
const QUERY_VALUES = [
  'version=NaN',
  'version=1e309',
  'version=9223372036854775808',
  'version=-1',
  'version=1&version=2',
  'thaiDigits=%00',
  'x=%ED%A0%80',
  'a[b][c]=1',
  `q=${'x'.repeat(5000)}`,
];

const nest = (depth: number) => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

type Caller = DemoAccountKey | null;
type Target = {
  who: Caller;
  params: Record<string, string>;
  /** A body the route would accept (or nearly): fields are broken one at a time. */
  base?: Record<string, unknown>;
  /** Multipart routes: the form's fields and whether a file goes with them. */
  form?: { fields: Record<string, string>; file?: { name: string; bytes: Buffer; type?: string } };
  /** A 2xx ends the caller's session (logout): log in again afterwards. */
  endsSession?: boolean;
};

/** Rejections that write by design, with the reason (nothing else may change a table). */
const WRITES_ON_REJECTION: Record<string, { status: number[]; tables: string[]; why: string }> = {
  'POST /api/auth/second-factor': {
    status: [401, 429],
    tables: ['audit_events', 'auth_throttle'],
    why: 'a wrong second-factor code is a failed sign-in: audited and counted (ADR 0113)',
  },
  'POST /api/auth/totp/confirm': {
    status: [401, 429],
    tables: ['audit_events', 'auth_throttle'],
    why: 'a wrong first code of an enrolment is audited and counted like a sign-in (ADR 0113)',
  },
  'POST /api/auth/login': {
    status: [401, 429],
    tables: ['audit_events', 'users', 'auth_throttle'],
    why: 'a failed sign-in is audited and counts toward the account lockout (ASVS 6.3.1, ADR 0011)',
  },
  'POST /api/auth/reauth': {
    status: [401, 429],
    tables: ['audit_events', 'users', 'auth_throttle'],
    why: 'a failed re-authentication is a failed sign-in: audited and counted (ASVS 6.3.1)',
  },
  'POST /api/auth/password': {
    status: [401, 403, 429],
    tables: ['audit_events', 'users', 'auth_throttle'],
    why: 'a wrong current password is a failed sign-in: audited and counted (ASVS 6.3.1)',
  },
};

function targetFor(method: string, url: string): Target {
  const p = ids.person;
  const params: Record<string, string> = {
    personId: p!,
    issuedId: ids.issued!,
    requestId: ids.request!,
    assignmentId: ids.assignment!,
    date: '2027-02-22',
    caseId: ids.case!,
  };
  const item = /\/items\/(\w+)/.exec(url)?.[1] as ListItemKey | undefined;
  if (item) {
    params.entryId = entries[item] ?? randomUUID();
    const sample = SAMPLES[item] as Record<string, unknown>;
    if (method === 'POST') return { who: 'officer', params, base: sample };
    if (method === 'PUT') return { who: 'officer', params, base: { version: 1, data: sample } };
    return { who: 'officer', params };
  }
  const key = `${method} ${url}`;
  const MOVE = { number: 'ที่ 9/2569', orderDate: '2026-11-02', issuingAuthority: 'สพม. ขอนแก่น' };
  const T: Record<string, Target> = {
    'POST /api/auth/login': {
      who: null,
      params,
      base: { nationalId: DEMO_ACCOUNTS.otherOwner.nationalId, password: 'not-the-password' },
    },
    'POST /api/auth/logout': { who: 'provincialOfficer', params, endsSession: true },
    'POST /api/auth/password': {
      who: 'districtDirector',
      params,
      base: { currentPassword: 'not-the-password', newPassword: 'a-new-long-password-2569' },
    },
    'POST /api/auth/reauth': { who: 'districtDirector', params, base: { password: 'not-the-password' } },
    // The second step and enrolment, called with a full session (refused), so that validation
    // and refusals are fuzzed without locking the callers out (ADR 0113).
    'POST /api/auth/second-factor': { who: 'officer', params, base: { code: '123456' } },
    'POST /api/auth/totp/enrol': { who: 'officer', params },
    'POST /api/auth/totp/confirm': { who: 'officer', params, base: { code: '123456' } },
    'POST /api/auth/recovery-codes': { who: 'officer', params },
    'POST /api/v1/access/users/:userId/second-factor/reset': {
      who: 'accessController',
      params: { ...params, userId: ids.certifierUser! },
      base: { reason: 'โทรศัพท์หาย' },
    },
    'PUT /api/v1/reference/holidays/:date': {
      who: 'otepcController',
      params,
      base: { nameTh: 'วันมาฆบูชา', kind: 'lunar' },
    },
    'DELETE /api/v1/reference/holidays/:date': { who: 'otepcController', params },
    'POST /api/v1/audit/checkpoints': { who: 'otepcController', params },
    'POST /api/v1/people/search': { who: 'officer', params, base: { q: 'ก', pageSize: 10 } },
    'PUT /api/v1/people/:personId/personal': {
      who: 'officer',
      params,
      base: {
        birthDate: '1990-01-01',
        bloodGroup: 'A',
        appointmentDate: '2015-05-01',
        subjectGroup: null,
        version: 1,
      },
    },
    'POST /api/v1/people/:personId/orders': {
      who: 'officer',
      params,
      base: { kind: ORDER_KIND_KEYS[0], number: 'ที่ 1/2569', orderDate: '2026-01-05', entry: SAMPLES.service },
    },
    'POST /api/v1/people/:personId/correction-requests': {
      who: 'owner',
      params: { ...params, personId: sessions.owner.personId! },
      base: { changes: [{ item: 'training', data: SAMPLES.training }], note: 'ขอเพิ่ม' },
    },
    'POST /api/v1/workflows/cases/:caseId/actions': {
      who: 'officer',
      params,
      base: { action: 'return', version: 1, note: 'แก้ไข' },
    },
    'POST /api/v1/me/review': { who: 'owner', params, base: { recordVersion: 1 } },
    'POST /api/v1/me/printouts': { who: 'owner', params, base: { thaiDigits: false } },
    'POST /api/v1/people/:personId/printouts': {
      who: 'otepcController',
      params,
      base: { thaiDigits: false },
    },
    'POST /api/v1/me/requests': { who: 'owner', params, base: { kind: 'cert_service', purpose: 'ยื่นธนาคาร' } },
    'POST /api/v1/requests/:requestId/issue': { who: 'officer', params },
    'POST /api/v1/requests/:requestId/reject': { who: 'officer', params, base: { note: 'ไม่อนุมัติ' } },
    'POST /api/v1/issued/:issuedId/revoke': { who: 'officer', params, base: { reason: 'ผิดพลาด' } },
    'POST /api/v1/people/:personId/documents': {
      who: 'officer',
      params,
      form: { fields: { category: 'discipline' }, file: { name: 'x.pdf', bytes: Buffer.from('%PDF-1.4 x') } },
    },
    'POST /api/v1/people/:personId/photos': {
      who: 'officer',
      params,
      form: { fields: { slot: '1', yearBE: '2569' }, file: { name: 'p.png', bytes: makePng(30, 40) } },
    },
    'POST /api/v1/imports': {
      who: 'officer',
      params,
      form: { fields: {}, file: { name: 'x.xlsx', bytes: Buffer.from('PK not a workbook') } },
    },
    'POST /verify': { who: null, params, base: { t: 'not.a.token', lang: 'th' } },
    'POST /verify/pdf': {
      who: null,
      params,
      form: { fields: { lang: 'th' }, file: { name: 'x.pdf', bytes: Buffer.from('%PDF-1.4 x') } },
    },
    'POST /api/v1/access/users/search': {
      who: 'accessController',
      params,
      base: { officeId: ids.kk1, q: '' },
    },
    'POST /api/v1/access/assignments': {
      who: 'accessController',
      params,
      base: {
        userId: randomUUID(),
        role: 'data_entry_clerk',
        officeId: ids.kk1,
        startDate: '2026-11-01',
        itemKeys: ['leave'],
      },
    },
    'POST /api/v1/access/assignments/:assignmentId/revoke': {
      who: 'accessController',
      params,
      base: { reason: 'ทดสอบ' },
    },
    'POST /api/v1/access/assignments/:assignmentId/review': { who: 'accessController', params },
    'POST /api/v1/signing/credentials/options': { who: 'owner', params, base: {} },
    'POST /api/v1/signing/credentials': {
      who: 'owner',
      params,
      base: { response: { id: 'AA', rawId: 'AA', type: 'public-key', response: {} }, label: 'กุญแจ' },
    },
    'POST /api/v1/signatures': {
      who: 'owner',
      params,
      base: { payload: '{}', response: { id: 'AA', rawId: 'AA', type: 'public-key', response: {} } },
    },
    'POST /api/v1/onboarding': {
      who: 'officer',
      params,
      base: {
        nationalId: '1101700203451',
        officeId: ids.sch40001,
        positionId: null,
        positionTitle: 'ครูผู้ช่วย',
        orderNumber: 'ที่ 1/2569',
        orderDate: '2026-05-01',
        appointmentDate: '2026-05-15',
        reportDate: '2026-05-15',
      },
    },
    'POST /api/v1/transfers/move': {
      who: 'officer',
      params,
      base: { nationalId: ids.nid, officeId: ids.sch40002, ...MOVE, entry: SAMPLES.service },
    },
    'POST /api/v1/transfers/reappoint': {
      who: 'officer',
      params,
      base: { nationalId: ids.nid, officeId: ids.sch40002, ...MOVE, entry: SAMPLES.service },
    },
    'POST /api/v1/transfers/moves/:caseId/confirm': { who: 'officer', params: { caseId: ids.moveCase! } },
    'POST /api/v1/transfers/moves/:caseId/dispute': {
      who: 'officer',
      params: { caseId: ids.moveCase! },
      base: { reason: 'ไม่มีคำสั่งนี้' },
    },
    'POST /api/v1/people/:personId/removal': {
      who: 'officer',
      params,
      base: { ...MOVE, reason: 'ลาออก', entry: SAMPLES.service },
    },
    'POST /api/v1/people/:personId/transfer-out': {
      who: 'officer',
      params,
      base: { ...MOVE, toOfficeId: ids.sch40101, entry: SAMPLES.service },
    },
    'POST /api/v1/transfers/:caseId/receive': {
      who: 'officer',
      params: { caseId: ids.transferCase! },
      base: { ...MOVE, entry: SAMPLES.service },
    },
    'POST /api/v1/transfers/receive-external': {
      who: 'officer',
      params,
      base: {
        nationalId: ids.nid,
        officeId: ids.sch40002,
        ...MOVE,
        name: { prefix: 'นาย', firstName: 'ก', lastName: 'ข' },
        birthDate: '1990-01-01',
        appointmentDate: '2015-05-01',
        entry: SAMPLES.service,
      },
    },
  };
  const found = T[key];
  if (!found) throw new Error(`no caller for ${key}: add it to targetFor`);
  return found;
}

type Req = { label: string; opts: InjectOptions };

/** The zod object shape's keys of a schema (unwrapping optional/nullable/default). */
function keysOf(schema: unknown): string[] {
  let s = schema as {
    shape?: Record<string, unknown>;
    unwrap?: () => unknown;
    def?: { innerType?: unknown };
  };
  for (let i = 0; i < 5 && s && !s.shape; i++) s = (s.unwrap?.() ?? s.def?.innerType) as typeof s;
  return s?.shape ? Object.keys(s.shape) : [];
}

const json = (body: unknown) => withRaw(JSON.stringify(body));

/** The whole corpus for one route. */
function corpusFor(
  method: string,
  url: string,
  schema: KhruRouteSchema | undefined,
  tg: Target,
  n: number,
): Req[] {
  const fill = (over: Record<string, string> = {}) =>
    url.replace(/:(\w+)/g, (_, k: string) => over[k] ?? tg.params[k] ?? randomUUID());
  const good = fill();
  const out: Req[] = [];
  const jsonReq = (label: string, payload: string, u = good, ct = 'application/json') =>
    out.push({ label, opts: { method: method as 'POST', url: u, payload, headers: { 'content-type': ct } } });
  const base = tg.base ?? {};
  const paramNames = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  // URL parameters, each broken in turn (the body stays plausible).
  paramNames.forEach((name, i) => {
    for (let j = 0; j < PARAM_VALUES.length; j++)
      if ((j + i + n) % 2 === 0)
        jsonReq(
          `param ${name}=${PARAM_VALUES[j]!.slice(0, 20)}`,
          json(base),
          fill({ [name]: PARAM_VALUES[j]! }),
        );
  });
  // Query strings.
  const qKeys = keysOf(schema?.querystring);
  QUERY_VALUES.forEach((q, j) => {
    if (j % 3 === n % 3 || qKeys.length > 0) jsonReq(`query ${q.slice(0, 30)}`, json(base), `${good}?${q}`);
  });
  for (const k of qKeys) jsonReq(`query ${k}=NUL`, json(base), `${good}?${k}=%00`);
  if (tg.form) {
    // Multipart: every field broken in turn, a name with controls and a traversal, no file.
    const { fields, file } = tg.form;
    const form = (label: string, f: Record<string, string>, fl = file) => {
      const { payload, headers } = multipartBody(f, fl);
      out.push({ label, opts: { method: method as 'POST', url: good, payload, headers } });
    };
    for (const k of Object.keys(fields))
      for (const v of [
        'a\u0000b',
        '\u0085',
        '1e309',
        '-1',
        '9223372036854775808',
        'NaN',
        '',
        'x'.repeat(1999),
      ])
        form(`form ${k}=${JSON.stringify(v).slice(0, 20)}`, { ...fields, [k]: v });
    form('form extra field', { ...fields, zz: 'x' });
    form('form no fields', {});
    form('form no file', fields, undefined);
    if (file) {
      form('form file name NUL', fields, { ...file, name: 'a\u0000.pdf' });
      form('form file name traversal', fields, { ...file, name: '../../x.pdf' });
      form('form empty file', fields, { ...file, bytes: Buffer.alloc(0) });
    }
    jsonReq('json to a form route', json(base));
    jsonReq(
      'form content type, broken boundary',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
      good,
      'multipart/form-data; boundary=x',
    );
  }
  // Whole bodies.
  jsonReq('invalid JSON', '{"a":');
  jsonReq('JSON with trailing garbage', '{} x');
  jsonReq('__proto__ key', '{"__proto__":{"admin":true}}');
  jsonReq('constructor.prototype', '{"constructor":{"prototype":{"admin":true}}}');
  jsonReq('array for object', '[]');
  jsonReq('string for object', '"x"');
  jsonReq('number for object', '1e309');
  jsonReq('null body', 'null');
  jsonReq('boolean body', 'true');
  jsonReq('empty object', '{}');
  jsonReq('extra fields', json({ ...base, zzExtra: 1, $where: 'x' }));
  jsonReq('depth 17', json({ ...base, deep: nest(17) }));
  jsonReq('depth 10,000', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  jsonReq('depth 10,000 objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
  jsonReq('wrong content type', 'hello', good, 'text/plain');
  jsonReq('xml content type', '<a/>', good, 'application/xml');
  jsonReq('JSON as form-urlencoded', 'a=%00&b=1', good, 'application/x-www-form-urlencoded');
  out.push({ label: 'no body', opts: { method: method as 'POST', url: good } });
  out.push({
    label: 'empty body with JSON type',
    opts: {
      method: method as 'POST',
      url: good,
      payload: '',
      headers: { 'content-type': 'application/json' },
    },
  });
  // The limit is Fastify's, before any route code: every third route is enough.
  if (n % 3 === 0) jsonReq('over the body limit (3 MB)', json({ ...base, big: 'x'.repeat(3 * 1024 * 1024) }));
  // Fields (and fields a level down), each broken with the values above.
  const paths: string[][] = [];
  const keys = [...new Set([...Object.keys(base), ...keysOf(schema?.body)])];
  for (const k of keys) {
    paths.push([k]);
    const v = base[k];
    if (v && typeof v === 'object' && !Array.isArray(v))
      for (const k2 of Object.keys(v).slice(0, 4)) paths.push([k, k2]);
  }
  const setAt = (pth: string[], v: unknown) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    let o = copy;
    for (const k of pth.slice(0, -1)) {
      o[k] ??= {};
      o = o[k] as Record<string, unknown>;
    }
    o[pth.at(-1)!] = v;
    return copy;
  };
  if (paths.length > 0) {
    // Values on rotating fields, and every field once (with a rotating value) and once missing.
    // Half the values per route (alternating), so across routes every value meets every route kind.
    FIELD_VALUES.forEach(({ label, v }, j) => {
      if ((j + n) % 2 !== 0) return;
      const pth = paths[(j * 7 + n) % paths.length]!;
      jsonReq(`${pth.join('.')}: ${label}`, json(setAt(pth, v)));
    });
    paths.forEach((pth, i) => {
      const { label, v } = FIELD_VALUES[(i * 5 + n + 3) % FIELD_VALUES.length]!;
      jsonReq(`${pth.join('.')}: ${label}`, json(setAt(pth, v)));
      jsonReq(`${pth.join('.')}: missing`, json(setAt(pth, undefined)));
    });
    jsonReq(`${paths[0]!.join('.')}: 1 MB string`, json(setAt(paths[0]!, 'ก'.repeat(350_000))));
  }
  return out;
}

const THAI = /[\u0E00-\u0E7F]/;
const figures = {
  routes: 0,
  requests: 0,
  rejected: 0,
  accepted: 0,
  hashChecks: 0,
  hashed: 0,
  fiveXx: 0,
  problems: 0,
};

beforeAll(async () => {
  t = await createTestApp({ verifyMaxPerMinute: 1_000_000 });
  for (const k of Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[])
    if (k !== 'otherOwner') sessions[k] = await t.login(k);
  const office = async (code: string) =>
    (await t.owner<{ id: string }>('select id from offices where code = $1', [code]))[0]!.id;
  ids.kk1 = await office('SPP-KK1');
  ids.sch40001 = await office('SCH-40-001');
  ids.sch40002 = await office('SCH-40-002');
  ids.sch40101 = await office('SCH-40-101');
  ids.person = await teacherOf(t.h, 'SCH-40-001');
  ids.nid = (
    await t.owner<{ n: string }>('select national_id as n from persons where id = $1', [ids.person])
  )[0]!.n;
  for (const item of LIST_ITEM_KEYS) {
    if (item === 'photos') continue;
    const r = await t.call(sessions.officer, {
      method: 'POST',
      url: `/api/v1/people/${ids.person}/items/${item}`,
      payload: SAMPLES[item],
    });
    if (r.statusCode === 201) entries[item] = r.json().entry.id;
  }
  const pr = await t.call(sessions.otepcController, {
    method: 'POST',
    url: `/api/v1/people/${ids.person}/printouts`,
  });
  ids.issued = String(pr.headers['x-khru-document-id']);
  const rq = await t.call(sessions.owner, {
    method: 'POST',
    url: '/api/v1/me/requests',
    payload: { kind: 'cert_service' },
  });
  ids.request = rq.json().id;
  const c = await t.call(sessions.owner, {
    method: 'POST',
    url: `/api/v1/people/${sessions.owner.personId}/correction-requests`,
    payload: { changes: [{ item: 'training', data: SAMPLES.training }], note: 'ขอเพิ่ม' },
  });
  ids.case = c.json().id;
  ids.certifierUser = (
    await t.owner<{ id: string }>('select id from users where national_id = $1', [
      DEMO_ACCOUNTS.certifier.nationalId,
    ])
  )[0]!.id;
  ids.assignment = (
    await t.owner<{ id: string }>(
      "select id from role_assignments where role = 'data_entry_clerk' and user_id = $1",
      [sessions.clerk.userId],
    )
  )[0]!.id;
  const incoming = await teacherOf(t.h, 'SCH-44-001', 3);
  ids.transferCase = (
    await t.owner<{ id: string }>(
      `insert into workflow_cases (kind, status, person_id, office_id, filed_by, data)
       select 'transfer', 'awaiting_receipt', p.id, p.office_id, $2, jsonb_build_object('toOfficeId', $3::text,
         'fromOfficeId', p.office_id) from persons p where p.id = $1 returning id`,
      [incoming, sessions.otepcController.userId, ids.sch40002],
    )
  )[0]!.id;
  const moved = await teacherOf(t.h, 'SCH-40-001', 5);
  const mv = await t.call(sessions.otherOfficer, {
    method: 'POST',
    url: '/api/v1/transfers/move',
    payload: {
      nationalId: (
        await t.owner<{ n: string }>('select national_id as n from persons where id = $1', [moved])
      )[0]!.n,
      officeId: ids.sch40101,
      number: 'ที่ 9/2569',
      orderDate: '2026-11-02',
      issuingAuthority: 'สพม. ขอนแก่น',
      entry: { ...SAMPLES.service, effectiveDate: '2026-11-02' },
    },
  });
  ids.moveCase = mv.json().caseId ?? randomUUID();
}, 120_000);
afterAll(async () => {
  console.info(
    `fuzz corpus: ${figures.routes} write routes, ${figures.requests} requests (${figures.rejected} rejected, ${figures.accepted} accepted), ${figures.hashChecks} hash checks (${figures.hashed} recomputed: the transaction counter had moved), ${figures.fiveXx} 5xx, ${figures.problems} problems`,
  );
  await t?.close();
});

const EXCEPT = [...Object.keys(HASH_EXCEPT), ...Object.keys(READ_MODEL_CACHES)];

describe('fuzz corpus over every write route', () => {
  it('no 5xx, the Thai error shape on every 4xx, and no table changed by any rejection', async () => {
    const writes = t.app.khruRoutes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    const problems: string[] = [];
    const reached = new Set<string>();
    const watch = await changeWatch(t.owner, EXCEPT);
    const slowest: { name: string; ms: number; n: number }[] = [];
    let n = 0;
    for (const r of writes) {
      const name = `${r.method} ${r.url}`;
      const tg = targetFor(r.method, r.url);
      const corpus = corpusFor(r.method, r.url, r.schema, tg, n++);
      figures.routes++;
      const t0 = Date.now();
      for (const { label, opts } of corpus) {
        const s = tg.who ? sessions[tg.who] : null;
        let res: LightMyRequestResponse;
        try {
          res = await t.call(s, opts);
        } catch (e) {
          problems.push(`${name} [${label}]: inject threw ${(e as Error).message}`);
          continue;
        }
        figures.requests++;
        if (res.statusCode < 500) reached.add(name);
        if (res.statusCode >= 500) {
          figures.fiveXx++;
          problems.push(`${name} [${label}] → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
        if (res.statusCode >= 400 && res.statusCode < 500) {
          figures.rejected++;
          const isJson = String(res.headers['content-type'] ?? '').includes('application/json');
          const body = isJson
            ? (res.json() as { error?: { code?: string; message?: string; fields?: unknown } })
            : null;
          const shaped =
            body?.error &&
            typeof body.error.code === 'string' &&
            THAI.test(body.error.message ?? '') &&
            Array.isArray(body.error.fields);
          if (!shaped && !(r.url.startsWith('/verify') && !isJson))
            problems.push(
              `${name} [${label}] → ${res.statusCode} not the Thai error shape: ${res.body.slice(0, 200)}`,
            );
          const allowed = WRITES_ON_REJECTION[name];
          const changed = (await watch.check()).filter(
            (tb) => !(allowed?.status.includes(res.statusCode) && allowed.tables.includes(tb)),
          );
          if (changed.length)
            problems.push(`${name} [${label}] → ${res.statusCode} changed ${changed.join(', ')}`);
        } else {
          // Accepted (a plausible body can be valid) or a 5xx: the new state is the baseline.
          figures.accepted += res.statusCode < 300 ? 1 : 0;
          if (res.statusCode < 300 && tg.endsSession && tg.who) sessions[tg.who] = await t.login(tg.who);
          await watch.check();
        }
      }
      slowest.push({ name, ms: Date.now() - t0, n: corpus.length });
    }
    figures.problems = problems.length;
    slowest.sort((a, b) => b.ms - a.ms);
    console.info(
      `fuzz corpus, slowest routes: ${slowest
        .slice(0, 5)
        .map((x) => `${x.name} ${x.n} requests ${x.ms} ms`)
        .join('; ')}`,
    );
    figures.hashChecks = watch.figures.checks;
    figures.hashed = watch.figures.hashed;
    const unreached = writes.map((r) => `${r.method} ${r.url}`).filter((k) => !reached.has(k));
    expect(unreached).toEqual([]);
    expect(problems).toEqual([]);
  }, 600_000);
});

/** Each hole the corpus found, on its own (all answered 5xx or outside the error shape before). */
describe('holes the corpus found', () => {
  const thaiShape = (res: LightMyRequestResponse) => {
    const e = res.json().error;
    expect(e.code).toBeTypeOf('string');
    expect(e.message).toMatch(THAI);
    return e as { code: string; fields: { field: string; message: string }[] };
  };
  it('a cut-off multipart form is a 400 naming the file, on uploads and imports', async () => {
    const broken = {
      payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    };
    for (const url of [
      `/api/v1/people/${ids.person}/documents`,
      `/api/v1/people/${ids.person}/photos`,
      '/api/v1/imports',
    ]) {
      const res = await t.call(sessions.officer, { method: 'POST', url, ...broken });
      expect(res.statusCode, url).toBe(400);
      const e = thaiShape(res);
      expect(e.fields[0]).toMatchObject({ field: 'file', messageKey: 'err.upload.malformed' });
    }
  });
  it('a passkey registration without a readable clientDataJSON is a 400 naming it', async () => {
    for (const response of [{}, { clientDataJSON: 'not json at all' }]) {
      const res = await t.call(sessions.owner, {
        method: 'POST',
        url: '/api/v1/signing/credentials',
        payload: { response: { id: 'AA', rawId: 'AA', type: 'public-key', response } },
      });
      expect(res.statusCode).toBe(400);
      expect(thaiShape(res).fields[0]!.field).toBe('response.response.clientDataJSON');
    }
  });
  it('a URL that is not UTF-8, or a parameter over the limit, gets the Thai error shape', async () => {
    for (const bad of ['%FF', '%ED%A0%80']) {
      const res = await t.call(sessions.officer, { url: `/api/v1/people/${bad}/record` });
      expect(res.statusCode).toBe(400);
      expect(thaiShape(res).fields[0]).toMatchObject({ field: 'url', message: expect.stringMatching(THAI) });
    }
    const long = await t.call(sessions.officer, { url: `/api/v1/people/${'x'.repeat(5000)}/record` });
    expect(long.statusCode).toBe(414);
    expect(thaiShape(long).code).toBe('uriTooLong');
  });
});
