/**
 * The flow the words tests take in each language: the sample with a conclusion written as the
 * old system did (淘汰), checked with its problem rows shown, previewed, and imported while the
 * network goes down for 6 s and Feishu refuses one interview. It gives what the page showed at
 * each step; the tests say what each language must (and must not) show.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers.js';
import type { OpenBrowser } from './browser.js';
import { visible } from './page-text.js';
import { chooseFile, text } from './page-steps.js';
import { SAMPLE, type UiWorld, startWorld } from './ui-server.js';

/** The application the tenant lacks: Feishu refuses its interview's PUT (1002002). */
export const REFUSED_APPLICATION = '6960663240925956003';
/** An interview of the sample that lands, and the refused application's, left out. */
export const LANDS = '7123456789012345001';
export const REFUSED = '7123456789012345003';

/** 150 ms an answer: the import lasts long enough to cut the network in its middle. */
export const outageWorld = (): Promise<UiWorld> =>
  startWorld({ latencyMs: 150, missingApplications: [REFUSED_APPLICATION] });

export interface OutageShown {
  /** The file's text: its words are the user's. */
  readonly sample: string;
  readonly checked: string;
  readonly previewProgress: string;
  readonly trouble: string;
  readonly during: string;
  readonly done: string;
  readonly page: Page;
}

/** The flow in `browser`'s language, against `world`; the page is left open on the result. */
export async function outageFlow(browser: OpenBrowser, world: UiWorld): Promise<OutageShown> {
  // 淘汰 is not one of the tool's words.
  const sample = (await readFile(SAMPLE, 'utf8')).replace(',刘洋,通过,', ',刘洋,淘汰,');
  const file = join(await tempDir(), 'interviews.csv');
  await writeFile(file, sample);
  const page = await browser.context.newPage();
  await page.goto(world.ui.url);
  await chooseFile(page, file);
  await page.check('[data-testid=only-problems]');
  await page.waitForSelector('[data-testid=check-rows] .grid-row');
  const checked = await visible(page);

  await page.click('[data-testid=preview]');
  // The preview says how far it has got while it reads Feishu.
  await page.waitForSelector('[data-testid=preview-progress]');
  const previewProgress = await text(page, '[data-testid=preview-progress]');
  await page.waitForSelector('[data-testid=preview-step] [data-testid=counts]', { timeout: 60_000 });

  await page.click('[data-testid=start]');
  await page.click('[data-testid=confirm-yes]');
  await page.waitForSelector('[data-testid=progress] p');
  // The network goes down under the run: said at once, and the run waits for it.
  const cut = world.sim.restart(6000);
  await page.waitForSelector('[data-testid=trouble]', { timeout: 10_000 });
  const trouble = await text(page, '[data-testid=trouble]');
  const during = await visible(page);
  await cut;
  await page.waitForSelector('[data-testid=import-result]', { timeout: 120_000 });
  return { sample, checked, previewProgress, trouble, during, done: await visible(page), page };
}
