/** Steps of the page as a user takes them, for the zh and en browser tests. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers.js';

/** Screenshots for the README, written only when asked (UPDATE_SCREENSHOTS=1), then committed. */
export async function shot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(ROOT, 'docs', `ui-${name}.png`), fullPage: true });
}

export async function chooseFile(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForSelector('[data-testid=check-step] [data-testid=counts]');
}

/** Clicks a link that downloads, and gives the file's suggested name, first bytes and where it was saved. */
export async function download(page: Page, selector: string): Promise<{ name: string; head: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await d.path();
  return { name: d.suggestedFilename(), head: (await readFile(path)).subarray(0, 2).toString('latin1'), path };
}

/**
 * What an HR person does in Excel with an import's report: change one cell under `column` from
 * `from` to `to`, and save it under another name, to import as a correction.
 */
export async function editReport(report: string, out: string, column: string, from: string, to: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(report);
  const sheet = workbook.worksheets[0]!;
  let at = 0;
  sheet.getRow(1).eachCell((cell, n) => {
    if (cell.text === column) at = n;
  });
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cell = sheet.getRow(r).getCell(at);
    if (cell.text === from) {
      cell.value = to;
      break;
    }
  }
  await workbook.xlsx.writeFile(out);
}

export const text = async (page: Page, selector: string) => (await page.textContent(selector))?.trim() ?? '';
