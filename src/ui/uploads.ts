/**
 * The files the page sends: kept in one private folder (0700, each file 0600) under the system's
 * temporary folder, and removed with everything the previews wrote beside them when the server stops.
 * The folder is named for the server's process, so a later server removes the folders of one that
 * was killed; it keeps the last few files, up to a total.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sheetNames } from './sheets.js';
import { MAX_CSV_BYTES } from '../input/csv-file.js';
import { alive } from '../run/run-lock.js';

/** The largest CSV the CLI reads (src/input/csv-file.ts); an .xlsx holding as much is smaller. */
export const MAX_UPLOAD_BYTES = MAX_CSV_BYTES;
export const UPLOAD_EXTENSIONS = ['.xlsx', '.csv'] as const;

/**
 * What the folder keeps: the last 5 files chosen (a flow uses one; a few more let an earlier run's
 * report still download), and at most two of the largest files together, in a temporary folder
 * that is often memory (tmpfs).
 */
export interface UploadLimits {
  readonly keep: number;
  readonly maxTotal: number;
}
export const UPLOAD_LIMITS: UploadLimits = { keep: 5, maxTotal: 2 * MAX_UPLOAD_BYTES };

/** `fii-ui-<pid>-<random>`: the process that made it, to tell a dead server's folder from a live one's. */
const PREFIX = 'fii-ui-';
const FOLDER = /^fii-ui-(\d+)-/;

export interface Upload {
  readonly id: string;
  /** The file's own name, as the user's computer called it: the messages and report name it so. */
  readonly name: string;
  readonly path: string;
  readonly size: number;
  /** A workbook's visible sheets, read once as it is saved (none for a CSV): the page's sheet box. */
  readonly sheets: readonly string[];
}

export type UploadRefusal = 'extension' | 'size' | 'total';

export class UploadRefused extends Error {
  constructor(readonly kind: UploadRefusal) {
    super(kind);
  }
}

/**
 * A name's length in UTF-8 bytes at most: an import adds up to ~45 bytes to it
 * (`.<YYYYMMDD-HHMMSS>-n.report.xlsx.backup.jsonl`), and the sum stays under 143 bytes, the
 * smallest common limit (eCryptfs home folders; ext4, APFS and NTFS take 255).
 */
export const MAX_NAME_BYTES = 96;

/** Names Windows keeps for devices, with any extension: `CON.xlsx` opens the console there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;

/** `text` cut to at most `bytes` UTF-8 bytes, whole characters only. */
function cutBytes(text: string, bytes: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * A name the user's file had, reduced to one safe path segment with its extension kept: no
 * format characters (a right-to-left override makes `报告\u202Excsl.exe` read as `报告exe.lsxc`),
 * no control or reserved characters, no trailing dots or spaces (Windows drops them), no longer
 * than every file system takes, and never a Windows device name.
 */
export function safeName(name: string): string {
  const base = basename(name.replaceAll('\\', '/'))
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}/:*?"<>|]/gu, '_')
    .trim()
    .replace(/[. ]+$/, '');
  const whole = base === '' || base.startsWith('.') ? `upload${extname(base)}` : base;
  const ext = extname(whole);
  const short =
    Buffer.byteLength(whole) <= MAX_NAME_BYTES
      ? whole
      : `${cutBytes(whole.slice(0, whole.length - ext.length), MAX_NAME_BYTES - Buffer.byteLength(ext))}${ext}`;
  return WINDOWS_DEVICE.test(short) ? `_${short}` : short;
}

/**
 * Removes the upload folders that servers killed before they could (their process is gone): only
 * directories this user owns, so another user's folder in a shared /tmp is never touched.
 * Gives the names removed.
 */
export async function removeStaleFolders(parent = tmpdir()): Promise<string[]> {
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const pid = Number(FOLDER.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || alive(pid)) continue;
    const info = await lstat(join(parent, name)).catch(() => undefined);
    if (!info?.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    await rm(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export class Uploads {
  /** In the order they came: the oldest first. */
  private readonly files = new Map<string, Upload>();
  /** Files a run is reading now: never removed to make room. */
  private readonly held = new Map<string, number>();

  private constructor(
    readonly dir: string,
    readonly limits: UploadLimits,
  ) {}

  static async create(limits: UploadLimits = UPLOAD_LIMITS, parent = tmpdir()): Promise<Uploads> {
    await removeStaleFolders(parent);
    const dir = await mkdtemp(join(parent, `${PREFIX}${process.pid}-`));
    await chmod(dir, 0o700);
    return new Uploads(dir, limits);
  }

  /** Saves a request body as the named file, refusing other extensions and bodies past the caps. */
  async save(name: string, body: Readable, declared: number | undefined): Promise<Upload> {
    const clean = safeName(name);
    if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extname(clean).toLowerCase()))
      throw new UploadRefused('extension');
    if (declared !== undefined && declared > MAX_UPLOAD_BYTES) throw new UploadRefused('size');
    const room = await this.makeRoom(declared ?? 0);
    if (declared !== undefined && declared > room) throw new UploadRefused('total');
    const id = randomBytes(9).toString('base64url');
    const folder = join(this.dir, id);
    await mkdir(folder, { mode: 0o700 });
    const path = join(folder, clean);
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) body.destroy(new UploadRefused('size'));
      else if (size > room) body.destroy(new UploadRefused('total'));
    });
    try {
      await pipeline(body, createWriteStream(path, { mode: 0o600, flags: 'wx' }));
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
    const upload = { id, name: clean, path, size, sheets: await sheetNames(path) };
    this.files.set(id, upload);
    return upload;
  }

  /**
   * Removes the oldest files no run holds until one more fits the count and `incoming` bytes the
   * total; gives the bytes left for the new one.
   */
  private async makeRoom(incoming: number): Promise<number> {
    const total = () => [...this.files.values()].reduce((sum, u) => sum + u.size, 0);
    for (const old of [...this.files.values()]) {
      if (this.files.size < this.limits.keep && total() + incoming <= this.limits.maxTotal) break;
      if (this.held.has(old.id)) continue;
      this.files.delete(old.id);
      await rm(join(this.dir, old.id), { recursive: true, force: true });
    }
    return this.limits.maxTotal - total();
  }

  /** Keeps `upload` while a run reads it; call the answer when the run is over. */
  hold(upload: Upload): () => void {
    this.held.set(upload.id, (this.held.get(upload.id) ?? 0) + 1);
    return () => {
      const n = (this.held.get(upload.id) ?? 1) - 1;
      if (n > 0) this.held.set(upload.id, n);
      else this.held.delete(upload.id);
    };
  }

  get(id: string): Upload | undefined {
    return this.files.get(id);
  }

  /** A path for a file a preview writes beside the upload (its report), inside the private folder. */
  beside(upload: Upload, suffix: string): string {
    return join(this.dir, upload.id, `${basename(upload.name, extname(upload.name))}${suffix}`);
  }

  async removeAll(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
