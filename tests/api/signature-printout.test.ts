/**
 * The personal signatures reach the printouts: page 1's three signature blocks show who signed and
 * when, and a certified copy embeds the WebAuthn evidence a third party needs (ADR 0107).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool, pdfText, run, writePdf } from '../../src/server/platform/pdf/testing/poppler.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { SoftAuthenticator } from './signature-soft-authenticator.ts';

const TOOLS = hasTool('pdftotext') && hasTool('pdfdetach');
let t: TestApp;
let work: string;
const s = {} as Record<'owner' | 'officer' | 'certifier', Session>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'khru-sigpdf-'));
  t = await createTestApp({ dataDir: work });
  const origin = t.cfg.webauthnOrigins[0]!;
  for (const k of ['owner', 'officer', 'certifier'] as const) s[k] = await t.login(k);
  const pid = s.owner.personId!;
  const sign = async (who: keyof typeof s, decision: string) => {
    const opt = await t.call(s[who], {
      method: 'POST',
      url: '/api/v1/signing/credentials/options',
      payload: {},
    });
    const key = new SoftAuthenticator(origin);
    const reg = await t.call(s[who], {
      method: 'POST',
      url: '/api/v1/signing/credentials',
      payload: { response: key.register(opt.json().challenge), label: 'ทดสอบ' },
    });
    expect(reg.statusCode).toBe(201);
    const p = await t.call(s[who], { url: `/api/v1/people/${pid}/sign-request?decision=${decision}` });
    const res = await t.call(s[who], {
      method: 'POST',
      url: '/api/v1/signatures',
      payload: { payload: p.json().canonical, response: key.assert(p.json().options.challenge) },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await sign('owner', 'owner-attest');
  await sign('officer', 'officer-verify');
  await sign('certifier', 'certify');
});
afterAll(async () => {
  await t?.close();
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(!TOOLS)('signatures on printouts', () => {
  it('fills the three signature blocks of page 1 with the signers', async () => {
    const res = await t.call(s.owner, { method: 'POST', url: '/api/v1/me/printouts' });
    expect(res.statusCode).toBe(201);
    const text = pdfText(writePdf(work, 'signed-ks16.pdf', res.rawPayload))
      .normalize('NFKC')
      .replace(/\s+/g, ' ');
    for (const name of ['ปิยะนุช ใจดี', 'ประเสริฐ ศรีสุข', 'สุรชัย มั่นคง']) expect(text).toContain(name);
  });

  it('embeds the WebAuthn assertions in a certified copy', async () => {
    const req = await t.call(s.owner, {
      method: 'POST',
      url: '/api/v1/me/requests',
      payload: { kind: 'certified_copy' },
    });
    expect(req.statusCode).toBe(201);
    const res = await t.call(s.officer, { method: 'POST', url: `/api/v1/requests/${req.json().id}/issue` });
    expect(res.statusCode).toBe(200);
    const path = writePdf(work, 'cc.pdf', res.rawPayload);
    run('pdfdetach', ['-save', '1', '-o', join(work, 'evidence.json'), path]);
    const ev = JSON.parse(readFileSync(join(work, 'evidence.json'), 'utf8')).evidence as {
      source: string;
      kind: string;
      payload: { publicKeyCose: string; signature: string; authenticatorData: string; payloadHash: string };
    }[];
    const webauthn = ev.filter((e) => e.source === 'webauthn');
    expect(webauthn.map((e) => e.kind)).toEqual(['owner-attest', 'officer-verify', 'certify']);
    for (const e of webauthn) {
      expect(e.payload.publicKeyCose.length).toBeGreaterThan(20);
      expect(e.payload.signature.length).toBeGreaterThan(20);
      expect(e.payload.payloadHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
