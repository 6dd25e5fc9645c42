import type { Page } from 'playwright-core';

export const SEARCH_PLACEHOLDER = 'ชื่อ-นามสกุล หรือเลขประจำตัวประชาชน 13 หลัก';

/** Searches a (part of a) Thai name on the search page and opens the person's record. */
export async function searchAndOpen(page: Page, query: string, fullName: string): Promise<string> {
  const box = page.getByPlaceholder(SEARCH_PLACEHOLDER);
  await box.fill(query);
  await box.press('Enter');
  const results = page.getByTestId('search-results');
  // Wait for the filtered list (every row matches the query).
  await page.waitForFunction(
    ([q]) => {
      const rows = [...document.querySelectorAll('[data-testid="search-results"] tbody tr.ant-table-row')];
      return rows.length > 0 && rows.every((r) => r.textContent?.includes(q!));
    },
    [query],
  );
  await results.getByRole('link', { name: fullName }).click();
  await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  await page.getByTestId('record').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Fills a date/month text input of the open modal and commits it like a user (Enter). */
export async function typeDate(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.fill(text);
  await input.press('Enter');
}

/**
 * Opens a page from the header menu as a person would: the item itself when it fits, otherwise
 * through the menu's "…" (antd folds what does not fit on the line into it).
 */
export async function openMenu(page: Page, name: string): Promise<void> {
  const header = page.locator('.app-header');
  const item = header.getByRole('menuitem', { name, exact: true });
  // Folded items stay in the line with opacity 0 (rc-overflow), which Playwright counts as visible.
  const shown = await item
    .evaluate((el) => getComputedStyle(el.closest('li') ?? el).opacity !== '0')
    .catch(() => false);
  if (shown) return item.click();
  await header.locator('.ant-menu-overflow-item-rest').hover();
  await page.locator('.ant-menu-submenu-popup').getByRole('menuitem', { name, exact: true }).click();
}
