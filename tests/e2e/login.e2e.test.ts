import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ACCOUNTS, DEMO_PASSWORD, launchChromium, login, newSession, screenshot } from './support/browser.ts';
import { nextTotpCode } from './support/totp.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('login page', () => {
  test('(d) a national ID with a wrong check digit shows the Thai error and is not sent', async () => {
    const { page, apiCalls, context } = await newSession(browser, baseUrl);
    await page.goto('/');
    // 3-1001-00000-01-4 is valid; 5 as the 13th digit is not. Dashes are accepted.
    await page.getByLabel('เลขประจำตัวประชาชน').fill('3-1001-00000-01-5');
    await page.getByLabel('รหัสผ่าน').fill('demo-password-2569');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    const error = page.getByText('เลขประจำตัวประชาชน: เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง');
    await error.waitFor();
    expect(await error.isVisible()).toBe(true);
    expect(apiCalls.some((c) => c.url.endsWith('/api/auth/login'))).toBe(false);
    await context.close();
  });

  test('a wrong password shows the server’s Thai message; the language toggle switches to English', async () => {
    const { page, context } = await newSession(browser, baseUrl);
    await page.goto('/');
    await page.getByLabel('เลขประจำตัวประชาชน').fill('3100100000120');
    await page.getByLabel('รหัสผ่าน').fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByText('เลขประจำตัวประชาชนหรือรหัสผ่านไม่ถูกต้อง').waitFor();

    await page.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('National ID').count()).toBe(1);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'khru_lang')?.value).toBe('en');
    await context.close();
  });
});

describe('two-step sign-in for staff (ADR 0113)', () => {
  test('a staff account without an authenticator enrols on first sign-in, then signs in with its code', async () => {
    const { page, context } = await newSession(browser, baseUrl);
    const PROVINCIAL = '3100100000090'; // ศึกษาธิการจังหวัดขอนแก่น: the demo staff account left unenrolled
    await page.goto('/');
    await page.getByLabel('เลขประจำตัวประชาชน').fill(PROVINCIAL);
    await page.getByLabel('รหัสผ่าน').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByText('ตั้งค่าการยืนยันตัวตนสองขั้นตอน').waitFor();
    await page.getByTestId('totp-qr').waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('รหัสยืนยันตัวตน').fill(await nextTotpCode(baseUrl, PROVINCIAL, secret));
    await page.getByRole('button', { name: 'ยืนยัน' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await screenshot(page, 'enrol-recovery-codes');
    await page.getByRole('button', { name: 'บันทึกรหัสกู้คืนแล้ว ไปต่อ' }).click();
    await page.getByTestId('user-name').waitFor();
    // "My security" is in the menu and says two-step sign-in is on.
    await page.getByRole('link', { name: 'ความปลอดภัยของบัญชี' }).click();
    await page.getByText('เปิดใช้การยืนยันตัวตนสองขั้นตอนแล้ว').waitFor();
    expect(await page.getByTestId('codes-left').textContent()).toBe('10');
    await context.close();

    // Next time: password, then the code from the app.
    const again = await newSession(browser, baseUrl);
    await again.page.goto('/');
    await again.page.getByLabel('เลขประจำตัวประชาชน').fill(PROVINCIAL);
    await again.page.getByLabel('รหัสผ่าน').fill(DEMO_PASSWORD);
    await again.page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await again.page.getByText('ยืนยันตัวตนขั้นที่สอง').waitFor();
    await again.page.getByLabel('รหัสยืนยันตัวตน').fill('000000');
    await again.page.getByRole('button', { name: 'ยืนยัน' }).click();
    await again.page.getByText('รหัสยืนยันตัวตนไม่ถูกต้องหรือถูกใช้ไปแล้ว').waitFor();
    await again.page.getByLabel('รหัสยืนยันตัวตน').fill(await nextTotpCode(baseUrl, PROVINCIAL, secret));
    await again.page.getByRole('button', { name: 'ยืนยัน' }).click();
    await again.page.getByTestId('user-name').waitFor();
    await again.context.close();
  });

  test('a staff account with an authenticator signs in with password and code', async () => {
    const { page, context } = await newSession(browser, baseUrl);
    await login(page, ACCOUNTS.clerk);
    expect(await page.getByTestId('user-name').isVisible()).toBe(true);
    await context.close();
  });
});
