import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium, newSession } from './support/browser.ts';

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
