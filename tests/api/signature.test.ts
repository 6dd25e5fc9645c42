/**
 * Personal signatures (ADR 0107) with a software authenticator: a P-256 key made in the test,
 * WebAuthn registration and assertion built by hand, so every byte the server checks is ours.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { SAMPLES } from '../support/samples.ts';
import { b64u, SoftAuthenticator, sha } from './signature-soft-authenticator.ts';

let t: TestApp;
let origin: string;
const s = {} as Record<'owner' | 'officer' | 'certifier' | 'otherOwner' | 'otherOfficer', Session>;
const keys = {} as Record<keyof typeof s, SoftAuthenticator>;

async function registerKey(who: keyof typeof s) {
  const opt = await t.call(s[who], {
    method: 'POST',
    url: '/api/v1/signing/credentials/options',
    payload: {},
  });
  expect(opt.statusCode).toBe(200);
  keys[who] = new SoftAuthenticator(origin);
  const res = await t.call(s[who], {
    method: 'POST',
    url: '/api/v1/signing/credentials',
    payload: { response: keys[who].register(opt.json().challenge), label: 'ทดสอบ' },
  });
  expect(res.statusCode).toBe(201);
}

const prepare = (who: keyof typeof s, personId: string, decision: string) =>
  t.call(s[who], { url: `/api/v1/people/${personId}/sign-request?decision=${decision}` });

async function signAs(who: keyof typeof s, personId: string, decision: string, key = keys[who]) {
  const p = await prepare(who, personId, decision);
  expect(p.statusCode).toBe(200);
  const { canonical, options } = p.json();
  return t.call(s[who], {
    method: 'POST',
    url: '/api/v1/signatures',
    payload: { payload: canonical, response: key.assert(options.challenge) },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  origin = t.cfg.webauthnOrigins[0]!;
  for (const k of ['owner', 'officer', 'certifier', 'otherOwner', 'otherOfficer'] as const)
    s[k] = await t.login(k);
  for (const k of ['owner', 'officer', 'certifier', 'otherOwner'] as const) await registerKey(k);
});
afterAll(async () => t?.close());

describe('personal signatures', () => {
  it('shows exactly what is signed: a Thai summary and the canonical payload whose SHA-256 is the challenge', async () => {
    const r = await prepare('owner', s.owner.personId!, 'owner-attest');
    const b = r.json();
    expect(b.summaryTh).toContain('ขอรับรองว่าข้อมูลที่ข้าพเจ้ากรอกเป็นความจริงทุกประการ');
    expect(b.summaryTh).toContain('ฉบับแก้ไขครั้งที่');
    expect(JSON.parse(b.canonical)).toEqual(b.payload);
    expect(Object.keys(b.payload).sort()).toEqual(
      [
        'contentHash',
        'decision',
        'nonce',
        'personId',
        'recordVersion',
        'signerUserId',
        'time',
        'type',
        'v',
      ].sort(),
    );
    expect(b.options.challenge).toBe(b64u(sha(b.canonical)));
    expect(b.options.userVerification).toBe('required');
    expect(b.options.allowCredentials.map((c: { id: string }) => c.id)).toEqual([b64u(keys.owner.credId)]);
  });

  it('a valid signature verifies; a later change is reported as "ข้อมูลถูกแก้ไขหลังลงนาม" with the items that differ', async () => {
    const pid = s.owner.personId!;
    const signed = await signAs('owner', pid, 'owner-attest');
    expect(signed.statusCode).toBe(201);
    const id = signed.json().id;
    // Anyone who may read the record can verify: the certifier of the district, the owner.
    for (const who of ['certifier', 'owner'] as const) {
      const v = (await t.call(s[who], { url: `/api/v1/signatures/${id}/verify` })).json();
      expect([v.valid, v.unchanged, v.changedItems]).toEqual([true, true, []]);
      expect(v.statusTh).toContain('ถูกต้อง');
    }
    // Someone who cannot read the record cannot verify (404).
    expect((await t.call(s.otherOfficer, { url: `/api/v1/signatures/${id}/verify` })).statusCode).toBe(404);
    // The officer adds a training entry after the owner signed.
    const add = await t.call(s.officer, {
      method: 'POST',
      url: `/api/v1/people/${pid}/items/training`,
      payload: SAMPLES.training,
    });
    expect(add.statusCode).toBe(201);
    const v = (await t.call(s.certifier, { url: `/api/v1/signatures/${id}/verify` })).json();
    expect(v.valid).toBe(true);
    expect(v.unchanged).toBe(false);
    expect(v.statusTh).toBe('ข้อมูลถูกแก้ไขหลังลงนาม');
    expect(v.changedItems.map((c: { item: string }) => c.item)).toEqual(['training']);
    expect(v.currentRecordVersion).toBe(v.recordVersion + 1);
  });

  it('tampered evidence no longer verifies', async () => {
    const signed = await signAs('owner', s.owner.personId!, 'owner-attest');
    const id = signed.json().id;
    const [row] = await t.h.query<{ payload: string }>('select payload from signatures where id = $1', [id]);
    const forged = row!.payload.replace('"owner-attest"', '"certify"');
    await t.h.query('update signatures set payload = $1 where id = $2', [forged, id]);
    const v = (await t.call(s.certifier, { url: `/api/v1/signatures/${id}/verify` })).json();
    expect([v.valid, v.statusTh]).toEqual([false, 'ลายมือชื่ออิเล็กทรอนิกส์ไม่ถูกต้อง']);
  });

  it('refuses signing changed content: the record moved on after the payload was prepared', async () => {
    const pid = s.owner.personId!;
    const p = (await prepare('certifier', pid, 'certify')).json();
    await t.call(s.officer, {
      method: 'POST',
      url: `/api/v1/people/${pid}/items/training`,
      payload: SAMPLES.training,
    });
    const r = await t.call(s.certifier, {
      method: 'POST',
      url: '/api/v1/signatures',
      payload: { payload: p.canonical, response: keys.certifier.assert(p.options.challenge) },
    });
    expect(r.statusCode).toBe(409);
    // A payload edited after preparation does not match what the authenticator signed.
    const p2 = (await prepare('certifier', pid, 'certify')).json();
    const edited = p2.canonical.replace(/"recordVersion":\d+/, '"recordVersion":1');
    const r2 = await t.call(s.certifier, {
      method: 'POST',
      url: '/api/v1/signatures',
      payload: { payload: edited, response: keys.certifier.assert(p2.options.challenge) },
    });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.code).toBe('signatureInvalid');
  });

  it('refuses a stale login (403 reauthRequired) until POST /api/auth/reauth', async () => {
    const pid = s.owner.personId!;
    await t.h.query(`update sessions set auth_time = now() - interval '6 minutes' where user_id = $1`, [
      s.certifier.userId,
    ]);
    const p = await prepare('certifier', pid, 'certify');
    expect(p.statusCode).toBe(403);
    expect(p.json().error.code).toBe('reauthRequired');
    expect(p.json().error.message).toContain('ยืนยันตัวตน');
    const bad = await t.call(s.certifier, {
      method: 'POST',
      url: '/api/auth/reauth',
      payload: { password: 'wrong' },
    });
    expect(bad.statusCode).toBe(401);
    const ok = await t.call(s.certifier, {
      method: 'POST',
      url: '/api/auth/reauth',
      payload: { password: 'demo-password-2569' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await signAs('certifier', pid, 'certify')).statusCode).toBe(201);
    // A payload prepared in time but sent after the login went stale is refused too.
    const p2 = (await prepare('certifier', pid, 'certify')).json();
    await t.h.query(`update sessions set auth_time = now() - interval '6 minutes' where user_id = $1`, [
      s.certifier.userId,
    ]);
    const late = await t.call(s.certifier, {
      method: 'POST',
      url: '/api/v1/signatures',
      payload: { payload: p2.canonical, response: keys.certifier.assert(p2.options.challenge) },
    });
    expect([late.statusCode, late.json().error.code]).toEqual([403, 'reauthRequired']);
    await t.call(s.certifier, {
      method: 'POST',
      url: '/api/auth/reauth',
      payload: { password: 'demo-password-2569' },
    });
  });

  it("refuses another user's credential, and a key that is not the registered one", async () => {
    const pid = s.owner.personId!;
    const p = (await prepare('officer', pid, 'officer-verify')).json();
    // The officer presents the owner's passkey (credential id and a valid signature by it).
    const r = await t.call(s.officer, {
      method: 'POST',
      url: '/api/v1/signatures',
      payload: { payload: p.canonical, response: keys.owner.assert(p.options.challenge) },
    });
    expect(r.statusCode).toBe(403);
    // The officer's credential id, signed by some other key.
    const impostor = new SoftAuthenticator(origin);
    const r2 = await t.call(s.officer, {
      method: 'POST',
      url: '/api/v1/signatures',
      payload: { payload: p.canonical, response: impostor.assert(p.options.challenge, keys.officer.credId) },
    });
    expect([r2.statusCode, r2.json().error.code]).toEqual([400, 'signatureInvalid']);
    expect((await signAs('officer', pid, 'officer-verify')).statusCode).toBe(201);
  });

  it('decides who may give which decision: wrong role, wrong office, own record', async () => {
    const pid = s.owner.personId!;
    expect((await prepare('officer', pid, 'certify')).statusCode).toBe(403);
    expect((await prepare('certifier', pid, 'owner-attest')).statusCode).toBe(403);
    expect((await prepare('otherOwner', pid, 'owner-attest')).statusCode).toBe(404);
    expect((await prepare('otherOfficer', pid, 'officer-verify')).statusCode).toBe(404);
    const own = await prepare('certifier', s.certifier.personId!, 'certify');
    expect([own.statusCode, own.json().error.code]).toEqual([403, 'selfApproval']);
    const list = (await t.call(s.certifier, { url: `/api/v1/people/${pid}/signatures` })).json();
    expect(list.items.map((i: { decision: string }) => i.decision)).toEqual(
      expect.arrayContaining(['owner-attest', 'officer-verify', 'certify']),
    );
  });

  it('registration needs a recent login and a fresh challenge', async () => {
    const a = new SoftAuthenticator(origin);
    const replay = await t.call(s.owner, {
      method: 'POST',
      url: '/api/v1/signing/credentials',
      payload: { response: a.register(b64u(randomBytes(32))) },
    });
    expect(replay.statusCode).toBe(400);
    await t.h.query(`update sessions set auth_time = now() - interval '6 minutes' where user_id = $1`, [
      s.otherOwner.userId,
    ]);
    const r = await t.call(s.otherOwner, {
      method: 'POST',
      url: '/api/v1/signing/credentials/options',
      payload: {},
    });
    expect([r.statusCode, r.json().error.code]).toEqual([403, 'reauthRequired']);
  });
});
