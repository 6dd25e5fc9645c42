import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { nextTotpCode } from './totp.ts';

export const DEMO_PASSWORD = 'demo-password-2569';

/** Demo accounts (national IDs) used by the journeys. */
export const ACCOUNTS = {
  owner: '3100100000014',
  recordsOfficer: '3100100000022',
  clerk: '3100100000031',
  otepcController: '3100100000065',
  accessController: '3100100000049',
  schoolDirector: '3100100000073',
} as const;

/** Debian's Chromium, headless, with the flags that keep it quiet on this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export type Session = {
  context: BrowserContext;
  page: Page;
  errors: string[];
  apiCalls: { url: string; status: number }[];
};

/** A fresh browser context (no cookies) that records page errors and API responses. */
export async function newSession(browser: Browser, baseURL: string): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 900 },
    locale: 'th-TH',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const apiCalls: { url: string; status: number }[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.url().includes('/api/')) apiCalls.push({ url: r.url(), status: r.status() });
  });
  return { context, page, errors, apiCalls };
}

/**
 * Signs in through the login page — and, for staff, the second step with the demo
 * authenticator's code (ADR 0113) — and waits for the signed-in header.
 */
export async function login(page: Page, nationalId: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('เลขประจำตัวประชาชน').fill(nationalId);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  const code = page.getByLabel('รหัสยืนยันตัวตน');
  await Promise.race([
    page.getByTestId('user-name').waitFor({ timeout: 30_000 }),
    code.waitFor({ timeout: 30_000 }),
  ]);
  if (await code.isVisible()) {
    await code.fill(await nextTotpCode(new URL(page.url()).origin, nationalId));
    await page.getByRole('button', { name: 'ยืนยัน' }).click();
  }
  await page.getByTestId('user-name').waitFor({ timeout: 30_000 });
}

/** Full-page screenshot into test-artifacts/ (gitignored), after the web fonts have loaded. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = new URL(`../../../test-artifacts/${name}.png`, import.meta.url).pathname;
  await page.screenshot({ path, fullPage: true });
  return path;
}
