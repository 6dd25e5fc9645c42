/**
 * A move within the ministry (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 5.2.1, ADR 0111): the records officer of
 * the new office (สพม. ขอนแก่น) records the order with its citation; the holding office's officer
 * (สพป. ขอนแก่น เขต 1) sees it and confirms; then the old office no longer sees the person and the
 * new office does, with the move in item 15.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNTS, DEMO_PASSWORD, launchChromium, login, newSession, screenshot } from './support/browser.ts';

const OTHER_OFFICER = '3100100000120'; // ผู้จัดทำทะเบียนประวัติ สพม. ขอนแก่น

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

type Found = { id: string; nationalId: string; displayName: string };

/** A teacher in the old office's scope who is not a demo account (those other journeys use). */
async function teacherOfOldOffice(page: Page): Promise<Found> {
  const items = await page.evaluate(async () => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const r = await fetch('/api/v1/people/search', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-khru-source': 'web',
        'x-csrf-token': session.csrfToken,
      },
      body: JSON.stringify({ page: 1, pageSize: 20, sort: 'name' }),
    });
    return ((await r.json()) as { items: Found[] }).items;
  });
  const t = items.filter(
    (p) => !p.nationalId.startsWith('31001000001') && !p.nationalId.startsWith('31001000000'),
  );
  if (!t.length) throw new Error('no teacher in the old office’s scope');
  return t.at(-1)!;
}

const statusOfRecord = (page: Page, personId: string) =>
  page.evaluate(async (id) => (await fetch(`/api/v1/people/${id}/record`)).status, personId);

describe('move within the ministry (ข้อ 5.2.1)', () => {
  it('the new office records the move, the holding office confirms; then the record is the new office’s', async () => {
    const old = await newSession(browser, baseUrl);
    await login(old.page, ACCOUNTS.recordsOfficer, DEMO_PASSWORD);
    const teacher = await teacherOfOldOffice(old.page);
    expect(await statusOfRecord(old.page, teacher.id)).toBe(200);

    const neu = await newSession(browser, baseUrl);
    await login(neu.page, OTHER_OFFICER);
    expect(await statusOfRecord(neu.page, teacher.id)).toBe(404);
    // The anonymous probe and the deliberate out-of-scope 404 above are expected; none from here on.
    neu.errors.length = 0;
    await neu.page.goto('/transfers');
    await neu.page.getByRole('heading', { name: 'บันทึกคำสั่งย้าย (สังกัดใหม่บันทึก)' }).waitFor();
    await neu.page.getByLabel('เลขประจำตัวประชาชนของผู้ถูกย้าย').fill(teacher.nationalId);
    const office = neu.page.getByRole('combobox', { name: 'หน่วยงาน/สถานศึกษา' });
    await office.click();
    await office.fill('ขอนแก่นวิทยายน');
    await neu.page.locator('.ant-select-item-option', { hasText: 'โรงเรียนขอนแก่นวิทยายน' }).click();
    await neu.page.getByLabel('คำสั่งที่').fill('สพม.ขก. ที่ 77/2569');
    await neu.page.getByLabel('ลงวันที่ (คำสั่ง)').fill('1/11/2569');
    await neu.page.getByLabel('ผู้ออกคำสั่ง (หน่วยงาน)').fill('สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น');
    await neu.page.getByLabel('เลขที่ตำแหน่ง').fill('5501');
    await neu.page.getByLabel('อัตราเงินเดือน (บาท)').fill('28000');
    await screenshot(neu.page, 'transfer-form');
    await neu.page.getByRole('button', { name: 'บันทึกคำสั่งย้าย' }).click();
    const requested = neu.page.getByTestId('transfer-done');
    await requested.waitFor({ timeout: 15_000 });
    expect(await requested.textContent()).toContain('รอสังกัดเดิมยืนยัน');
    // Nothing of the record is the new office's yet: the holding office must confirm (ADR 0111).
    expect(await statusOfRecord(neu.page, teacher.id)).toBe(404);
    neu.errors.length = 0; // that deliberate 404 only
    const mine = neu.page.getByTestId('moves-requested');
    expect(await mine.textContent()).toContain('สพม.ขก. ที่ 77/2569');
    expect(await mine.textContent()).toContain('พฤศจิกายน');
    expect(await mine.textContent()).not.toContain('2026');
    await screenshot(neu.page, 'transfer-requested');

    // The holding office is told on its work page, sees the move with its citation and confirms it.
    await old.page.goto('/work');
    await old.page.getByTestId('moves-pending-link').click();
    const held = old.page.getByTestId('moves-holding');
    await held.getByText(teacher.displayName).waitFor();
    expect(await held.textContent()).toContain('สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น');
    await screenshot(old.page, 'transfer-holding-office');
    await held.getByRole('button', { name: 'ยืนยันการย้าย' }).first().click();
    await old.page.getByTestId('move-decided').waitFor({ timeout: 15_000 });
    expect(await old.page.getByTestId('move-decided').textContent()).toContain('ทะเบียนประวัติย้ายไปสังกัดใหม่');

    // Now the new office has the record, with the move in item 15.
    await neu.page.goto(`/people/${teacher.id}`);
    await neu.page.getByTestId('record').waitFor();
    expect(await neu.page.getByTestId('record-name').textContent()).toContain(
      teacher.displayName.split(' ')[1] ?? '',
    );
    expect(await neu.page.getByTestId('item-service').textContent()).toContain('สพม.ขก. ที่ 77/2569');
    await screenshot(neu.page, 'transfer-new-office-record');

    // The old office: gone from its scope at once (404 = out of scope, not 403), and from its search.
    expect(await statusOfRecord(old.page, teacher.id)).toBe(404);
    await old.page.goto(`/people/${teacher.id}`);
    await old.page.getByText('ไม่พบ', { exact: false }).first().waitFor();
    expect(await old.page.getByTestId('record').count()).toBe(0);
    await screenshot(old.page, 'transfer-old-office-gone');
    expect(neu.errors).toEqual([]);
    await old.context.close();
    await neu.context.close();
  });
});
