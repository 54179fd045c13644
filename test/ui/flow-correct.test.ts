/**
 * The month's correction in the page, in Chinese and in English: one run that renames an
 * interviewer by 评价序号, changes a score and a conclusion, adds a forgotten interview and
 * leaves a removal off unless switched on. The preview groups it, the confirmation repeats the
 * preview's counts and the zone, the simulator then holds what the file says field by field, the
 * run is listed among the folder's imports, marked as the one on screen, and the undo is
 * previewed (restore, delete, leave alone) before it is asked and listed after. The run itself
 * is test/ui/correction-run.ts, taken in each language against that language's words.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { original, seededIds as ids } from '../helpers.js';
import { HEADER } from '../commands/correction-month.js';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import {
  closeCorrections,
  correctionFile,
  correctionInOneRun,
  correctionWords,
  held,
  openCorrection,
} from './correction-run.js';
import { corrected } from '../commands/correction-month.js';
import { type Browser, chineseIn, developerWords, englishIn } from './page-text.js';
import { chooseFile, text } from './page-steps.js';

browserNotice('test/ui/flow-correct.test.ts');

afterEach(closeCorrections);

describe.runIf(HAVE_BROWSER)('one correction run in the page, in Chinese', () => {
  let browser: OpenBrowser;
  beforeAll(async () => {
    browser = await openBrowser('zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('changes, renames and adds in one run; the removal stays off; the undo is previewed and listed', async () => {
    const zh: Record<string, string> = {
      change: '修改',
      create: '新建',
      remove: '删除',
      problem: '有问题，不会导入',
      left: '未导入',
      restore: '恢复',
      delete: '删除',
    };
    await correctionInOneRun(browser, {
      previewFirst: '请先点「预览」，看清会发生什么再导入',
      group: (g, n) => `${zh[g]} ${n}`,
      who: (id, rows) => `${id} · 第 ${rows.join('、')} 行`,
      question:
        '确认写入飞书：新建 1 · 修改 2 · 删除 0 · 无变化 0（不发送） · 不导入 1。没有写时区的时间按北京时间读取。开始后可以停止，已写入的会保留并可撤销。',
      kind: '更正',
      runCounts: '新建 1 · 修改 2 · 无变化 0',
      when: /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/,
      onScreen: '即上方这次导入',
      undoQuestion: '确认撤销：恢复 2 场面试到导入前的内容 · 删除 1 场它新建的面试 · 保持不动 0 场。',
      foreign: (shown) => [...developerWords(shown), ...englishIn(shown, correctionWords())],
      shots: true,
    });
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

  it('changes, renames and adds in one run; the removal stays off; the undo is previewed and listed', async () => {
    const en: Record<string, string> = {
      change: 'Change',
      create: 'New',
      remove: 'Remove',
      problem: 'Problems, not imported',
      left: 'Left out',
      restore: 'Restore',
      delete: 'Delete',
    };
    await correctionInOneRun(browser, {
      previewFirst: 'Preview first, to see what will happen before importing',
      group: (g, n) => `${en[g]} ${n}`,
      who: (id, rows) => `${id} · ${rows.length > 1 ? 'rows' : 'row'} ${rows.join(', ')}`,
      question:
        'Write to Feishu: new 1 · change 2 · remove 0 · unchanged 0 (not sent) · left out 1. Times without a zone are read as Beijing time. You can stop it; what landed stays and can be undone.',
      kind: 'Correction',
      runCounts: 'new 1 · changed 2 · unchanged 0',
      when: /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/,
      onScreen: 'the import shown above',
      undoQuestion:
        'Undo: restore 2 interview(s) as they were before the import · delete 1 it created · leave 0 alone.',
      foreign: (shown) => [...developerWords(shown), ...chineseIn(shown, correctionWords())],
      shots: false,
    });
  });

  it('imports the removal once switched on and leaves the new interview switched off', async () => {
    const { page, world: w } = await openCorrection(browser);
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

  it('lists an import that wrote nothing too: marked as the one on screen, then as nothing to undo; one without a backup as beyond undo', async () => {
    const { page, world: w } = await openCorrection(browser);
    const [a] = ids(3);
    // 张三's assessment as Feishu holds it: the import has nothing to send.
    await chooseFile(
      page,
      await correctionFile([HEADER, [a!, '', '', '', '', '', '', '张三', '', '', '', '']], 'same.xlsx'),
    );
    await page.click('[data-testid=preview]');
    await page.waitForSelector('[data-testid=preview-step] [data-testid=changes]');
    expect(await text(page, '[data-testid=group-unchanged]')).toBe('Unchanged 1');
    await page.click('[data-testid=start]');
    await page.click('[data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=import-result]', { timeout: 30_000 });
    expect(w.sim.stats.requests.put).toBe(0);
    expect(await page.locator('[data-testid=undo]').count()).toBe(0);
    const listed = page.locator('[data-testid=earlier] li', { hasText: 'same.' });
    await listed.locator('.aside').waitFor();
    expect(await listed.getAttribute('data-current')).toBe('true');
    expect(await listed.locator('.kind').textContent()).toBe('Correction');
    expect(await listed.locator('.run-counts').textContent()).toBe('new 0 · changed 0 · unchanged 1');
    expect(await listed.locator('.aside').textContent()).toBe('the import shown above');
    // Another file chosen: the import is no longer on screen, and the list says why it has no undo.
    await chooseFile(page, await correctionFile());
    await page.waitForFunction(
      () => !(globalThis as unknown as Browser).document.querySelector('[data-testid=earlier] li[data-current]'),
    );
    expect(await listed.locator('.aside').textContent()).toBe('wrote nothing, nothing to undo');
    expect(await listed.locator('button').count()).toBe(0);
    // A CLI import in this folder that wrote without a backup (--no-backup): listed, and said to be beyond undo.
    const lines = [
      { t: 'sending', id: a, op: 'put' },
      { t: 'result', id: a, status: 'ok' },
    ];
    const journal = join(w.folder, 'cli.20240302-140000.report.xlsx.journal.jsonl');
    await writeFile(journal, lines.map((l) => JSON.stringify(l)).join('\n'), { mode: 0o600 });
    await page.reload();
    const cli = page.locator('[data-testid=earlier] li', { hasText: 'cli.' });
    await cli.locator('.aside').waitFor();
    expect(await cli.locator('.run-counts').textContent()).toBe('new 0 · changed 1 · unchanged 0');
    expect(await cli.locator('.aside').textContent()).toBe('kept no backup, so it cannot be undone');
    await page.close();
  });
});
