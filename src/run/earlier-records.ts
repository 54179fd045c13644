import { BACKUP_SUFFIX, JOURNAL_SUFFIX } from '../run-paths.js';
import { reportFormatOf } from '../report-formats.js';
import { FILES } from '../report/messages.js';
import { say } from '../messages.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ToolError } from '../errors.js';
import { LEGACY_PREFIX } from '../plan/group.js';
import { readReportLines } from './earlier-reports.js';
import type { HeaderMapping } from '../input/headers.js';
import type { InterviewBody } from '../feishu/body.js';
import { type KnownKeys, keysOfBody } from './known-keys.js';

/** A Feishu id as the tool writes one: digits only; anything else in a record is not ours. */
const FEISHU_ID = /^\d{1,30}$/;

/** One thing an earlier run wrote down: this legacy key is this Feishu interview (in this application, where known). */
interface Entry {
  readonly id: string;
  readonly application?: string;
}

/**
 * What the tool's earlier runs wrote down of legacy interviews (legacy key → Feishu id): the
 * journals' `result` lines, the backups' lines with a body (`created: true` among them) and the
 * reports' interview ID column. Where Feishu's reads carry no `external_id`, these are the only
 * proof of which interview is which (docs/feishu-api.md, "Batch query"); each is still checked
 * against what Feishu holds now.
 */
export class EarlierRecords {
  private readonly byKey = new Map<string, Entry[]>();
  private readonly ids = new Set<string>();
  /** Feishu id → the legacy keys some record gives it. */
  private readonly keysById = new Map<string, Set<string>>();
  /** By Feishu id, the keys the newest backup line says the tool left there. */
  private readonly keys = new Map<string, KnownKeys>();
  /** Files that held at least one record. */
  files = 0;

  /** Remembers the keys of a body the tool created or wrote, unless a newer line already said. */
  wrote(id: string, body: InterviewBody, at: string): void {
    const seen = this.keys.get(id);
    if (!seen || seen.at <= at) this.keys.set(id, keysOfBody(body, at));
  }

  /** The keys the tool last wrote to this interview, if its records say. */
  keysOf(id: string): KnownKeys | undefined {
    return this.keys.get(id);
  }

  add(externalId: string, id: string, application?: string): void {
    if (!FEISHU_ID.test(id) || externalId === '') return;
    const list = this.byKey.get(externalId) ?? [];
    if (!list.some((e) => e.id === id && e.application === application)) list.push({ id, application });
    this.byKey.set(externalId, list);
    this.ids.add(id);
    const keys = this.keysById.get(id) ?? new Set<string>();
    keys.add(externalId);
    this.keysById.set(id, keys);
  }

  /** The Feishu ids the records give a legacy key, in this application or in one they do not name. */
  named(externalId: string, application: string): string[] {
    const list = this.byKey.get(externalId) ?? [];
    return [...new Set(list.filter((e) => !e.application || e.application === application).map((e) => e.id))];
  }

  /** The Feishu ids the records give a legacy key, whatever the application. */
  namedAnywhere(externalId: string): string[] {
    return [...new Set((this.byKey.get(externalId) ?? []).map((e) => e.id))];
  }

  /** Every legacy key the records name in this application (or in one they do not name). */
  keysIn(application: string): string[] {
    return [...this.byKey]
      .filter(([, list]) => list.some((e) => !e.application || e.application === application))
      .map(([k]) => k);
  }

  /** The legacy keys the records give this Feishu id (in this application, or in one they do not name). */
  keysNaming(id: string, application: string): string[] {
    return [...(this.keysById.get(id) ?? [])].filter((key) => this.named(key, application).includes(id));
  }

  /** True when some record gives this Feishu id to a legacy key: the interview is accounted for. */
  accounts(id: string): boolean {
    return this.ids.has(id);
  }
}

/**
 * Reads every record in the given folders (or files), once, in one pass over each file: the
 * folder of the run's report always, and any `--records` given. A file that cannot be read or is
 * not one of ours is passed over; a `--records` path that does not exist stops the run.
 */
export async function readEarlierRecords(
  reportFolder: string,
  given: readonly string[] = [],
  /** The run's `--map`: a report of a run that read a mapped file names its columns as that file did. */
  mapping?: HeaderMapping,
): Promise<EarlierRecords> {
  const records = new EarlierRecords();
  const files = new Set<string>();
  for (const file of await filesIn(reportFolder, false)) files.add(file);
  for (const path of given) for (const file of await filesIn(path, true)) files.add(file);
  for (const file of files) {
    const before = records.files;
    try {
      if (await readOne(file, records, mapping)) records.files = before + 1;
    } catch {
      // Not one of ours, or torn: it proves nothing either way.
    }
  }
  return records;
}

/** The candidate files of a folder (not its subfolders), or the one file named. */
async function filesIn(path: string, required: boolean): Promise<string[]> {
  const full = resolve(path);
  try {
    if ((await stat(full)).isFile()) return [full];
    const names = await readdir(full);
    return names.filter(isRecordName).map((n) => join(full, n));
  } catch (error) {
    if (!required) return [];
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ToolError('USAGE_RECORDS_UNREADABLE', say(FILES.recordsUnreadable({ path, code })), { file: path });
  }
}

/** A name that may hold a record: a journal, a backup, or a report in any format (src/report-formats.ts). */
export function isRecordName(name: string): boolean {
  return name.endsWith(JOURNAL_SUFFIX) || name.endsWith(BACKUP_SUFFIX) || reportFormatOf(name) !== undefined;
}

async function readOne(file: string, records: EarlierRecords, mapping: HeaderMapping | undefined): Promise<boolean> {
  if (file.endsWith(JOURNAL_SUFFIX)) return fromJournal(await readFile(file, 'utf8'), records);
  if (file.endsWith(BACKUP_SUFFIX)) return fromBackup(await readFile(file, 'utf8'), records);
  const lines = await readReportLines(file, mapping);
  for (const l of lines ?? []) records.add(l.externalId, l.feishuId, l.application || undefined);
  return Boolean(lines && lines.length > 0);
}

/** `result` lines of an interview named by its legacy key (`external_id:KEY`) that carry its Feishu id. */
function fromJournal(text: string, records: EarlierRecords): boolean {
  let found = false;
  for (const e of jsonLines(text)) {
    const id = e.id;
    if (e.t !== 'result' || typeof id !== 'string' || !id.startsWith(LEGACY_PREFIX)) continue;
    if (typeof e.feishu_id !== 'string') continue;
    records.add(id.slice(LEGACY_PREFIX.length), e.feishu_id);
    found = true;
  }
  return found;
}

/**
 * Lines whose body carries the legacy key: what a run created (`created: true`), or a pre-image
 * read with keys; and every line's keys as the run left them (`written`, or the created body).
 */
function fromBackup(text: string, records: EarlierRecords): boolean {
  let found = false;
  for (const e of jsonLines(text)) {
    const body = e.body as { external_id?: unknown; external_application_id?: unknown } | undefined;
    const id = e.external_interview_id;
    const left = (e.written ?? (e.created === true ? e.body : undefined)) as InterviewBody | undefined;
    if (typeof id === 'string' && left && typeof left === 'object' && e.deleted !== true)
      records.wrote(id, left, typeof e.taken_at === 'string' ? e.taken_at : '');
    if (typeof id !== 'string' || typeof body?.external_id !== 'string') continue;
    const application = typeof body.external_application_id === 'string' ? body.external_application_id : undefined;
    records.add(body.external_id, id, application);
    found = true;
  }
  return found;
}

/** Each whole JSON line of an append-only log; a torn last line is passed over. */
function* jsonLines(text: string): Generator<Record<string, unknown>> {
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value === 'object' && value !== null) yield value as Record<string, unknown>;
    } catch {
      // The run was killed mid-write: that line never finished.
    }
  }
}
