/**
 * The English counterpart of flow-words.test.ts's first test, in a real (headless) Chromium whose
 * language is English: a flow with row errors, a network cut in the middle of the import and a
 * Feishu refusal shows no flag, no code and no Chinese beyond the file's own words (its name,
 * headers, cells and IDs); the cut is named while it lasts and the run waits it out. Skipped
 * where no Chromium is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_BROWSER, type OpenBrowser, browserNotice, openBrowser } from './browser.js';
import { LANDS, REFUSED, outageFlow, outageWorld } from './outage-flow.js';
import { chineseIn, developerWords } from './page-text.js';
import type { UiWorld } from './ui-server.js';

browserNotice('test/ui/flow-words-en.test.ts');

describe.runIf(HAVE_BROWSER)("the page says what happens in its user's words, in English", () => {
  let world: UiWorld;
  let browser: OpenBrowser;
  beforeAll(async () => {
    world = await outageWorld();
    browser = await openBrowser('en-US');
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('an English flow with row errors, a network cut and a Feishu refusal: no flag, no code, no Chinese; the cut named and waited out', async () => {
    const { sample, checked, previewProgress, trouble, during, done, page } = await outageFlow(browser, world);
    // The file's name belongs to the user too.
    const theirs = `${sample}\ninterviews.csv`;
    expect(checked).toContain('row ');
    expect(developerWords(checked)).toEqual([]);
    expect(chineseIn(checked, theirs)).toEqual([]);
    // The enumeration's values as the file may hold them, the cell's own word quoted.
    expect(checked).toContain('expected one of ');
    expect(checked).toContain('got "淘汰"');
    expect(previewProgress).toMatch(/^Reading the current records from Feishu…/);
    // The cut, said at once in words, while the run waits for it.
    expect(trouble).toMatch(/^Cannot reach Feishu: retried \d+ times, waiting…$|^Feishu is unavailable for now/);
    expect(developerWords(during)).toEqual([]);
    expect(chineseIn(during, theirs)).toEqual([]);
    expect(developerWords(done)).toEqual([]);
    expect(chineseIn(done, theirs)).toEqual([]);
    // Feishu's refusal is said in words; its code waits in the closed details line.
    expect(done).toContain('Feishu refused this interview as written');
    expect(done).not.toContain('1002002');
    expect(done).not.toContain('already used by');
    // Nothing failed for the cut: the interviews landed, the refused one alone is left out.
    expect(world.sim.store.get(LANDS)?.participate_status).toBe(2);
    expect(world.sim.store.get(REFUSED)?.participate_status).toBeUndefined();
    expect(done).not.toMatch(/could not reach Feishu \(/i);
    // The import's problems said as the check said them: the cell's own word, one row as one.
    expect(done).toContain('row 17, column 面试结论: expected one of fail, pass, pending, got "淘汰"');
    expect(done).not.toContain('got ""');
    expect(done).not.toContain('(1 rows)');
    // The import just done is in the list of the folder's imports once it has ended, marked as the one above.
    const listed = page.locator('[data-testid=earlier] li[data-current]');
    await listed.locator('.aside').waitFor();
    expect(await page.locator('[data-testid=earlier] li').count()).toBe(1);
    expect(await listed.locator('.kind').textContent()).toBe('Correction');
    expect(await listed.locator('.run-counts').textContent()).toBe('new 0 · changed 27 · unchanged 0 · not written 1');
    expect(await listed.locator('.when').textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    expect(await listed.locator('.aside').textContent()).toBe('the import shown above');
    // Its undo is the one beside its result: none in the list.
    expect(await listed.locator('button').count()).toBe(0);
    await page.close();
  }, 240_000);
});
