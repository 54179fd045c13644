/**
 * The month's correction in the page (test/commands/correction-month.ts), for the Chinese and the
 * English browser tests: the file as an HR person saves it from Excel, what Feishu must hold
 * after it, and the one run that changes, renames and adds, taken the same way in each language
 * and checked against that language's words.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { InterviewStore } from '../../src/simulator/store.js';
import { original, seededIds as ids, tempDir } from '../helpers.js';
import { corrected, correctionRows } from '../commands/correction-month.js';
import type { OpenBrowser } from './browser.js';
import { visible } from './page-text.js';
import { chooseFile, shot, text } from './page-steps.js';
import { type UiWorld, startWorld } from './ui-server.js';

/** The month's correction (or other `rows`, header first), as an HR person saves it from Excel. */
export async function correctionFile(rows = correctionRows(), name = '十二月更正.xlsx'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('更正');
  for (const r of rows) sheet.addRow(r);
  const file = join(await tempDir(), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The file's own words (its sheet, name, headers and cells): the page may repeat them as they are. */
export const correctionWords = () => ['更正', '十二月更正', ...correctionRows().flat()].join('\n');

const opened: UiWorld[] = [];

/** A tenant holding the first three seeded interviews, and the page open on it. */
export async function openCorrection(browser: OpenBrowser): Promise<{ page: Page; world: UiWorld }> {
  const world = await startWorld({ seed: ids(3).map((id, i) => [id, original(i)]) });
  opened.push(world);
  const page = await browser.context.newPage();
  await page.goto(world.ui.url);
  await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
  return { page, world };
}

/** Closes the worlds `openCorrection` started (after each test). */
export async function closeCorrections(): Promise<void> {
  for (const w of opened.splice(0)) await w.close();
}

export const held = (w: UiWorld, id: string) => InterviewStore.bodyOf(w.sim.store.get(id)!);
export const createdId = (w: UiWorld) => [...w.sim.stats.created.keys()][0]!;

const count = async (page: Page, group: string) =>
  Number((await text(page, `[data-testid=preview-step] [data-testid=group-${group}]`)).replace(/\D+/g, ''));

/** What the page says at each step of the correction, in one language. */
export interface CorrectionSays {
  readonly previewFirst: string;
  /** The preview's groups and the result's, by group: 修改 2. */
  readonly group: (group: string, n: number) => string;
  /** An interview named in a group, with its rows: `a · 第 2、3 行`. */
  readonly who: (id: string, rows: readonly number[]) => string;
  readonly question: string;
  readonly kind: string;
  readonly runCounts: string;
  readonly when: RegExp;
  readonly onScreen: string;
  readonly undoQuestion: string;
  /** Words the page's user cannot read (another language's, a developer's): none is allowed. */
  readonly foreign: (shown: string) => string[];
  /** Screenshots for the README are of one language only. */
  readonly shots: boolean;
}

/**
 * One correction run: no mode to pick; preview first; 修改 field by field, 新建 on, 删除 off;
 * the confirmation repeats the preview's counts; Feishu then holds what the file says; the run is
 * listed, marked as the one on screen; the undo is previewed before it is asked, then listed.
 */
export async function correctionInOneRun(browser: OpenBrowser, says: CorrectionSays): Promise<void> {
  const { page, world: w } = await openCorrection(browser);
  const [a, b, c] = ids(3);
  const snap = (name: string) => (says.shots ? shot(page, name) : Promise.resolve());
  expect(await page.locator('input[name=mode]').count()).toBe(0);
  await chooseFile(page, await correctionFile());
  expect(await text(page, '[data-testid=import-step] .hint')).toBe(says.previewFirst);
  await page.click('[data-testid=preview]');
  await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
  for (const [g, n] of [
    ['change', 2],
    ['create', 1],
    ['remove', 1],
    ['problem', 1],
  ] as const)
    expect(await text(page, `[data-testid=group-${g}]`)).toBe(says.group(g, n));
  // 修改 field by field, in the page's words: the rename, the conclusion and the score.
  const fieldsOfA = await page.locator(`[data-group=change] li[data-id="${a}"] .fields li`).allTextContents();
  expect(fieldsOfA.join('\n')).toContain('王五');
  expect(fieldsOfA.length).toBeGreaterThanOrEqual(3);
  expect(await text(page, `[data-group=change] li[data-id="${a}"] .who`)).toBe(says.who(a!, [2, 3]));
  // 新建 on (its rows carry what a new interview needs); 删除 off, named.
  expect(await page.isChecked('[data-group=create] li[data-id="external_id:ATS-NEW-1"] input')).toBe(true);
  expect(await page.isChecked(`[data-group=remove] li[data-id="${c}"] input`)).toBe(false);
  expect(await text(page, `[data-group=remove] li[data-id="${c}"] .who`)).toBe(says.who(c!, [5]));
  expect(await text(page, '[data-group=problem] li .fields')).toContain('ATS-NEW-2');
  expect(says.foreign(await visible(page))).toEqual([]);
  await snap('correct-preview');

  await page.click('[data-testid=start]');
  const question = await text(page, '[data-testid=confirm] p');
  expect(question).toBe(says.question);
  // The confirmation's counts are the preview's, the removal left off.
  const asked = question.match(/\d+/g)!.map(Number);
  expect(asked.slice(0, 3)).toEqual([await count(page, 'create'), await count(page, 'change'), 0]);
  expect(asked[4]).toBe(await count(page, 'remove'));
  await page.click('[data-testid=confirm-yes]');
  await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
  for (const [g, n] of [
    ['change', 2],
    ['create', 1],
    ['left', 1],
  ] as const)
    expect(await text(page, `[data-testid=import-result] [data-testid=group-${g}]`)).toBe(says.group(g, n));

  const want = corrected();
  expect(held(w, a!)).toEqual(want.a);
  expect(held(w, b!)).toEqual(want.b);
  expect(held(w, c!)).toEqual(original(2));
  expect(w.sim.stats.created.size).toBe(1);
  expect(held(w, createdId(w))).toEqual(want.created);
  // The folder's imports list it once it has ended: its local time, kind and counts, marked as the one above.
  const listed = page.locator('[data-testid=earlier] li', { hasText: '十二月更正' });
  await listed.locator('.aside').waitFor();
  expect(await listed.getAttribute('data-current')).toBe('true');
  expect(await listed.locator('.kind').textContent()).toBe(says.kind);
  expect(await listed.locator('.run-counts').textContent()).toBe(says.runCounts);
  expect(await listed.locator('.when').textContent()).toMatch(says.when);
  expect(await listed.locator('.aside').textContent()).toBe(says.onScreen);
  expect(await listed.locator('button').count()).toBe(0);
  expect(says.foreign(await visible(page))).toEqual([]);
  await snap('correct-result');

  // The undo: previewed before it is asked, then listed; the import's result stays on screen.
  await page.click('[data-testid=undo]');
  await page.waitForSelector('[data-testid=undo-preview] [data-testid=confirm]', { timeout: 30_000 });
  expect(await text(page, '[data-testid=undo-preview] [data-testid=confirm] p')).toBe(says.undoQuestion);
  expect(await text(page, '[data-testid=undo-preview] [data-testid=group-restore]')).toBe(says.group('restore', 2));
  expect(await text(page, '[data-testid=undo-preview] [data-testid=group-delete]')).toBe(says.group('delete', 1));
  expect(w.sim.stats.requests.delete).toBe(0);
  expect(held(w, a!)).toEqual(want.a);
  await page.click('[data-testid=undo-preview] [data-testid=confirm-yes]');
  await page.waitForSelector('[data-testid=undo-result]', { timeout: 30_000 });
  expect(await text(page, '[data-testid=undo-step] [data-testid=group-restore]')).toBe(says.group('restore', 2));
  expect(await text(page, '[data-testid=undo-step] [data-testid=group-delete]')).toBe(says.group('delete', 1));
  expect(await page.locator('[data-testid=import-result]').count()).toBe(1);
  expect(held(w, a!)).toEqual(original(0));
  expect(held(w, b!)).toEqual(original(1));
  expect(w.sim.stats.deleted).toEqual([createdId(w)]);
  expect(says.foreign(await visible(page))).toEqual([]);
  await snap('correct-undo');
  await page.close();
}
