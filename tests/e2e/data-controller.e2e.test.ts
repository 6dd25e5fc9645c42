import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ACCOUNTS, launchChromium, login, newSession, type Session, screenshot } from './support/browser.ts';
import { openMenu } from './support/journeys.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchChromium();
  s = await newSession(browser, baseUrl);
  await login(s.page, ACCOUNTS.otepcController);
});
afterAll(async () => {
  await browser?.close();
});

describe('data controller (issue 16 §1)', () => {
  test('reaches the audit trail from the menu, verifies the chain, signs a checkpoint, filters events — Thai and English, desktop and phone', async () => {
    const { page } = s;
    await openMenu(page, 'บันทึกการตรวจสอบ');
    await page.getByTestId('audit-page').waitFor();
    // The newest events first, in words: her own sign-in is among them.
    const table = page.getByTestId('audit-events');
    await table
      .getByRole('row', { name: /เข้าสู่ระบบ.*นางรัตนา วงศ์ใหญ่/ })
      .first()
      .waitFor();

    // Integrity: verify, then sign a checkpoint; the verdict says so in words.
    await page.getByRole('button', { name: 'ตรวจสอบห่วงโซ่ตอนนี้' }).click();
    const verdict = page.getByTestId('audit-chain-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('ครบถ้วน ไม่พบการแก้ไข');
    await page.getByRole('button', { name: 'ลงนามจุดตรวจสอบตอนนี้' }).click();
    await page.getByText(/ลงนามจุดตรวจสอบแล้ว|ไม่มีเหตุการณ์ใหม่ตั้งแต่จุดตรวจสอบล่าสุด/).waitFor();
    const chain = page.getByTestId('audit-chain');
    await chain.getByText('0', { exact: true }).waitFor(); // nothing left uncovered right after signing
    expect(await chain.textContent()).toMatch(/จุดตรวจสอบล่าสุด\d{1,2} [ก-๙.]+ 25\d\d/);

    // Filter: the actor's national ID and the kind "sign-in".
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('เลขประจำตัวประชาชนของผู้ดำเนินการ').fill(ACCOUNTS.otepcController);
    await filters.getByLabel('ประเภทเหตุการณ์').click();
    await page.locator('.ant-select-item-option', { hasText: 'การเข้าสู่ระบบ' }).click();
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/audit/events?') && r.url().includes('group=auth'),
    );
    await filters.getByRole('button', { name: 'ค้นหา' }).click();
    await filtered;
    const rows = table.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('นางรัตนา วงศ์ใหญ่');
      expect(text).toMatch(/เข้าสู่ระบบ|ออกจากระบบ|ยืนยันตัวตน|รหัสผ่าน/);
    }
    const body = (await page.getByTestId('audit-page').textContent()) ?? '';
    expect(body).not.toMatch(/\bauth\.|\d{4}-\d{2}-\d{2}|\b20[2-3]\d\b/); // no codes, ISO dates or C.E. years
    await screenshot(page, 'audit-page');

    // A wrong ID is marked on its field, in words, and what was typed stays.
    await filters.getByLabel('เลขประจำตัวประชาชนของเจ้าของประวัติ').fill('12345');
    await filters.getByRole('button', { name: 'ค้นหา' }).click();
    await filters.getByText('เลขประจำตัวประชาชนของเจ้าของประวัติ: ต้องเป็นตัวเลข 13 หลัก').waitFor();
    expect(await filters.getByLabel('เลขประจำตัวประชาชนของเจ้าของประวัติ').inputValue()).toBe('12345');
    await filters.getByRole('button', { name: 'ล้างเงื่อนไข' }).click();

    // English.
    await page.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await table
      .getByRole('row', { name: /Signed in/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Verify the chain now' }).click();
    await page.getByText('Intact, no tampering found').waitFor();
    await screenshot(page, 'audit-page-en');
    await page.getByRole('button', { name: 'Switch to Thai' }).click();

    // Phone: nothing off-screen but the table, which scrolls inside its own box.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'บันทึกการตรวจสอบการใช้งาน (audit trail)' }).waitFor();
    await screenshot(page, 'audit-page-phone');
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (e) =>
            e.getBoundingClientRect().right > window.innerWidth + 1 &&
            !e.closest('.ant-table-content') &&
            e.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
        )
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className}`.slice(0, 80)),
    );
    expect(wide).toEqual([]);
    // Allowed: the session probe's 401 before signing in, and the 400 of the wrong ID typed above.
    expect(s.errors.filter((e) => !/status of 40[01]/.test(e))).toEqual([]);
  });

  test('keeps the holiday table: a fiscal year in พ.ศ., a day added, corrected and removed', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/');
    await openMenu(page, 'วันหยุดราชการ');
    const table = page.getByTestId('holiday-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // Fiscal year 2570 (Oct 2569 – Sep 2570): วันปิยมหาราช 23 ต.ค. 2569 is in it.
    await page.getByLabel('ปีงบประมาณ พ.ศ.').click();
    await page.locator('.ant-select-item-option', { hasText: '2570' }).click();
    await table.getByRole('row', { name: /23 ตุลาคม 2569.*วันปิยมหาราช/ }).waitFor();
    // A row researched but not announced shows its confidence in words.
    expect(await page.getByTestId('holiday-page').textContent()).toMatch(/ยืนยันแล้ว/);

    await page.getByRole('button', { name: 'เพิ่มวันหยุด' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.getByText('ชื่อวันหยุด: ต้องกรอก').waitFor();
    const date = dialog.getByLabel('วันที่', { exact: true });
    await date.fill('20/2/2570');
    await date.press('Enter');
    await dialog.getByLabel('ชื่อวันหยุด').fill('วันมาฆบูชา');
    await dialog.getByLabel('ประเภท').click();
    await page.locator('.ant-select-item-option', { hasText: 'วันสำคัญทางพระพุทธศาสนา' }).click();
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = table.getByRole('row', { name: /20 กุมภาพันธ์ 2570.*วันมาฆบูชา/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('วันเสาร์');

    await row.getByRole('button', { name: 'แก้ไข วันมาฆบูชา' }).click();
    await dialog.getByLabel('ชื่อวันหยุด').fill('วันมาฆบูชา (ประกาศแล้ว)');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await table.getByRole('row', { name: /วันมาฆบูชา \(ประกาศแล้ว\)/ }).waitFor();
    await screenshot(page, 'holiday-page');

    await table.getByRole('button', { name: 'ลบ วันมาฆบูชา (ประกาศแล้ว)' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'ลบ' }).click();
    await table.getByRole('row', { name: /วันมาฆบูชา \(ประกาศแล้ว\)/ }).waitFor({ state: 'detached' });

    // The audit trail shows the three changes in words.
    await openMenu(page, 'บันทึกการตรวจสอบ');
    const events = page.getByTestId('audit-events');
    await events
      .getByRole('row', { name: /ลบวันหยุด/ })
      .first()
      .waitFor();
    expect(await events.textContent()).toMatch(/แก้ไขวันหยุด/);

    await page.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }).click();
    await openMenu(page, 'Holidays');
    await page.getByRole('heading', { name: 'Public holidays' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'holiday-page-phone-en');
    // The table scrolls inside its own box; nothing else is wider than the phone.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Switch to Thai' }).click();
    expect(s.errors.filter((e) => !/status of 40[01]/.test(e))).toEqual([]);
  });
});
