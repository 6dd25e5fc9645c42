/**
 * A correction of the date of birth routed by authority (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.2.1): the
 * owner files it; the head of agency (ส่วนราชการต้นสังกัด) forwards it to ก.ค.ศ.; สำนักงาน ก.ค.ศ.
 * records the resolution and applies it. The record's birth date changes only at the end, and
 * item 27 (history of changes) shows it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, login, newSession, screenshot } from './support/browser.ts';

const OTHER_OWNER = '3100100000138'; // นายธนากร แก้วมณี, SCH-40-101 (สพม. ขอนแก่น, สพฐ.)
const AGENCY_HEAD = '3100100000103'; // หัวหน้าส่วนราชการ สพฐ.
const OTEPC = '3100100000065'; // ผู้ควบคุมข้อมูลทะเบียนประวัติ สำนักงาน ก.ค.ศ.
const NEW_BIRTH_DATE = '1987-01-15';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const birthDateOf = (page: Page) =>
  page.evaluate(async () => {
    const r = await fetch('/api/v1/me/record', { headers: { 'x-khru-source': 'web' } });
    return ((await r.json()) as { person: { birthDate: string } }).person.birthDate;
  });

/** Opens the case from the signed-in user's "waiting for me" queue (where the server put it). */
async function openFromQueue(page: Page, caseId: string) {
  await page.goto('/work');
  const waiting = page.getByTestId('queue-waiting');
  await waiting.locator(`a[href="/cases/${caseId}"]`).waitFor({ timeout: 15_000 });
  await waiting.locator(`a[href="/cases/${caseId}"]`).click();
  await page.getByTestId('case-status').waitFor();
}

describe('correction of the date of birth (ข้อ 4.2.1)', () => {
  it('owner files it; agency forwards to ก.ค.ศ.; OTEPC applies; only then the record and item 27 change', async () => {
    // 1. The owner files the request with the correct date (typed the Thai way, B.E.).
    const owner = await newSession(browser, baseUrl);
    await login(owner.page, OTHER_OWNER);
    owner.errors.length = 0;
    const before = await birthDateOf(owner.page);
    expect(before).not.toBe(NEW_BIRTH_DATE);
    await owner.page.getByRole('link', { name: 'คำขอแก้ไขข้อมูล' }).click();
    await owner.page.getByRole('heading', { name: 'คำขอแก้ไขข้อมูลทะเบียนประวัติ' }).waitFor();
    expect(await owner.page.locator('body').textContent()).toContain('ข้อ 4.2.1');
    await owner.page.getByLabel('ข้อมูลที่ถูกต้อง').fill('15/1/2530');
    await owner.page.getByLabel('เหตุผลและเอกสารหลักฐาน').fill('สูติบัตรระบุวันเกิด 15 มกราคม 2530');
    await screenshot(owner.page, 'correction-request');
    await owner.page.getByRole('button', { name: 'ยื่นคำขอ' }).click();
    await owner.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(owner.page.url()).pathname.split('/').pop()!;
    const status = owner.page.getByTestId('case-status');
    await expect.poll(() => status.textContent()).toBe('รอส่วนราชการต้นสังกัดเสนอ ก.ค.ศ.');
    expect(await owner.page.locator('body').textContent()).toContain('15 มกราคม 2530');
    // The owner may withdraw but not approve her own request.
    expect(await owner.page.getByRole('button', { name: 'เสนอ ก.ค.ศ.' }).count()).toBe(0);
    expect(await birthDateOf(owner.page)).toBe(before);

    // 2. The head of agency finds it in "waiting for me" and forwards it to ก.ค.ศ.
    const agency = await newSession(browser, baseUrl);
    await login(agency.page, AGENCY_HEAD);
    agency.errors.length = 0;
    await openFromQueue(agency.page, caseId);
    await screenshot(agency.page, 'correction-case-agency');
    await agency.page.getByRole('button', { name: 'เสนอ ก.ค.ศ.' }).click();
    await expect.poll(() => agency.page.getByTestId('case-status').textContent()).toBe('รอมติ ก.ค.ศ.');
    expect(await agency.page.getByTestId('case-actions').count()).toBe(0);
    expect(await birthDateOf(owner.page)).toBe(before);

    // 3. สำนักงาน ก.ค.ศ. records the resolution (reference required) and applies it.
    const otepc = await newSession(browser, baseUrl);
    await login(otepc.page, OTEPC);
    otepc.errors.length = 0;
    await openFromQueue(otepc.page, caseId);
    const apply = otepc.page.getByRole('button', { name: 'บันทึกแก้ไขทะเบียนประวัติ' });
    await apply.click();
    await otepc.page.getByTestId('case-error').waitFor();
    expect(await otepc.page.getByTestId('case-error').textContent()).toBeTruthy();
    await otepc.page.getByLabel('เลขที่มติหรือหนังสืออนุมัติ').fill('มติ ก.ค.ศ. ครั้งที่ 5/2569');
    await apply.click();
    await expect
      .poll(() => otepc.page.getByTestId('case-status').textContent())
      .toBe('บันทึกแก้ไขทะเบียนประวัติแล้ว');
    await screenshot(otepc.page, 'correction-case-applied');

    // 4. Only now the record changed; item 27 shows the change.
    expect(await birthDateOf(owner.page)).toBe(NEW_BIRTH_DATE);
    await owner.page.goto('/me');
    await owner.page.getByTestId('record').waitFor();
    expect(await owner.page.getByTestId('personal-block').textContent()).toContain('15 มกราคม 2530');
    const history = owner.page.getByTestId('item-history');
    expect(await history.textContent()).toContain('15 ม.ค. 2530');
    await history.scrollIntoViewIfNeeded();
    await screenshot(owner.page, 'correction-record-item27');
    for (const s of [owner, agency, otepc]) {
      expect(s.errors.filter((e) => !e.includes('400'))).toEqual([]);
      await s.context.close();
    }
  });
});
