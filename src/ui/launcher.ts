/**
 * The page the browser is opened with: a file that forwards it to the one-time link. A browser
 * launcher's command line (`xdg-open <url>`) is readable by every user of the computer
 * (/proc/<pid>/cmdline), so the link goes in a file only its owner can read (0600, in the
 * server's 0700 folder) and the command line names that file.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Forwards at once by script (leaving no history entry), else by refresh, else by a link to click. */
export function launcherHtml(url: string): string {
  const href = escapeHtml(url);
  const script = JSON.stringify(url).replaceAll('<', '\\u003c');
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>飞书招聘面试记录导入 · Feishu Hire interview import</title>',
    `<script>location.replace(${script});</script>`,
    `</head><body><p><a href="${href}">打开页面 · Open the page</a></p></body></html>`,
    '',
  ].join('\n');
}

/** Writes the forwarding page into `dir` (the server's private folder), owner-only, and gives its path. */
export async function writeLauncher(dir: string, url: string): Promise<string> {
  const path = join(dir, 'open.html');
  await rm(path, { force: true });
  await writeFile(path, launcherHtml(url), { mode: 0o600, flag: 'wx' });
  return path;
}
