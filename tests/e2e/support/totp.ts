import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_TOTP_SECRET } from '../../../src/server/modules/demo/seed.ts';
import { totpNow } from '../../support/totp.ts';

/**
 * TOTP codes for the demo staff accounts in browser journeys (ADR 0113). The server accepts a
 * code once and one 30-second step either side of now, and journeys sign the same account in
 * several times a minute — across test files, in one server run — so the steps used are kept in
 * a file per server and each sign-in takes the next unused step, waiting when it is too far ahead.
 */
export async function nextTotpCode(
  baseUrl: string,
  account: string,
  secret = DEMO_TOTP_SECRET,
): Promise<string> {
  const file = path.join(tmpdir(), `khru-e2e-totp-${new URL(baseUrl).port}.json`);
  const used = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Record<string, number>;
  const nowStep = () => Math.floor(Date.now() / 30_000);
  const step = Math.max(nowStep(), (used[account] ?? 0) + 1);
  while (step > nowStep() + 1) await new Promise((r) => setTimeout(r, 1000));
  used[account] = step;
  writeFileSync(file, JSON.stringify(used));
  return totpNow(secret, step * 30_000);
}

/** Signs in through the API (password, then the TOTP code when asked): cookie and CSRF token. */
export async function apiLogin(
  baseUrl: string,
  nationalId: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const headers = { 'content-type': 'application/json', 'x-khru-source': 'web' };
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ nationalId, password }),
  });
  if (res.status !== 200) throw new Error(`login ${nationalId}: ${res.status}`);
  let cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  let body = (await res.json()) as { csrfToken: string; secondFactor: string | null };
  if (body.secondFactor === 'totp') {
    const r2 = await fetch(`${baseUrl}/api/auth/second-factor`, {
      method: 'POST',
      headers: { ...headers, cookie, 'x-csrf-token': body.csrfToken },
      body: JSON.stringify({ code: await nextTotpCode(baseUrl, nationalId) }),
    });
    if (r2.status !== 200) throw new Error(`second factor ${nationalId}: ${r2.status}`);
    cookie = r2.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    body = (await r2.json()) as typeof body;
  }
  return { cookie, csrfToken: body.csrfToken };
}
