/**
 * Chromium for the page's browser tests: the system's (/usr/bin/chromium, or CHROMIUM_PATH),
 * driven by playwright-core; Playwright's own browser download cannot work here. Without one the
 * tests say so plainly and skip, unless REQUIRE_BROWSER=1 (CI), where a missing browser fails.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);
export const REQUIRE_BROWSER = process.env.REQUIRE_BROWSER === '1';

/** What a skipped run prints, once per file. */
export function browserNotice(file: string): void {
  if (!HAVE_BROWSER && !REQUIRE_BROWSER)
    process.stderr.write(
      `${file}: browser tests skipped: no Chromium at ${CHROMIUM} (install it, e.g. apt-get install -y chromium, or set CHROMIUM_PATH)\n`,
    );
}

/**
 * The flags keep a headless Chromium off the network it would otherwise call on its own (the
 * closed network here refuses those connections and the browser stalls on them).
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium with a new, empty profile, in `locale` and the time zone of its people. */
export async function openBrowser(locale: string, timezoneId = 'Asia/Shanghai'): Promise<OpenBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'fii-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    locale,
    timezoneId,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
