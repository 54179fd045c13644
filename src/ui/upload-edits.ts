/**
 * The changes the user made to an uploaded file's cells in the page (fix in place), kept with the
 * upload in its private folder: each version a file of its own (`edits-<n>.json`, 0600, never
 * rewritten), so a run reads the version it started with while the user goes on editing. The
 * library applies them as it reads the file (src/input/edits.ts): the check, the preview and the
 * import all see them.
 */
import { join } from 'node:path';
import type { CellEdit } from '../input/edits.js';
import { writePrivate } from '../report/private-file.js';
import type { Upload, Uploads } from './uploads.js';

/** The edits a run reads: their file and how many they are (the run's grid shows the file as of those). */
export interface EditsVersion {
  readonly path: string;
  readonly list: readonly CellEdit[];
}

/** How many edits one upload keeps: a month's corrections are tens; a bound on what a page can pile up. */
export const MAX_EDITS = 10_000;

export class UploadEdits {
  private readonly lists = new Map<string, CellEdit[]>();
  private readonly versions = new Map<string, EditsVersion>();
  private serial = 0;

  constructor(private readonly uploads: Uploads) {}

  list(upload: Upload): readonly CellEdit[] {
    return this.lists.get(upload.id) ?? [];
  }

  /** The version a run started now reads; none while the file has no edits. */
  current(upload: Upload): EditsVersion | undefined {
    return this.list(upload).length > 0 ? this.versions.get(upload.id) : undefined;
  }

  /** Adds `edit` (or takes back the last one) and writes the new version; gives the list. */
  async change(upload: Upload, change: { edit: CellEdit } | { undo: true }): Promise<readonly CellEdit[]> {
    const list = [...this.list(upload)];
    if ('edit' in change) list.push(change.edit);
    else list.pop();
    if (list.length > MAX_EDITS) throw new RangeError('too many edits');
    const path = join(this.uploads.dir, upload.id, `edits-${++this.serial}.json`);
    await writePrivate(path, `${JSON.stringify({ edits: list }, null, 1)}\n`);
    // The upload may have been removed to make room meanwhile: its edits go with it.
    if (!this.uploads.get(upload.id)) return [];
    this.lists.set(upload.id, list);
    this.versions.set(upload.id, { path, list });
    return list;
  }

  /**
   * The edits made since `version` (a run's), when they only add to it; undefined when one it
   * holds was taken back since (only a whole check then shows the file as it is).
   */
  since(upload: Upload, version: EditsVersion | undefined): readonly CellEdit[] | undefined {
    const now = this.list(upload);
    const before = version?.list ?? [];
    if (before.length > now.length || before.some((e, i) => now[i] !== e)) return undefined;
    return now.slice(before.length);
  }
}
