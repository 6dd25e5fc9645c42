/**
 * Personal e-signature end to end in Chromium with its virtual authenticator (CTAP2, internal,
 * user verification): register a signing passkey, see exactly what is signed, sign, verify —
 * then a change by the records officer makes the verification say "ข้อมูลถูกแก้ไขหลังลงนาม".
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLES } from '../support/samples.ts';
import { ACCOUNTS, DEMO_PASSWORD, launchChromium, login, newSession, screenshot } from './support/browser.ts';
import { apiLogin } from './support/totp.ts';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** The records officer changes the owner's record through the API (another user, another session). */
async function officerAddsTraining(personId: string) {
  const { cookie, csrfToken } = await apiLogin(baseUrl, ACCOUNTS.recordsOfficer, DEMO_PASSWORD);
  const add = await fetch(`${baseUrl}/api/v1/people/${personId}/items/training`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify(SAMPLES.training),
  });
  expect(add.status).toBe(201);
}

describe('signing with a passkey', () => {
  it('owner registers a passkey, signs her record, and verification later reports the change', async () => {
    const { context, page, errors } = await newSession(browser, baseUrl);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await login(page, ACCOUNTS.owner);
    // The anonymous session probe before login answers 401 by design; from here on, no errors.
    errors.length = 0;
    const personId = await page.evaluate(async () => {
      const r = await fetch('/api/auth/session');
      return ((await r.json()) as { user: { personId: string } }).user.personId;
    });
    await page.goto(`/sign/${personId}?decision=owner-attest`);
    const summary = page.getByTestId('sign-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('ขอรับรองว่าข้อมูลที่ข้าพเจ้ากรอกเป็นความจริงทุกประการ');
    const payload = JSON.parse((await page.getByTestId('sign-payload').textContent()) ?? '{}');
    expect(payload).toMatchObject({ personId, decision: 'owner-attest', type: 'khru.record-signature' });

    await page.getByRole('button', { name: 'ลงทะเบียนกุญแจลงนาม (passkey)' }).click();
    const signButton = page.getByRole('button', { name: 'ลงนาม', exact: true });
    await expect.poll(() => signButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);

    await signButton.click();
    await page.getByTestId('signed').waitFor();
    await page.getByRole('button', { name: 'ตรวจสอบลายมือชื่อ' }).click();
    const status = page.getByTestId('verify-status');
    await status.waitFor();
    expect(await status.textContent()).toContain('ข้อมูลไม่มีการเปลี่ยนแปลงหลังลงนาม');
    await screenshot(page, 'signing-verified');

    await officerAddsTraining(personId);
    await page.getByRole('button', { name: 'ตรวจสอบลายมือชื่อ' }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('ข้อมูลถูกแก้ไขหลังลงนาม');
    expect(await status.textContent()).toContain('ประวัติการฝึกอบรมและพัฒนาตนเอง');
    const after = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!;
    expect(after.signCount).toBeGreaterThan(0);
    // The work queues page renders the three queues for the signed-in user.
    await page.goto('/work');
    await page.getByTestId('queue-waiting').waitFor();
    expect(await page.getByTestId('queue-returned').textContent()).toContain('ส่งคืนถึงฉัน');
    expect(errors).toEqual([]);
    await context.close();
  });
});
