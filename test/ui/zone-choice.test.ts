import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_CHOICES_FILE } from '../../src/run-paths.js';
import { rememberZone, tenantOf, zoneChoice } from '../../src/ui/zone-choice.js';
import { tempDir } from '../helpers.js';

describe("the page's first time zone", () => {
  it('tells a Lark tenant from a Feishu one by where the page sends', () => {
    expect(tenantOf({})).toBe('feishu');
    expect(tenantOf({ domain: 'feishu' })).toBe('feishu');
    expect(tenantOf({ domain: 'lark' })).toBe('lark');
    expect(tenantOf({ baseUrl: 'https://open.larksuite.com' })).toBe('lark');
    expect(tenantOf({ baseUrl: 'https://open.feishu.cn' })).toBe('feishu');
    // The base URL is where requests go, whatever the domain says; the simulator stands in for Feishu.
    expect(tenantOf({ domain: 'lark', baseUrl: 'https://open.feishu.cn' })).toBe('feishu');
    expect(tenantOf({ baseUrl: 'http://127.0.0.1:8080' })).toBe('feishu');
    expect(tenantOf({ baseUrl: 'https://larksuite.com.example.org' })).toBe('feishu');
  });

  it("starts a Feishu tenant in Beijing time, a Lark one in the browser's zone, and a folder in its last choice", async () => {
    const folder = await tempDir();
    expect(await zoneChoice(folder, 'feishu')).toEqual({ tenant: 'feishu', first: 'Asia/Shanghai' });
    expect(await zoneChoice(folder, 'lark')).toEqual({ tenant: 'lark' });
    await rememberZone(folder, 'Europe/Berlin');
    expect(JSON.parse(await readFile(join(folder, PAGE_CHOICES_FILE), 'utf8'))).toEqual({ tz: 'Europe/Berlin' });
    expect((await stat(join(folder, PAGE_CHOICES_FILE))).mode & 0o777).toBe(0o600);
    expect(await zoneChoice(folder, 'lark')).toEqual({
      tenant: 'lark',
      saved: 'Europe/Berlin',
      first: 'Europe/Berlin',
    });
    // A name that is no zone is not remembered; a broken file is passed over.
    await rememberZone(folder, 'Mars/Base');
    expect(await zoneChoice(folder, 'feishu')).toMatchObject({ saved: 'Europe/Berlin' });
    await writeFile(join(folder, PAGE_CHOICES_FILE), '{"tz": "Mars/Base"}');
    expect(await zoneChoice(folder, 'feishu')).toEqual({ tenant: 'feishu', first: 'Asia/Shanghai' });
  });
});
