/**
 * A new hire from the appointment order to a certified record (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3):
 * the records officer opens the case; the new teacher signs in with Digital ID (the local OpenID
 * provider at /dev-oidc standing in for ThaiD — ID, name and birth date come from the claims);
 * she confirms her record and signs with a passkey; the officer verifies and signs; the certifier
 * signs last. Each signer uses Chromium's virtual authenticator (CTAP2, user verification).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInBangkok } from '../../src/domain/iso-date.ts';
import { DEV_CITIZENS } from '../../src/server/modules/onboarding/index.ts';
import { ACCOUNTS, launchChromium, login, newSession, type Session, screenshot } from './support/browser.ts';

const CERTIFIER = '3100100000057'; // ผู้รับรองทะเบียนประวัติ สพป. ขอนแก่น เขต 1
const citizen = DEV_CITIZENS[0]!; // นางสาวมาลัย ทองประเสริฐ, born 15 Mar 1999 (2542 B.E.)

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** Today as a Thai user types it: d/m/yyyy in the Buddhist era. */
function todayThai(): string {
  const [y, m, d] = todayInBangkok().split('-').map(Number);
  return `${d}/${m}/${y! + 543}`;
}

/** A browser session with its own platform authenticator (a passkey lives in one device). */
async function withAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function signedSession(nationalId: string | null): Promise<Session> {
  const s = await newSession(browser, baseUrl);
  await withAuthenticator(s.context, s.page);
  if (nationalId) await login(s.page, nationalId);
  return s;
}

/** Opens the case from "waiting for me", takes the signed step: register a passkey, sign, done. */
async function signStep(page: Page, caseId: string, action: string, statusAfter: string, shot?: string) {
  await page.goto('/work');
  const link = page.getByTestId('queue-waiting').locator(`a[href="/cases/${caseId}"]`);
  await link.waitFor({ timeout: 15_000 });
  await link.click();
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByTestId('sign-summary').waitFor();
  await page.getByRole('button', { name: 'ลงทะเบียนกุญแจลงนาม (passkey)' }).click();
  const sign = page.getByRole('button', { name: 'ลงนามด้วยกุญแจลงนาม' });
  await expect.poll(() => sign.isEnabled(), { timeout: 15_000 }).toBe(true);
  if (shot) await screenshot(page, shot);
  await sign.click();
  await expect
    .poll(() => page.getByTestId('case-status').textContent(), { timeout: 15_000 })
    .toBe(statusAfter);
}

describe('onboarding a new hire with Digital ID (ข้อ 3)', () => {
  it('officer opens the case; the teacher signs in with Digital ID and signs; officer and certifier sign; certified', async () => {
    // 1. The records officer opens the case from the appointment order (ข้อ 3.1).
    const officer = await signedSession(ACCOUNTS.recordsOfficer);
    officer.errors.length = 0;
    await officer.page.goto('/work');
    await officer.page.getByRole('link', { name: 'เปิดเรื่องผู้บรรจุใหม่' }).click();
    await officer.page.getByLabel('เลขประจำตัวประชาชนของผู้บรรจุใหม่').fill(citizen.pid);
    const office = officer.page.getByRole('combobox', { name: 'หน่วยงาน/สถานศึกษา' });
    await office.click();
    await office.fill('บ้านหนองบัว');
    await officer.page.locator('.ant-select-item-option', { hasText: 'โรงเรียนบ้านหนองบัว' }).click();
    await officer.page.getByLabel('คำสั่งบรรจุที่').fill('สพป.ขก.1 ที่ 321/2569');
    for (const label of ['ลงวันที่ (คำสั่ง)', 'วันที่บรรจุ', 'วันที่รายงานตัว'])
      await officer.page.getByLabel(label).fill(todayThai());
    await screenshot(officer.page, 'onboarding-open');
    await officer.page.getByRole('button', { name: 'เปิดเรื่อง', exact: true }).click();
    await officer.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(officer.page.url()).pathname.split('/').pop()!;
    await expect
      .poll(() => officer.page.getByTestId('case-status').textContent())
      .toBe('รอเจ้าของประวัติยืนยันตัวตนด้วย Digital ID');
    // Nobody may take the identity step by hand.
    expect(await officer.page.getByTestId('case-actions').count()).toBe(0);

    // 2. The new teacher signs in with Digital ID (no password, no retyping of civil data).
    const teacher = await signedSession(null);
    await teacher.page.goto('/');
    await teacher.page.getByRole('link', { name: 'เข้าสู่ระบบด้วย Digital ID' }).click();
    await teacher.page.waitForURL(/\/dev-oidc\//, { waitUntil: 'domcontentloaded' });
    await teacher.page.locator('input[name="login"]').fill(citizen.pid);
    await teacher.page.locator('input[name="password"]').fill('dev');
    await teacher.page.locator('button[type="submit"]').click();
    await teacher.page.getByTestId('user-name').waitFor({ timeout: 30_000 });
    expect(await teacher.page.getByTestId('user-name').textContent()).toContain('มาลัย ทองประเสริฐ');
    // The login page's anonymous probe and the provider's web-font request are not the app's errors.
    teacher.errors.length = 0;
    await teacher.page.goto('/me');
    await teacher.page.getByTestId('record').waitFor();
    expect((await teacher.page.getByTestId('national-id').textContent())?.replace(/\D/g, '')).toBe(
      citizen.pid,
    );
    expect(await teacher.page.getByTestId('record-name').textContent()).toContain('นางสาวมาลัย ทองประเสริฐ');
    expect(await teacher.page.getByTestId('personal-block').textContent()).toContain('15 มีนาคม 2542');
    await screenshot(teacher.page, 'onboarding-owner-record');

    // 3. She confirms her items and signs (owner-attest), within 5 days of reporting (ข้อ 3.2).
    await signStep(
      teacher.page,
      caseId,
      'ยื่น/รับรองข้อมูลและลงลายมือชื่อ',
      'ผู้จัดทำทะเบียนประวัติตรวจสอบกับเอกสารหลักฐาน',
      'onboarding-owner-sign',
    );
    expect(await teacher.page.getByTestId('sign-summary').count()).toBe(0);

    // 4. The officer verifies against the documents and signs (ข้อ 3.3).
    await signStep(officer.page, caseId, 'ตรวจสอบถูกต้อง', 'รอผู้รับรองทะเบียนประวัติลงนามรับรอง');

    // 5. The certifier signs last (ข้อ 3.4): the record is certified.
    const certifier = await signedSession(CERTIFIER);
    certifier.errors.length = 0;
    await signStep(certifier.page, caseId, 'ลงนามรับรองทะเบียนประวัติ', 'รับรองทะเบียนประวัติแล้ว');
    const steps = await certifier.page.evaluate(
      async (id) =>
        (
          (await (await fetch(`/api/v1/workflows/cases/${id}`)).json()) as {
            steps: { action: string; signatureId: string | null }[];
          }
        ).steps,
      caseId,
    );
    expect(steps.map((s) => s.action)).toEqual(['open', 'identify', 'submit', 'verify', 'certify']);
    expect(steps.slice(2).every((s) => !!s.signatureId)).toBe(true);
    await screenshot(certifier.page, 'onboarding-certified');
    for (const s of [officer, teacher, certifier]) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });

  it('a citizen with no record yet signs in with Digital ID and gets a Thai page saying to ask the office to open onboarding', async () => {
    const none = DEV_CITIZENS[2]!;
    const s = await newSession(browser, baseUrl);
    await s.page.goto('/');
    await s.page.getByRole('link', { name: 'เข้าสู่ระบบด้วย Digital ID' }).click();
    await s.page.waitForURL(/\/dev-oidc\//, { waitUntil: 'domcontentloaded' });
    await s.page.locator('input[name="login"]').fill(none.pid);
    await s.page.locator('input[name="password"]').fill('dev');
    await s.page.locator('button[type="submit"]').click();
    const notice = s.page.getByTestId('digital-id-no-record');
    await notice.waitFor({ timeout: 30_000 });
    expect(new URL(s.page.url()).search).toBe('?digitalId=no-record');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('ยังไม่มีทะเบียนประวัติของท่านในระบบ');
    expect(text).toContain('ผู้จัดทำทะเบียนประวัติ');
    expect(text).toContain('เปิดเรื่องจัดทำทะเบียนประวัติ (ข้อ 3.1)');
    expect(text).not.toMatch(/"error"|\{/); // not a JSON body
    // Still signed out: the sign-in form is there.
    await s.page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).waitFor();
    await screenshot(s.page, 'digital-id-no-record');
    await s.context.close();
  });
});
