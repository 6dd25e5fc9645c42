import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ACCOUNTS, launchChromium, login, newSession, type Session, screenshot } from './support/browser.ts';
import { SEARCH_PLACEHOLDER, searchAndOpen, typeDate } from './support/journeys.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchChromium();
  s = await newSession(browser, baseUrl);
  await login(s.page, ACCOUNTS.recordsOfficer);
});
afterAll(async () => {
  await browser?.close();
});

describe('records officer', () => {
  test('(b) searches a Thai name, opens the record, adds and edits a training entry, sees item 27', async () => {
    const { page } = s;
    // Home: search and recent work.
    await page.getByTestId('recent-work').waitFor();
    await page.locator('[data-testid="search-results"] tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'search-page');

    const personId = await searchAndOpen(page, 'ปิยะนุช', 'นางสาวปิยะนุช ใจดี');
    expect(page.url()).not.toContain(ACCOUNTS.owner); // the URL carries the UUID only
    expect(personId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByTestId('item-training').waitFor();

    // Add: the form validates with the item's zod schema before anything is sent.
    await page.getByTestId('add-training').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.getByText('ประกาศนียบัตร/หลักสูตร: ต้องกรอก').waitFor();
    await dialog.getByText('ตั้งแต่: ต้องกรอก').waitFor();

    const course = 'หลักสูตรการจัดการเรียนรู้เชิงรุก (Active Learning)';
    await typeDate(page, 'ตั้งแต่', '01/2570');
    await typeDate(page, 'ถึง', 'มี.ค. 2570');
    expect(await dialog.getByLabel('ตั้งแต่', { exact: true }).inputValue()).toBe('ม.ค. 2570');
    await dialog.getByLabel('ประกาศนียบัตร/หลักสูตร').fill(course);
    await dialog.getByLabel('สถานที่').fill('ขอนแก่น');
    await dialog.getByLabel('หน่วยงานที่จัด').fill('สพป.ขอนแก่น เขต 1');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const training = page.getByTestId('item-training');
    const row = training.getByRole('row', { name: new RegExp(escapeRe(course)) });
    await row.waitFor();
    expect(await row.textContent()).toContain('ม.ค. 2570 - มี.ค. 2570');

    // Item 27 on the page shows the change, dated in พ.ศ., with who made it.
    const history = page.getByTestId('item-history');
    await history.getByRole('row', { name: new RegExp(escapeRe(course)) }).waitFor();
    expect(await history.textContent()).toContain('นายประเสริฐ ศรีสุข');

    // Edit the entry: the change from → to appears in item 27.
    await row.getByRole('button', { name: 'แก้ไข' }).click();
    await dialog.getByLabel('สถานที่').fill('โรงเรียนบ้านหนองบัว');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const changed = history.getByRole('row', { name: /ขอนแก่น.*โรงเรียนบ้านหนองบัว/ });
    await changed.waitFor();
    expect(await changed.textContent()).toContain('สถานที่');

    await page.evaluate(() => window.scrollTo(0, 0));
    // Let the "saved" toasts fade so that the screenshot shows the page itself.
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), undefined, {
      timeout: 15_000,
    });
    await screenshot(page, 'record-page');
    // The only console error allowed is the 401 of the session probe before signing in.
    expect(s.errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
  });

  test('dates typed as "5 ม.ค. 2570" and "05/02/2570" are read in พ.ศ. (item 20)', async () => {
    const { page } = s;
    await page.getByTestId('add-specialDuties').click();
    const dialog = page.getByRole('dialog');
    await typeDate(page, 'ตั้งแต่', '5 ม.ค. 2570');
    await typeDate(page, 'ถึง', '05/02/2570');
    await dialog.getByLabel('รายละเอียด').fill('กรรมการคุมสอบ O-NET');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('item-specialDuties').getByRole('row', { name: /กรรมการคุมสอบ O-NET/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('5 ม.ค. 2570 - 5 ก.พ. 2570');

    // In English the same dates are in พ.ศ., marked BE (ADR 0119), and English typed that way is read.
    await page.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }).click();
    await row.filter({ hasText: '5 Jan 2570 BE - 5 Feb 2570 BE' }).waitFor();
    await page.getByTestId('add-specialDuties').click();
    await typeDate(page, 'From', '1 March 2570 BE');
    await typeDate(page, 'To', '31/03/2570 BE');
    await dialog.getByLabel('Detail').fill('Invigilator, national test');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const en = page
      .getByTestId('item-specialDuties')
      .getByRole('row', { name: /Invigilator, national test/ });
    await en.filter({ hasText: '1 Mar 2570 BE - 31 Mar 2570 BE' }).waitFor();
    expect(await page.getByTestId('item-specialDuties').textContent()).not.toMatch(/\b20\d\d\b/);
    await page.getByRole('button', { name: 'Switch to Thai' }).click();
    await en.filter({ hasText: '1 มี.ค. 2570 - 31 มี.ค. 2570' }).waitFor();
  });

  test('a version conflict (409) shows the Thai message and reloads the latest data', async () => {
    const { page } = s;
    const row = page.getByTestId('item-specialDuties').getByRole('row', { name: /กรรมการคุมสอบ O-NET/ });
    await row.getByRole('button', { name: 'แก้ไข' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('รายละเอียด').fill('กรรมการคุมสอบ O-NET (แก้ไขจากหน้าจอ)');

    // Meanwhile someone else changes the same entry (same session, straight through the API).
    const personId = new URL(page.url()).pathname.split('/').pop()!;
    const status = await page.evaluate(async (id) => {
      const h = { 'content-type': 'application/json', 'x-khru-source': 'web' };
      const session = (await (await fetch('/api/auth/session', { headers: h })).json()) as {
        csrfToken: string;
      };
      const rec = (await (await fetch(`/api/v1/people/${id}/record`, { headers: h })).json()) as {
        items: {
          specialDuties: { id: string; version: number; from: string; to: string | null; detail: string }[];
        };
      };
      const e = rec.items.specialDuties.find((x) => x.detail.includes('O-NET'))!;
      const r = await fetch(`/api/v1/people/${id}/items/specialDuties/${e.id}`, {
        method: 'PUT',
        headers: { ...h, 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          version: e.version,
          data: { from: e.from, to: e.to, detail: 'กรรมการคุมสอบ O-NET (แก้ไขโดยผู้อื่น)' },
        }),
      });
      return r.status;
    }, personId);
    expect(status).toBe(200);

    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByText('ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุดก่อนแก้ไขอีกครั้ง').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('item-specialDuties').getByText('กรรมการคุมสอบ O-NET (แก้ไขโดยผู้อื่น)').waitFor();
  });

  test('recent work lists the opened record; a 13-digit entry searches by national ID, a short one says so; a name typed with its title is found', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'ระบบทะเบียนประวัติ ก.ค.ศ.๑๖' }).click();
    await page.getByTestId('recent-work').getByText('นางสาวปิยะนุช ใจดี').waitFor();
    // Only UUIDs are kept in sessionStorage.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toMatch(/ปิยะนุช|\d{13}/);

    const box = page.getByPlaceholder(SEARCH_PLACEHOLDER);
    await box.fill('3-1001-00000-01');
    await box.press('Enter');
    await page.getByText('เลขประจำตัวประชาชนต้องมี 13 หลัก แต่พิมพ์มา 12 หลัก').waitFor();
    await box.fill('3-1001-00000-01-5');
    await box.press('Enter');
    await page.getByText('เลขประจำตัวประชาชน: เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง').waitFor();
    await box.fill('3-1001-00000-01-4');
    await box.press('Enter');
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid="search-results"] tbody tr.ant-table-row');
      return rows.length === 1 && rows[0]!.textContent!.includes('3-1001-00000-01-4');
    });
    // Typed as on a document: the title and the name run together.
    await box.fill('นางสาวปิยะนุช ใจดี');
    await box.press('Enter');
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid="search-results"] tbody tr.ant-table-row');
      return rows.length === 1 && rows[0]!.textContent!.includes('นางสาวปิยะนุช ใจดี');
    });
  });

  test('แก้ไขข้อมูลส่วนตัว shows the date of birth and appointment date read-only: only a correction request changes them (ข้อ 4.2.1, 4.2.2)', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'ระบบทะเบียนประวัติ ก.ค.ศ.๑๖' }).click();
    await searchAndOpen(page, 'ปิยะนุช', 'นางสาวปิยะนุช ใจดี');
    await page.getByTestId('edit-personal').click();
    const dialog = page.getByRole('dialog');
    const birth = dialog.getByLabel('วัน เดือน ปีเกิด', { exact: true });
    const appointed = dialog.getByLabel('วันบรรจุ', { exact: true });
    for (const input of [birth, appointed]) {
      expect(await input.getAttribute('readonly')).not.toBeNull();
      expect(await input.inputValue()).toMatch(/^\d{1,2} \S+ 25\d\d$/); // a long Thai date in พ.ศ.
    }
    expect(await dialog.getByTestId('locked-birthDate').textContent()).toContain('ต้องยื่นคำขอแก้ไข (ข้อ 4.2.1)');
    expect(await dialog.getByTestId('locked-appointmentDate').textContent()).toContain(
      'ต้องยื่นคำขอแก้ไข (ข้อ 4.2.2)',
    );
    await screenshot(page, 'personal-locked-dates');
    // The rest of the form still saves, sending the two dates unchanged.
    const before = await birth.inputValue();
    await dialog.getByLabel('กลุ่มวิชา/ทาง/สาขาวิชาเอก').fill('วิทยาศาสตร์');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('personal-block').getByText('วิทยาศาสตร์').waitFor();
    // In English, the same explanation.
    await page.getByRole('button', { name: 'เปลี่ยนเป็นภาษาอังกฤษ' }).click();
    await page.getByTestId('edit-personal').click();
    expect(await dialog.getByTestId('locked-birthDate').textContent()).toContain(
      'needs a correction request (clause 4.2.1)',
    );
    expect(await dialog.getByLabel('Date of birth', { exact: true }).getAttribute('readonly')).not.toBeNull();
    // English dates are in พ.ศ. too, marked BE (ADR 0119): the same year as the Thai screen.
    const birthEn = await dialog.getByLabel('Date of birth', { exact: true }).inputValue();
    expect(birthEn).toMatch(/^\d{1,2} [A-Z][a-z]+ 25\d\d BE$/);
    expect(birthEn.slice(-7, -3)).toBe(before.slice(-4));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Switch to Thai' }).click();
    await page.getByTestId('edit-personal').click();
    expect(await birth.inputValue()).toBe(before);
    await dialog.getByRole('button', { name: 'ยกเลิก' }).click();
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
