import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ACCOUNTS, launchChromium, login, newSession, screenshot } from './support/browser.ts';
import { searchAndOpen, typeDate } from './support/journeys.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('data-entry clerk', () => {
  test('(c) sees and edits only her assigned items; service history is neither rendered nor reachable', async () => {
    const { page, context } = await newSession(browser, baseUrl);
    await login(page, ACCOUNTS.clerk);
    const personId = await searchAndOpen(page, 'ปิยะนุช', 'นางสาวปิยะนุช ใจดี');
    await page.getByTestId('item-training').waitFor();

    // Not assigned: items 1–15 are not rendered and there is no Add button for service history.
    expect(await page.getByTestId('item-service').count()).toBe(0);
    expect(await page.getByTestId('add-service').count()).toBe(0);
    expect(await page.getByTestId('personal-block').count()).toBe(0);
    expect(await page.getByTestId('item-education').count()).toBe(0);
    // Assigned: training, research, study visits, abilities and leave are there and editable.
    for (const item of ['training', 'research', 'studyVisits', 'abilities', 'leave'])
      expect(await page.getByTestId(`add-${item}`).count()).toBe(1);

    // The API agrees: adding a service entry is 404 for her (not visible), even with a valid CSRF token.
    const status = await page.evaluate(async (id) => {
      const s = (await (
        await fetch('/api/auth/session', { headers: { 'x-khru-source': 'web' } })
      ).json()) as {
        csrfToken: string;
      };
      const r = await fetch(`/api/v1/people/${id}/items/service`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-khru-source': 'web', 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({
          effectiveDate: '2026-10-01',
          positionTitle: 'ครู',
          agency: 'โรงเรียน',
          salary: '30000',
        }),
      });
      return r.status;
    }, personId);
    expect(status).toBe(404);

    // Her assigned item is editable: add a training entry.
    await page.getByTestId('add-training').click();
    const dialog = page.getByRole('dialog');
    await typeDate(page, 'ตั้งแต่', 'ก.พ. 2570');
    await dialog.getByLabel('ประกาศนียบัตร/หลักสูตร').fill('การใช้ระบบทะเบียนประวัติอิเล็กทรอนิกส์');
    await dialog.getByRole('button', { name: 'บันทึก' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('item-training')
      .getByRole('row', { name: /การใช้ระบบทะเบียนประวัติอิเล็กทรอนิกส์/ })
      .waitFor();
    await context.close();
  });

  test('the import page offers her no import (she adds no people) and an export of her items only', async () => {
    const { page, context } = await newSession(browser, baseUrl);
    await login(page, ACCOUNTS.clerk);
    await page.goto('/exchange');
    await page.getByTestId('import-not-allowed').waitFor();
    expect(await page.getByRole('button', { name: 'เลือกแฟ้ม .xlsx' }).count()).toBe(0);
    await page.getByTestId('export-link').waitFor();
    expect(await page.locator('body').textContent()).toContain('เฉพาะรายการข้อมูลที่ท่านมีสิทธิ์ดู');
    await screenshot(page, 'clerk-exchange');
    await context.close();
    // A records officer is offered the upload.
    const officer = await newSession(browser, baseUrl);
    await login(officer.page, ACCOUNTS.recordsOfficer);
    await officer.page.goto('/exchange');
    await officer.page.getByRole('button', { name: 'เลือกแฟ้ม .xlsx' }).waitFor();
    expect(await officer.page.getByTestId('import-not-allowed').count()).toBe(0);
    await officer.context.close();
  });
});
