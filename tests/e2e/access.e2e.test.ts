import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  ACCOUNTS,
  DEMO_PASSWORD,
  launchChromium,
  login,
  newSession,
  type Session,
  screenshot,
} from './support/browser.ts';
import { searchAndOpen } from './support/journeys.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchChromium();
  s = await newSession(browser, baseUrl);
  await login(s.page, ACCOUNTS.accessController);
});
afterAll(async () => {
  await browser?.close();
});

describe('access controller (issue 17 §3)', () => {
  test('resets a school director’s lost second factor from his record page; his next sign-in enrols a new one', async () => {
    const { page } = s;
    await searchAndOpen(page, 'ณรงค์', 'นายณรงค์ ทองคำ');
    const panel = page.getByTestId('sign-in-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('แอปยืนยันตัวตนตั้งค่าแล้ว');

    await panel.getByRole('button', { name: 'รีเซ็ตการยืนยันตัวตนขั้นที่สอง' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'รีเซ็ตการยืนยันตัวตนขั้นที่สอง' }).click();
    await dialog.getByText('เหตุผล: ต้องกรอก').waitFor(); // the reason is required, in words
    await dialog.getByLabel('เหตุผล').fill('โทรศัพท์หาย ตรวจบัตรประชาชนที่สำนักงานแล้ว');
    await dialog.getByRole('button', { name: 'รีเซ็ตการยืนยันตัวตนขั้นที่สอง' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await panel.getByText('ยังไม่ได้ตั้งค่า (จะตั้งค่าเมื่อเข้าสู่ระบบครั้งถัดไป)').waitFor();
    await screenshot(page, 'access-reset-second-factor');

    // English.
    await page.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }).click();
    await panel.getByText('Not set up (set up at the next sign-in)').waitFor();
    await page.getByRole('button', { name: 'Switch to Thai' }).click();

    // The director signs in with his password and is asked to set up a new authenticator.
    const director = await newSession(browser, baseUrl);
    await director.page.goto('/');
    await director.page.getByLabel('เลขประจำตัวประชาชน').fill(ACCOUNTS.schoolDirector);
    await director.page.getByLabel('รหัสผ่าน').fill(DEMO_PASSWORD);
    await director.page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await director.page.getByText('ตั้งค่าการยืนยันตัวตนสองขั้นตอน').waitFor();
    await director.context.close();
    expect(s.errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
  });
});
