/**
 * The files the page sends: kept in one private folder (0700, each file 0600) under the system's
 * temporary folder, and removed with everything the previews wrote beside them when the server stops.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_CSV_BYTES } from '../input/csv-file.js';

/** The largest CSV the CLI reads (src/input/csv-file.ts); an .xlsx holding as much is smaller. */
export const MAX_UPLOAD_BYTES = MAX_CSV_BYTES;
export const UPLOAD_EXTENSIONS = ['.xlsx', '.csv'] as const;

export interface Upload {
  readonly id: string;
  /** The file's own name, as the user's computer called it: the messages and report name it so. */
  readonly name: string;
  readonly path: string;
  readonly size: number;
}

export type UploadRefusal = 'extension' | 'size';

export class UploadRefused extends Error {
  constructor(readonly kind: UploadRefusal) {
    super(kind);
  }
}

/** A name the user's file had, reduced to one safe path segment with its extension kept. */
export function safeName(name: string): string {
  const base = basename(name.replaceAll('\\', '/')).replace(/[\p{Cc}/:*?"<>|]/gu, '_');
  return base === '' || base.startsWith('.') ? `upload${extname(base)}` : base;
}

export class Uploads {
  private readonly files = new Map<string, Upload>();

  private constructor(readonly dir: string) {}

  static async create(): Promise<Uploads> {
    const dir = await mkdtemp(join(tmpdir(), 'fii-ui-'));
    await chmod(dir, 0o700);
    return new Uploads(dir);
  }

  /** Saves a request body as the named file, refusing other extensions and bodies past the cap. */
  async save(name: string, body: Readable, declared: number | undefined): Promise<Upload> {
    const clean = safeName(name);
    if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extname(clean).toLowerCase()))
      throw new UploadRefused('extension');
    if (declared !== undefined && declared > MAX_UPLOAD_BYTES) throw new UploadRefused('size');
    const id = randomBytes(9).toString('base64url');
    const folder = join(this.dir, id);
    await mkdir(folder, { mode: 0o700 });
    const path = join(folder, clean);
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) body.destroy(new UploadRefused('size'));
    });
    try {
      await pipeline(body, createWriteStream(path, { mode: 0o600, flags: 'wx' }));
    } catch (error) {
      await unlink(path).catch(() => {});
      throw error;
    }
    const upload = { id, name: clean, path, size };
    this.files.set(id, upload);
    return upload;
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
