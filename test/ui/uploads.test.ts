import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UploadRefused, Uploads, removeStaleFolders } from '../../src/ui/uploads.js';
import { tempDir } from '../helpers.js';

const body = (bytes: number) => Readable.from([Buffer.alloc(bytes, 'x')]);

/** A process id that is no process's now: one that ran and ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('the private upload folder', () => {
  it('is named for its process, and a later server removes those of servers that were killed', async () => {
    const parent = await tempDir();
    const dead = join(parent, `fii-ui-${deadPid()}-abc123`);
    const live = join(parent, `fii-ui-${process.ppid}-def456`);
    const other = join(parent, 'fii-chromium-xyz');
    for (const dir of [dead, live, other]) await mkdir(join(dir, 'id'), { recursive: true });
    const uploads = await Uploads.create(undefined, parent);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(uploads.dir).toMatch(new RegExp(`/fii-ui-${process.pid}-[\\w]+$`));
    expect((await stat(uploads.dir)).mode & 0o777).toBe(0o700);
    expect(await removeStaleFolders(parent)).toEqual([]);
    await uploads.removeAll();
  });

  it('keeps the last few files, removing the oldest, and refuses one past the total while a run holds the rest', async () => {
    const uploads = await Uploads.create({ keep: 2, maxTotal: 1000 }, await tempDir());
    const a = await uploads.save('a.csv', body(400), 400);
    const b = await uploads.save('b.csv', body(400), 400);
    const c = await uploads.save('c.csv', body(100), 100);
    // Two kept: the oldest went, with its folder.
    expect(uploads.get(a.id)).toBeUndefined();
    expect(existsSync(join(uploads.dir, a.id))).toBe(false);
    expect((await readdir(uploads.dir)).sort()).toEqual([b.id, c.id].sort());
    // A file that fits only once an older one goes: the oldest goes, no more.
    const d = await uploads.save('d.csv', body(900), 900);
    expect(uploads.get(b.id)).toBeUndefined();
    expect(uploads.get(c.id)?.size).toBe(100);
    // A run reading d holds it: a second large file does not fit beside it, declared or not.
    const release = uploads.hold(d);
    await expect(uploads.save('e.csv', body(200), 200)).rejects.toEqual(new UploadRefused('total'));
    await expect(uploads.save('e.csv', body(200), undefined)).rejects.toEqual(new UploadRefused('total'));
    expect(await readdir(uploads.dir)).toEqual([d.id]);
    release();
    const e = await uploads.save('e.csv', body(200), 200);
    expect(uploads.get(d.id)).toBeUndefined();
    expect(uploads.get(e.id)?.size).toBe(200);
    await uploads.removeAll();
  });
});
