/**
 * No GET changes state (issue 17 §4 item 4, ADR 0116). Every GET route the app registers is called
 * as a caller who may read it, with parameters that exist, and the content hash of every table is
 * the same afterwards. Excepted: `sessions` (the idle-timeout clock) and the read model
 * `record_items_json` a first read fills (ADR 0108) — tests/support/db-hash.ts says why. Reads are
 * not audited in Khru (no ADR asks for read logging), so audit_events is in the hash.
 * Then the case of the issue: a director looking at a teacher's record and printouts leaves the
 * teacher's own printout current on /verify.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentServices } from '../../src/server/modules/documents/services.ts';
import { VERIFY_FONTS } from '../../src/server/modules/documents/verify-page.ts';
import { issueDocumentToken } from '../../src/server/platform/signing/index.ts';
import { createTestApp, type Session, type TestApp } from '../support/app.ts';
import { changedTables, HASH_EXCEPT, READ_MODEL_CACHES, tableHashes } from '../support/db-hash.ts';
import { SAMPLES } from '../support/samples.ts';
import { makePng, multipartBody } from './documents-files.test-support.ts';

let t: TestApp;
let owner: Session;
let officer: Session;
let otepc: Session;
let director: Session;
const ids = {} as Record<string, string>;

/** The owner's printout, fetched back from the store and checked on /verify (JSON). */
async function verifyStatus(issuedId: string): Promise<string> {
  const [row] = await t.owner<{ content_sha256: string; issued_at: string }>(
    'select content_sha256, issued_at from issued_documents where id = $1',
    [issuedId],
  );
  const svc = await documentServices(t.cfg);
  const token = await issueDocumentToken(
    {
      docId: issuedId,
      sha256: row!.content_sha256,
      issuedAt: new Date(row!.issued_at),
      kid: svc.tokens.current.kid,
    },
    svc.tokens.current.privateKey,
  );
  const res = await t.app.inject({ url: `/verify?t=${token}`, headers: { accept: 'application/json' } });
  expect(res.statusCode).toBe(200);
  return res.json().document.status as string;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.login('owner');
  officer = await t.login('officer');
  otepc = await t.login('otepcController');
  director = await t.login('schoolDirector');
  ids.personId = owner.personId!;
  ids.file = Object.keys(VERIFY_FONTS)[0]!;
  // Fixtures for every parameter a GET route takes, made through the write routes.
  const printout = await t.call(owner, { method: 'POST', url: '/api/v1/me/printouts' });
  expect(printout.statusCode, printout.body.slice(0, 300)).toBe(201);
  ids.issuedId = String(printout.headers['x-khru-document-id']);
  const photo = await t.call(officer, {
    method: 'POST',
    url: `/api/v1/people/${ids.personId}/photos`,
    ...multipartBody(
      { slot: '1', yearBE: '2569' },
      { name: 'p.png', bytes: makePng(600, 800, { dpi: 300 }) },
    ),
  });
  expect(photo.statusCode, photo.body).toBe(201);
  ids.documentId = photo.json().document.id;
  const req = await t.call(owner, {
    method: 'POST',
    url: `/api/v1/people/${ids.personId}/correction-requests`,
    payload: { changes: [{ item: 'training', data: SAMPLES.training }], note: 'ขอเพิ่ม' },
  });
  expect(req.statusCode, req.body).toBe(201);
  ids.caseId = req.json().id;
  const [office] = await t.owner<{ id: string }>("select id from offices where code = 'SCH-40-001'");
  ids.officeId = office!.id;
  const imp = await t.call(officer, {
    method: 'POST',
    url: '/api/v1/imports',
    ...multipartBody({}, { name: 'x.xlsx', bytes: Buffer.from('not a workbook') }),
  });
  ids.importId = imp.json().id ?? randomUUID();
  for (let i = 0; i < 100; i++) {
    const j = await t.call(officer, { url: `/api/v1/imports/${ids.importId}` });
    if (j.statusCode !== 200 || j.json().status !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);
afterAll(async () => t?.close());

/**
 * Who calls each GET route, and its query (when it needs one). Every GET route must be here;
 * the default caller is OTEPC's controller, who reads every record (ข้อ 6.1).
 */
const GET_CALLS: Record<string, { who?: 'owner' | 'officer' | 'otepc'; query?: string; want?: number[] }> = {
  'GET /api/health': {},
  'GET /api/openapi.json': {},
  'GET /api/auth/session': { who: 'owner' },
  'GET /api/auth/security': { who: 'officer' },
  // Not configured in tests: answered without a login state (the start stores one when configured:
  // the OIDC authorization request is a GET by protocol, RFC 6749 §4.1.1, and its row only
  // remembers state/nonce/PKCE for the callback — no record data).
  'GET /api/auth/oidc/start': { want: [404, 503, 302] },
  'GET /api/auth/oidc/callback': { query: 'code=x&state=y', want: [302, 400, 401, 404, 503] },
  'GET /api/v1/me/record': { who: 'owner' },
  'GET /api/v1/me/requests': { who: 'owner' },
  'GET /api/v1/people/:personId/record': {},
  'GET /api/v1/people/:personId/history': {},
  'GET /api/v1/people/:personId/orders': {},
  'GET /api/v1/people/:personId/documents': {},
  'GET /api/v1/people/:personId/photos/:slot': {},
  'GET /api/v1/people/:personId/requests': { who: 'officer' },
  'GET /api/v1/people/:personId/issued': {},
  'GET /api/v1/people/:personId/signatures': {},
  'GET /api/v1/people/:personId/sign-request': { who: 'owner', query: 'decision=owner-attest' },
  'GET /api/v1/documents/:documentId/file': {},
  'GET /api/v1/issued/:issuedId/pdf': {},
  // No signature fixture (a WebAuthn ceremony): an unknown id, answered 404 without writing.
  'GET /api/v1/signatures/:signatureId/verify': { want: [404] },
  'GET /api/v1/audit/events': {},
  'GET /api/v1/audit/chain': {},
  'GET /api/v1/audit/checkpoints/export': {},
  'GET /api/v1/access/assignments': {},
  'GET /api/v1/access/people/:personId/sign-in': {},
  'GET /api/v1/workflows/queue': { who: 'officer' },
  'GET /api/v1/workflows/cases/:caseId': { who: 'officer' },
  'GET /api/v1/reviews/overdue': { who: 'officer' },
  'GET /api/v1/imports/:importId': { who: 'officer' },
  'GET /api/v1/imports/:importId/errors.xlsx': { who: 'officer' },
  'GET /api/v1/exports/records': { query: 'format=csv&group=people' },
  'GET /api/v1/reference/addresses': { query: 'q=ขอนแก่น' },
  'GET /api/v1/reference/holidays': {},
  'GET /api/v1/signing/credentials': { who: 'owner' },
  'GET /api/v1/transfers/moves': { who: 'officer' },
  'GET /api/v1/offices': {},
  'GET /api/v1/offices/:officeId/positions': {},
  'GET /verify': {},
  'GET /verify/keys.json': {},
  'GET /verify/fonts/:file': {},
};

const EXCEPT = [...Object.keys(HASH_EXCEPT), ...Object.keys(READ_MODEL_CACHES)];

function urlOf(route: string, query?: string): string {
  const url = route
    .replace(/^GET /, '')
    .replace(/:(\w+)/g, (_, p: string) => (p === 'slot' ? '1' : p === 'signatureId' ? randomUUID() : ids[p]!))
    .replace(/\*$/, 'index.html');
  return query ? `${url}?${query}` : url;
}

describe('no GET changes state', () => {
  it('every GET route, called as a reader with real parameters, leaves every table as it was', async () => {
    const gets = t.app.khruRoutes.filter((r) => r.method === 'GET').map((r) => `GET ${r.url}`);
    // Swagger UI's own static routes (/api/docs/…) serve files; they are called generically.
    const unlisted = gets.filter((g) => !(g in GET_CALLS) && !g.startsWith('GET /api/docs'));
    expect(unlisted).toEqual([]);
    const sessions = { owner, officer, otepc };
    const problems: string[] = [];
    let calls = 0;
    for (const route of gets) {
      const c = GET_CALLS[route] ?? {};
      const before = await tableHashes(t.owner, EXCEPT);
      const res: LightMyRequestResponse = await t.call(sessions[c.who ?? 'otepc'], {
        url: urlOf(route, c.query),
      });
      calls++;
      const changed = changedTables(before, await tableHashes(t.owner, EXCEPT));
      if (changed.length) problems.push(`${route} → ${res.statusCode} changed ${changed.join(', ')}`);
      const ok = c.want ? c.want.includes(res.statusCode) : res.statusCode < 400;
      if (!ok) problems.push(`${route} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    console.info(`GET safety: ${calls} GET routes called, ${calls} hash checks, ${problems.length} problems`);
    expect(problems).toEqual([]);
  }, 120_000);

  it("a director's look at a teacher's record and printouts leaves her printout current on /verify", async () => {
    const mine = await t.call(owner, { method: 'POST', url: '/api/v1/me/printouts' });
    expect(mine.statusCode).toBe(201);
    const id = String(mine.headers['x-khru-document-id']);
    expect(mine.headers.location).toBe(`/api/v1/issued/${id}/pdf`);
    expect(await verifyStatus(id)).toBe('valid');
    const p = ids.personId;
    // Everything a director may look at, including the address that used to issue a printout.
    for (const url of [
      `/api/v1/people/${p}/record`,
      `/api/v1/people/${p}/record.pdf`,
      `/api/v1/people/${p}/issued`,
      `/api/v1/issued/${id}/pdf`,
    ])
      expect((await t.call(director, { url })).statusCode).toBeLessThan(500);
    expect(await verifyStatus(id)).toBe('valid');
    const listed = (await t.call(director, { url: `/api/v1/people/${p}/issued` })).json();
    expect(listed.items.find((d: { id: string }) => d.id === id)?.status).toBe('valid');
    // The stored PDF read back is byte for byte the one issued.
    const again = await t.call(director, { url: `/api/v1/issued/${id}/pdf` });
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(mine.rawPayload)).toBe(true);
    // Issuing is a deliberate POST; it then supersedes, as ข้อ 5.5's newest-copy rule says (ADR 0104).
    const his = await t.call(director, { method: 'POST', url: `/api/v1/people/${p}/printouts` });
    expect(his.statusCode).toBe(201);
    expect(await verifyStatus(id)).toBe('superseded');
  });

  it('the printout routes refuse a body of the wrong shape with a Thai message naming the field', async () => {
    const res = await t.call(owner, {
      method: 'POST',
      url: '/api/v1/me/printouts',
      payload: { thaiDigits: 'yes' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('thaiDigits');
  });
});
