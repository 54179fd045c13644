/**
 * The month's correction in the page, in Chinese and in English: one run that renames an
 * interviewer by 评价序号, changes a score and a conclusion, adds a forgotten interview and
 * leaves a removal off unless switched on. The preview groups it, the confirmation repeats the
 * preview's counts and the zone, the simulator then holds what the file says field by field, and
 * the undo is previewed (restore, delete, leave alone) before it is asked and listed after.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewBody } from '../../src/feishu/body.js';
import { InterviewStore } from '../../src/simulator/store.js';
import { original, seededIds as ids, tempDir } from '../helpers.js';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { chooseFile, shot, text } from './page-steps.js';
import { NEW_APP, correctionRows } from '../commands/correction-month.js';
import { type UiWorld, startWorld } from './ui-server.js';

browserNotice('test/ui/flow-correct.test.ts');

/** The month's correction (test/commands/correction-month.ts), as an HR person saves it from Excel. */
async function correctionFile(): Promise<string> {
  const rows = correctionRows();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('更正');
  for (const r of rows) sheet.addRow(r);
  const file = join(await tempDir(), '十二月更正.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

/** What Feishu must hold after the correction, field by field. */
function corrected(): { a: InterviewBody; b: InterviewBody; created: InterviewBody } {
  const [zhang, li] = original(0).interview_assessments!;
  const b = original(1);
  return {
    a: {
      ...original(0),
      interview_assessments: [
        {
          ...zhang,
          username: '王五',
          conclusion: 1,
          assessment_dimension_list: [{ score: 95, assessment_type: 1, title: '专业' }],
        },
        li!,
      ],
    },
    b: {
      ...b,
      interview_assessments: [b.interview_assessments![0]!, { ...b.interview_assessments![1]!, conclusion: 2 }],
    },
    created: {
      external_id: 'ATS-NEW-1',
      external_application_id: NEW_APP,
      participate_status: 2,
      begin_time: Date.UTC(2025, 11, 2, 6),
      end_time: Date.UTC(2025, 11, 2, 7),
      interview_assessments: [
        {
          username: '赵六',
          conclusion: 2,
          assessment_dimension_list: [{ score: 77, assessment_type: 1, title: '专业' }],
        },
      ],
    },
  };
}

const count = async (page: Page, group: string) =>
  Number((await text(page, `[data-testid=preview-step] [data-testid=group-${group}]`)).replace(/\D+/g, ''));

let world: UiWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function open(browser: OpenBrowser): Promise<{ page: Page; world: UiWorld }> {
  world = await startWorld({ seed: ids(3).map((id, i) => [id, original(i)]) });
  const page = await browser.context.newPage();
  await page.goto(world.ui.url);
  await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
  return { page, world };
}

const held = (w: UiWorld, id: string) => InterviewStore.bodyOf(w.sim.store.get(id)!);
const createdId = (w: UiWorld) => [...w.sim.stats.created.keys()][0]!;

describe.runIf(HAVE_BROWSER)('one correction run in the page, in Chinese', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await openBrowser('zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('changes, renames and adds in one run; the removal stays off; the undo is previewed and listed', async () => {
    const { page, world: w } = await open(browser);
    const [a, b, c] = ids(3);
    // No mode to pick up front.
    expect(await page.locator('input[name=mode]').count()).toBe(0);
    await chooseFile(page, await correctionFile());
    expect(await text(page, '[data-testid=import-step] .hint')).toBe('请先点「预览」，看清会发生什么再导入');
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    expect(await text(page, '[data-testid=group-change]')).toBe('修改 2');
    expect(await text(page, '[data-testid=group-create]')).toBe('新建 1');
    expect(await text(page, '[data-testid=group-remove]')).toBe('删除 1');
    expect(await text(page, '[data-testid=group-problem]')).toBe('有问题，不会导入 1');
    // 修改 field by field, in the page's words: the rename, the conclusion and the score.
    const fieldsOfA = await page.locator(`[data-group=change] li[data-id="${a}"] .fields li`).allTextContents();
    expect(fieldsOfA.join('\n')).toContain('王五');
    expect(fieldsOfA.length).toBeGreaterThanOrEqual(3);
    expect(await text(page, `[data-group=change] li[data-id="${a}"] .who`)).toBe(`${a} · 第 2、3 行`);
    // 新建 on (its rows carry what a new interview needs); 删除 off, named.
    expect(await page.isChecked('[data-group=create] li[data-id="external_id:ATS-NEW-1"] input')).toBe(true);
    expect(await page.isChecked(`[data-group=remove] li[data-id="${c}"] input`)).toBe(false);
    expect(await text(page, `[data-group=remove] li[data-id="${c}"] .who`)).toBe(`${c} · 第 5 行`);
    expect(await text(page, '[data-group=problem] li .fields')).toContain('ATS-NEW-2');
    await shot(page, 'correct-preview');

    await page.click('[data-testid=start]');
    const question = await text(page, '[data-testid=confirm] p');
    expect(question).toBe(
      '确认写入飞书：新建 1 · 修改 2 · 删除 0 · 无变化 0（不发送） · 不导入 1。没有写时区的时间按北京时间读取。开始后可以停止，已写入的会保留并可撤销。',
    );
    // The confirmation's counts are the preview's, the removal left off.
    const asked = question.match(/\d+/g)!.map(Number);
    expect(asked.slice(0, 3)).toEqual([await count(page, 'create'), await count(page, 'change'), 0]);
    expect(asked[4]).toBe(await count(page, 'remove'));
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=import-result] [data-testid=group-change]')).toBe('修改 2');
    expect(await text(page, '[data-testid=import-result] [data-testid=group-create]')).toBe('新建 1');
    expect(await text(page, '[data-testid=import-result] [data-testid=group-left]')).toBe('未导入 1');

    const want = corrected();
    expect(held(w, a!)).toEqual(want.a);
    expect(held(w, b!)).toEqual(want.b);
    expect(held(w, c!)).toEqual(original(2));
    expect(w.sim.stats.created.size).toBe(1);
    expect(held(w, createdId(w))).toEqual(want.created);
    // The earlier-imports list: its local time, kind and counts.
    const listed = page.locator('[data-testid=earlier] li', { hasText: '十二月更正' });
    await listed.locator('.run-counts').waitFor();
    expect(await listed.locator('.kind').textContent()).toBe('更正');
    expect(await listed.locator('.run-counts').textContent()).toBe('新建 1 · 修改 2 · 无变化 0');
    expect(await listed.locator('.when').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    await shot(page, 'correct-result');

    // The undo: previewed before it is asked, then listed; the import's result stays on screen.
    await page.click('[data-testid=undo]');
    await page.waitForSelector('[data-testid=undo-preview] [data-testid=confirm]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=undo-preview] [data-testid=confirm] p')).toBe(
      '确认撤销：恢复 2 场面试到导入前的内容 · 删除 1 场它新建的面试 · 保持不动 0 场。',
    );
    expect(await text(page, '[data-testid=undo-preview] [data-testid=group-restore]')).toBe('恢复 2');
    expect(await text(page, '[data-testid=undo-preview] [data-testid=group-delete]')).toBe('删除 1');
    expect(w.sim.stats.requests.delete).toBe(0);
    expect(held(w, a!)).toEqual(want.a);
    await page.click('[data-testid=undo-preview] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=undo-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=undo-step] [data-testid=group-restore]')).toBe('恢复 2');
    expect(await text(page, '[data-testid=undo-step] [data-testid=group-delete]')).toBe('删除 1');
    expect(await page.locator('[data-testid=import-result]').count()).toBe(1);
    expect(held(w, a!)).toEqual(original(0));
    expect(held(w, b!)).toEqual(original(1));
    expect(w.sim.stats.deleted).toEqual([createdId(w)]);
    await shot(page, 'correct-undo');
    await page.close();
  });
});

describe.runIf(HAVE_BROWSER)('one correction run in the page, in English', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await openBrowser('en-US');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports the removal once switched on and leaves the new interview switched off', async () => {
    const { page, world: w } = await open(browser);
    const [a, , c] = ids(3);
    await chooseFile(page, await correctionFile());
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    expect(await text(page, '[data-testid=group-change]')).toBe('Change 2');
    await page.check(`[data-group=remove] li[data-id="${c}"] input`);
    await page.uncheck('[data-testid=all-create]');
    await page.click('[data-testid=start]');
    expect(await text(page, '[data-testid=confirm] p')).toBe(
      'Write to Feishu: new 0 · change 2 · remove 1 · unchanged 0 (not sent) · left out 1. Times without a zone are read as Beijing time. You can stop it; what landed stays and can be undone.',
    );
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=import-result] [data-testid=group-remove]')).toBe('Remove 1');
    expect(await text(page, '[data-testid=import-result] [data-testid=group-left]')).toBe('Left out 1');
    const { begin_time: _gone, ...rest } = original(2);
    expect(held(w, c!)).toEqual(rest);
    expect(held(w, a!)).toEqual(corrected().a);
    expect(w.sim.stats.created.size).toBe(0);

    await page.click('[data-testid=undo]');
    await page.waitForSelector('[data-testid=undo-preview] [data-testid=confirm]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=undo-preview] [data-testid=confirm] p')).toBe(
      'Undo: restore 3 interview(s) as they were before the import · delete 0 it created · leave 0 alone.',
    );
    await page.click('[data-testid=undo-preview] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=undo-result]', { timeout: 30_000 });
    expect(await text(page, '[data-testid=undo-step] [data-testid=group-restore]')).toBe('Restore 3');
    expect(held(w, c!)).toEqual(original(2));
    await page.close();
  });
});
