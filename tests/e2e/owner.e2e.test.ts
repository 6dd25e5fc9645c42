import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ACCOUNTS, launchChromium, login, newSession, screenshot } from './support/browser.ts';
import { apiLogin } from './support/totp.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('record owner', () => {
  test('(a) sees only her own record, read-only; other people are "ไม่พบข้อมูล"', async () => {
    const { page, context, errors } = await newSession(browser, baseUrl);
    await login(page, ACCOUNTS.owner);

    // Home of an owner is her record.
    await page.getByRole('heading', { name: 'ทะเบียนประวัติของฉัน' }).waitFor();
    expect(await page.getByTestId('record-name').textContent()).toBe('นางสาวปิยะนุช ใจดี');
    expect(await page.getByTestId('national-id').textContent()).toBe('3-1001-00000-01-4');
    // Read-only: no add/edit buttons anywhere, and no search in the menu.
    expect(await page.getByRole('button', { name: /^เพิ่ม/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'แก้ไข' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'ค้นหาบุคลากร' }).count()).toBe(0);
    // Item 27 is part of her own record.
    await page.getByTestId('item-history').waitFor();
    await screenshot(page, 'owner-record-page');

    // The search page is not available to her.
    await page.goto('/people');
    await page.getByText('ท่านไม่มีสิทธิ์ค้นหาทะเบียนประวัติของผู้อื่น').waitFor();

    // Another person's record (a real UUID of someone else) is not found for her.
    const other = await otherPersonId();
    await page.goto(`/people/${other}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toBe('ไม่พบข้อมูล');

    // No personal data or tokens in browser storage.
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      session: JSON.stringify(sessionStorage),
    }));
    expect(stored.local).toBe(0);
    expect(stored.session).not.toMatch(/\d{13}|ปิยะนุช/);
    expect(errors.filter((e) => !/status of 40[14]/.test(e))).toEqual([]);
    await context.close();
  });
});

/** The UUID of a person other than the owner, looked up through the API as the records officer. */
async function otherPersonId(): Promise<string> {
  const { cookie, csrfToken } = await apiLogin(baseUrl, ACCOUNTS.recordsOfficer, 'demo-password-2569');
  const r = await fetch(`${baseUrl}/api/v1/people/search`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-khru-source': 'web',
      'x-csrf-token': csrfToken,
      cookie,
    },
    body: JSON.stringify({ page: 1, pageSize: 20, sort: 'name' }),
  });
  const { items } = (await r.json()) as { items: { id: string; nationalId: string }[] };
  const other = items.find((p) => p.nationalId !== ACCOUNTS.owner);
  if (!other) throw new Error('no other person in the officer’s scope');
  return other.id;
}
