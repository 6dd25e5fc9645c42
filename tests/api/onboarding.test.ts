/**
 * New hire (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3): the officer opens the case from the appointment order;
 * the teacher proves identity with Digital ID (the local OIDC provider at /dev-oidc, same client
 * code as ThaiD: PKCE + state + nonce); the civil-registry data come from the claims; the owner
 * enters items 3.2.1–3.2.15 and signs; the officer checks, returns or signs; the certifier signs.
 * The server listens on a real port here: the OIDC client discovers and calls the provider by URL.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/civil-date.ts';
import { todayInBangkok } from '../../src/domain/iso-date.ts';
import { LIST_ITEM_KEYS } from '../../src/domain/record/items.ts';
import { ONBOARDING_OWNER_ITEMS } from '../../src/domain/workflow/index.ts';
import { DEV_CITIZENS } from '../../src/server/modules/onboarding/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { SAMPLES } from '../support/samples.ts';
import { SoftAuthenticator } from './signature-soft-authenticator.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

let t: TestApp;
let base: string;
let officer: Session;
let certifier: Session;
let otherOfficer: Session;
let owner: Session;
const citizen = DEV_CITIZENS[0]!;
const today = todayInBangkok();

/** Follows the Digital ID login like a browser (manual redirects, a cookie jar); returns the session. */
async function digitalIdLogin(pid: string, tamper?: (callbackUrl: string) => string) {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const r = await fetch(new URL(url, base), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as object), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of r.headers.getSetCookie()) {
      const kv = c.split(';')[0]!;
      const i = kv.indexOf('=');
      if (kv.slice(i + 1)) jar.set(kv.slice(0, i), kv.slice(i + 1));
      else jar.delete(kv.slice(0, i));
    }
    return r;
  };
  let r = await go('/api/auth/oidc/start');
  expect(r.status).toBe(302);
  const auth = new URL(r.headers.get('location')!);
  expect(auth.pathname).toBe('/dev-oidc/auth');
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  expect(auth.searchParams.get('state') && auth.searchParams.get('nonce')).toBeTruthy();
  r = await go(auth.href);
  const interaction = r.headers.get('location')!;
  expect((await go(interaction)).status).toBe(200);
  r = await go(interaction, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prompt: 'login', login: pid, password: 'x' }).toString(),
  });
  r = await go(r.headers.get('location')!);
  let callback = r.headers.get('location')!;
  expect(callback).toContain('/api/auth/oidc/callback?code=');
  if (tamper) callback = tamper(callback);
  r = await go(callback);
  const sid = jar.get('__Host-khru_sid');
  return { status: r.status, location: r.headers.get('location'), sid, replay: () => go(callback) };
}

async function sessionFrom(sid: string): Promise<Session> {
  const r = await t.app.inject({ url: '/api/auth/session', headers: { cookie: `__Host-khru_sid=${sid}` } });
  expect(r.statusCode).toBe(200);
  const b = r.json();
  return {
    cookie: `__Host-khru_sid=${sid}`,
    csrf: b.csrfToken,
    userId: b.user.id,
    personId: b.user.personId,
  };
}

async function officeId(code: string) {
  const [o] = await t.h.query<{ id: string }>('select id from offices where code = $1', [code]);
  return o!.id;
}

const openCase = async (who: Session, nationalId: string, office = 'SCH-40-001') =>
  t.call(who, {
    method: 'POST',
    url: '/api/v1/onboarding',
    payload: {
      nationalId,
      officeId: await officeId(office),
      positionTitle: 'ครูผู้ช่วย',
      orderNumber: 'สพป.ขก.1 ที่ 123/2569',
      orderDate: today,
      appointmentDate: today,
      reportDate: today,
    },
  });

const keys = new Map<string, SoftAuthenticator>();
async function sign(who: Session, personId: string, decision: string): Promise<string> {
  if (!keys.has(who.userId)) {
    const opt = await t.call(who, {
      method: 'POST',
      url: '/api/v1/signing/credentials/options',
      payload: {},
    });
    const key = new SoftAuthenticator(base);
    const reg = await t.call(who, {
      method: 'POST',
      url: '/api/v1/signing/credentials',
      payload: { response: key.register(opt.json().challenge) },
    });
    expect(reg.statusCode).toBe(201);
    keys.set(who.userId, key);
  }
  const p = (
    await t.call(who, { url: `/api/v1/people/${personId}/sign-request?decision=${decision}` })
  ).json();
  const r = await t.call(who, {
    method: 'POST',
    url: '/api/v1/signatures',
    payload: { payload: p.canonical, response: keys.get(who.userId)!.assert(p.options.challenge) },
  });
  expect(r.statusCode).toBe(201);
  return r.json().id;
}

const getCase = async (who: Session, id: string) =>
  (await t.call(who, { url: `/api/v1/workflows/cases/${id}` })).json();
const act = (who: Session, c: { id: string; version: number }, action: string, extra: object = {}) =>
  t.call(who, {
    method: 'POST',
    url: `/api/v1/workflows/cases/${c.id}/actions`,
    payload: { action, version: c.version, ...extra },
  });

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  t = await createTestApp({
    publicBaseUrl: base,
    webauthnOrigins: [base],
    oidc: {
      devProvider: true,
      issuer: `${base}/dev-oidc`,
      clientId: 'khru-dev',
      clientSecret: 'test-secret',
      redirectUri: `${base}/api/auth/oidc/callback`,
    },
  });
  await t.app.listen({ port, host: 'localhost' });
  officer = await t.login('officer');
  certifier = await t.login('certifier');
  otherOfficer = await t.login('otherOfficer');
});
afterAll(async () => t?.close());

describe('onboarding a new hire (ข้อ 3)', () => {
  let caseId: string;

  it('the records officer opens the case from the appointment order; others may not', async () => {
    expect((await openCase(await t.login('owner'), citizen.pid)).statusCode).toBe(403);
    const wrongOffice = await openCase(otherOfficer, citizen.pid);
    expect([wrongOffice.statusCode, wrongOffice.json().error.fields[0].field]).toEqual([400, 'officeId']);
    const r = await openCase(officer, citizen.pid);
    expect(r.statusCode).toBe(201);
    const c = r.json();
    caseId = c.id;
    expect([c.kind, c.status, c.allowed]).toEqual(['onboarding', 'identity', []]);
    // ข้อ 3.2: within 5 days of reporting.
    expect(c.stepDueDate).toBe(addDays(today, 5));
    expect((await openCase(officer, citizen.pid)).statusCode).toBe(409);
    // The identity step is the system's: nobody can take it through the API.
    expect((await act(officer, c, 'identify')).statusCode).toBe(409);
  });

  it('Digital ID refuses a tampered state and a replayed code; a citizen with no case is told what to do', async () => {
    const bad = await digitalIdLogin(DEV_CITIZENS[1]!.pid, (u) => u.replace(/state=[^&]+/, 'state=forged'));
    expect([bad.status, bad.sid]).toEqual([401, undefined]);
    // A real citizen with no record yet: back to the sign-in page that says to ask the office to
    // open onboarding (ข้อ 3.1) — a page, not a JSON error — and no session.
    const none = await digitalIdLogin(DEV_CITIZENS[2]!.pid);
    expect([none.status, none.location, none.sid]).toEqual([302, '/?digitalId=no-record', undefined]);
  });

  it('the new teacher signs in with Digital ID; ID, name and birth date come from the claims', async () => {
    const r = await digitalIdLogin(citizen.pid);
    expect([r.status, r.location]).toEqual([302, '/']);
    owner = await sessionFrom(r.sid!);
    expect((await r.replay()).status).toBe(401);
    const me = (await t.call(owner, { url: '/api/v1/me/record' })).json();
    expect(me.person.nationalId).toBe(citizen.pid);
    expect(me.person.birthDate).toBe(citizen.birthdate);
    expect(me.items.names[0]).toMatchObject({
      prefix: citizen.title,
      firstName: citizen.given_name,
      lastName: citizen.family_name,
    });
    const c = await getCase(owner, caseId);
    expect(c.status).toBe('owner_entry');
    expect(c.steps.map((s: { action: string }) => s.action)).toEqual(['open', 'identify']);
    expect(c.allowed).toEqual(['submit']);
    // The officer sees the new person (assigned on opening) and the case.
    expect((await t.call(officer, { url: `/api/v1/people/${owner.personId}/record` })).statusCode).toBe(200);
  });

  it('during owner entry the owner may edit exactly items 3.2.1–3.2.15 of her own record (policy matrix)', async () => {
    const problems: string[] = [];
    for (const item of LIST_ITEM_KEYS) {
      const allowed = (ONBOARDING_OWNER_ITEMS as readonly string[]).includes(item);
      const want = !allowed ? 403 : item === 'photos' ? 400 : 201;
      const r = await t.call(owner, {
        method: 'POST',
        url: `/api/v1/people/${owner.personId}/items/${item}`,
        payload: SAMPLES[item],
      });
      if (r.statusCode !== want) problems.push(`${item}: ${r.statusCode} want ${want}`);
      if (r.statusCode === 201) {
        const e = r.json().entry;
        await t.call(owner, {
          method: 'DELETE',
          url: `/api/v1/people/${owner.personId}/items/${item}/${e.id}?version=${e.version}`,
        });
      }
    }
    expect(problems).toEqual([]);
    const me = (await t.call(owner, { url: '/api/v1/me/record' })).json();
    expect(me.allowed.edit).toEqual([...ONBOARDING_OWNER_ITEMS]);
    const personal = await t.call(owner, {
      method: 'PUT',
      url: `/api/v1/people/${owner.personId}/personal`,
      payload: {
        birthDate: citizen.birthdate,
        bloodGroup: 'O',
        appointmentDate: today,
        subjectGroup: 'ภาษาไทย',
        version: me.person.version,
      },
    });
    expect(personal.statusCode).toBe(200);
    // Someone else's record stays closed to her.
    const other = await t.call(owner, {
      method: 'POST',
      url: `/api/v1/people/${officer.personId}/items/addresses`,
      payload: SAMPLES.addresses,
    });
    expect(other.statusCode).toBe(404);
  });

  it('owner signs and submits; the officer returns with reasons; a stale signature is refused', async () => {
    let c = await getCase(owner, caseId);
    expect((await act(owner, c, 'submit')).statusCode).toBe(400);
    const sig = await sign(owner, owner.personId!, 'owner-attest');
    const r = await act(owner, c, 'submit', { signatureId: sig });
    expect(r.statusCode).toBe(200);
    c = r.json();
    expect(c.status).toBe('officer_check');
    expect(c.steps.at(-1).signatureId).toBe(sig);
    // ข้อ 3.3: checked within 15 days of the appointment.
    expect(c.stepDueDate).toBe(addDays(today, 15));
    // Owner entry is over: no more edits by the owner.
    const closed = await t.call(owner, {
      method: 'POST',
      url: `/api/v1/people/${owner.personId}/items/addresses`,
      payload: SAMPLES.addresses,
    });
    expect(closed.statusCode).toBe(403);
    expect((await act(certifier, c, 'verify')).statusCode).toBe(403);
    expect((await act(officer, c, 'return')).statusCode).toBe(400);
    c = (await act(officer, c, 'return', { reason: 'ที่อยู่ตามทะเบียนบ้านไม่ตรงกับสำเนาทะเบียนบ้าน' })).json();
    expect(c.status).toBe('owner_entry');
    const q = (await t.call(owner, { url: '/api/v1/workflows/queue' })).json();
    expect(q.returned.map((e: { id: string }) => e.id)).toContain(caseId);
    // She signs, then changes the record: the signature no longer covers it.
    const early = await sign(owner, owner.personId!, 'owner-attest');
    const add = await t.call(owner, {
      method: 'POST',
      url: `/api/v1/people/${owner.personId}/items/addresses`,
      payload: SAMPLES.addresses,
    });
    expect(add.statusCode).toBe(201);
    const stale = await act(owner, c, 'submit', { signatureId: early });
    expect([stale.statusCode, stale.json().error.code]).toEqual([400, 'signatureInvalid']);
    // Someone else's signature does not count either.
    const officerSig = await sign(officer, owner.personId!, 'officer-verify');
    expect((await act(owner, c, 'submit', { signatureId: officerSig })).statusCode).toBe(400);
    c = (
      await act(owner, c, 'submit', { signatureId: await sign(owner, owner.personId!, 'owner-attest') })
    ).json();
    expect(c.status).toBe('officer_check');
  });

  it('the officer signs after checking; the certifier signs last; overdue steps are flagged', async () => {
    let c = await getCase(officer, caseId);
    // Until it is certified the record is being made: the officer checking it against the
    // documents (ข้อ 3.3) still sets the appointment date directly (ADR 0117).
    const personal = async (appointmentDate: string) => {
      const v = (await t.call(officer, { url: `/api/v1/people/${owner.personId}/record` })).json();
      return {
        view: v,
        res: await t.call(officer, {
          method: 'PUT',
          url: `/api/v1/people/${owner.personId}/personal`,
          payload: {
            birthDate: v.person.birthDate,
            bloodGroup: v.person.bloodGroup,
            appointmentDate,
            subjectGroup: v.person.subjectGroup,
            version: v.person.version,
          },
        }),
      };
    };
    const during = await personal(addDays(today, -1));
    expect(during.view.allowed.correctionOnly).toEqual([]);
    expect(during.res.statusCode).toBe(200);
    await t.h.query(`update workflow_cases set step_due_date = '2026-01-05' where id = $1`, [caseId]);
    const q = (await t.call(officer, { url: '/api/v1/workflows/queue' })).json();
    expect(q.overdue.map((e: { id: string }) => e.id)).toContain(caseId);
    c = (
      await act(officer, c, 'verify', { signatureId: await sign(officer, owner.personId!, 'officer-verify') })
    ).json();
    expect(c.status).toBe('certifying');
    expect(c.steps.at(-1)).toMatchObject({ action: 'verify', late: true });
    expect((await act(officer, c, 'certify', { signatureId: 'x' })).statusCode).toBe(400);
    const certSig = await sign(certifier, owner.personId!, 'certify');
    expect((await act(officer, c, 'certify', { signatureId: certSig })).statusCode).toBe(403);
    c = (await act(certifier, c, 'certify', { signatureId: certSig })).json();
    expect([c.status, c.closedAt !== null]).toEqual(['certified', true]);
    // Certified: the dates now change only by an approved correction (ข้อ 4.2.1, 4.2.2).
    const after = await personal(today);
    expect(after.view.allowed.correctionOnly).toEqual(['birthDate', 'appointmentDate']);
    expect([after.res.statusCode, after.res.json().error.fields[0].field]).toEqual([409, 'appointmentDate']);
    expect(c.steps.map((s: { action: string }) => s.action)).toEqual([
      'open',
      'identify',
      'submit',
      'return',
      'submit',
      'verify',
      'certify',
    ]);
    // The three signatures on the record verify.
    const sigs = (await t.call(certifier, { url: `/api/v1/people/${owner.personId}/signatures` })).json()
      .items;
    for (const s of sigs.slice(0, 3)) {
      const v = (await t.call(certifier, { url: `/api/v1/signatures/${s.id}/verify` })).json();
      expect(v.valid).toBe(true);
    }
  });
});
