import { readFile } from 'node:fs/promises';
import { ToolError } from '../errors.js';
import { existsSync } from 'node:fs';
import type { HeaderMapping } from '../input/headers.js';
import { type MappingProfile, type ReadingProfile, loadProfile, profileFromMapping } from '../input/profile.js';
import { besideProfilePath } from '../run-paths.js';
import {
  COLUMNS,
  COLUMN_NAMES,
  DIMENSION_COLUMNS,
  FIELD,
  REQUIRED_COLUMNS,
  REQUIRED_FOR_MERGE,
  TIME_SPAN,
} from '../schema.js';
import { EDITS, MAPPING } from '../input/messages.js';
import { type CellEdit, editLines, parseEdits } from '../input/edits.js';
import { readOwnFile, untrustedFile } from '../report/private-file.js';
import { SUMMARY } from '../report/messages.js';
import { col, say } from '../messages.js';
import { interviewName } from '../plan/group.js';
import { showTime } from '../time-zones.js';
import type { Lang } from '../lang.js';
import { type InputTable, readInput } from '../input/table.js';
import type { Delimiter } from '../input/csv.js';
import { isUtcZone } from '../time-zones.js';
import { buildPlan } from '../plan/validate.js';
import { quoteName } from '../input/printable.js';
import type { Plan } from '../plan/types.js';
import { type ReadProgressListener, ReadTicker } from '../input/read-progress.js';
import { type Warning, warning } from '../warnings.js';

export interface InputOptions {
  readonly file: string;
  readonly sheet?: string;
  readonly encoding?: string;
  readonly delimiter?: Delimiter;
  readonly map?: string;
  /** `--profile FILE` or the library's profile object; else `--map`, else the profile beside the file. */
  readonly profile?: string | MappingProfile;
  readonly tz: string;
  /** False when `tz` is this machine's zone because no --tz was given. */
  readonly tzGiven?: boolean;
  /** The page's changes to the file's cells: a JSON file (`{ "edits": [...] }`, src/input/edits.ts) of the user's own. */
  readonly edits?: string;
  /** `--merge`: only the interview id column is required; blanks keep current values. */
  readonly merge?: boolean;
  /** `--lang`, and the locale's language (the run already speaks them: see `speaking`). */
  readonly lang?: Lang;
  readonly locale?: Lang;
}

/**
 * Ends a run whose signal was aborted (the page's 停止) between two stages of reading and
 * checking its file: exit 130, as an interrupted import, with nothing sent or written.
 */
export function stopIfAborted(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) throw new ToolError('RUN_INTERRUPTED', say(SUMMARY.stopped), { file }, 130);
}

/**
 * The input half shared by `validate` and `import`: read the file, group and validate it.
 * `onProgress` is told the rows read as they are read, and their number once all are.
 */
export async function readPlan(
  options: InputOptions,
  signal?: AbortSignal,
  onProgress?: ReadProgressListener,
): Promise<{ plan: Plan; warnings: readonly Warning[] }> {
  const ticker = onProgress && new ReadTicker(onProgress);
  const profile = await runProfile(options);
  const required = options.merge ? REQUIRED_FOR_MERGE : REQUIRED_COLUMNS;
  const sheet = options.sheet ?? profile?.sheet;
  stopIfAborted(signal, options.file);
  const table = await readInput(options.file, {
    sheet,
    encoding: options.encoding,
    delimiter: options.delimiter,
    profile,
    required,
    edits: options.edits === undefined ? undefined : readEdits(options.edits),
    ticker,
  });
  ticker?.read(table.rows.length);
  stopIfAborted(signal, options.file);
  // readInput has settled the run's language and column names as soon as it found the header.
  // A profile's tz stands for --tz when none was given.
  const byProfile = options.tzGiven === false && profile?.tz !== undefined;
  const tz = byProfile ? profile.tz! : options.tz;
  const plan = { ...buildPlan(table, tz, { merge: options.merge }), mapping: headerMappingOf(profile) };
  stopIfAborted(signal, options.file);
  if (plan.usedZone && options.tzGiven === false && !byProfile && isUtcZone(options.tz)) {
    throw new ToolError('USAGE_NO_TZ', say(SUMMARY.noTz({ file: options.file, zone: options.tz })), {
      file: options.file,
    });
  }
  const warnings = options.merge ? table.warnings : [...table.warnings, ...erasedColumnWarnings(table)];
  return { plan, warnings: [...warnings, ...longInterviewWarnings(plan)] };
}

/** The page's changes: its file must be the user's own (written 0600 beside the upload by the page's server). */
export function readEdits(path: string): CellEdit[] {
  const text = readOwnFile(path, (why) => untrustedFile(EDITS.what, path, why));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return parseEdits(json, path);
}

/** A day: an interview is hours long; one of more than 24 h is most often an end date typed wrong. */
const DAY_MS = 24 * 3_600_000;
/** How many of them the warning names: the report has the rest. */
const NAMED = 3;

/**
 * An interview longer than a day may be real (a take-home task recorded as one interview), so it
 * is sent as written; the warning names the first few, so a wrong end date is caught before it lands.
 */
function longInterviewWarnings(plan: Plan): Warning[] {
  const long = plan.interviews.flatMap((p) => {
    if (p.kind === 'invalid') return [];
    const body = p.kind === 'merge' ? (p.body ?? p.patch.set) : p.body;
    const begin = body[TIME_SPAN.begin];
    const end = body[TIME_SPAN.end];
    if (begin === undefined || end === undefined || end - begin <= DAY_MS) return [];
    const row = plan.table.rows[p.rows[0]!]!.row;
    const hours = Math.round((end - begin) / 3_600_000);
    const when = `${showTime(begin, plan.zone)} → ${showTime(end, plan.zone)}`;
    return [{ row, said: say(SUMMARY.longInterview({ interview: interviewName(p.id), row, hours, when })) }];
  });
  if (long.length === 0) return [];
  const named = long.slice(0, NAMED);
  const more = long.length > NAMED ? long.length - NAMED : 0;
  const message = say(
    SUMMARY.longInterviews({
      n: long.length,
      column: col(TIME_SPAN.end),
      list: named.map((l) => l.said).join('; '),
      more,
    }),
  );
  return [warning('INPUT_LONG_INTERVIEWS', message, { rows: named.map((l) => l.row), count: long.length })];
}

/** Columns that say which interview or assessment a row is, not what Feishu holds in it: they have no body key. */
const NOT_FIELDS = new Set<string>(COLUMN_NAMES.filter((c) => FIELD[c].key === undefined));
const DIMENSIONS = new Set<string>(DIMENSION_COLUMNS);

/**
 * A plain import sends each interview whole: a template column the file lacks is sent blank, and
 * what Feishu holds there is erased. Said per column, before anything is sent. The assessment
 * number is the file's own grouping, not a field in Feishu.
 */
function erasedColumnWarnings(table: InputTable): Warning[] {
  // A profile's wide columns give the dimensions: a dimension column the file lacks erases nothing they say.
  const wide = (table.profile?.wide.length ?? 0) > 0;
  const skipped = (name: string) => NOT_FIELDS.has(name) || (wide && DIMENSIONS.has(name));
  return COLUMNS.filter(([name]) => !skipped(name) && table.columns.index[name] === undefined).map(([name, zh]) =>
    warning('INPUT_ERASED_COLUMN', say(SUMMARY.erasedColumn({ zh, name })), { column: name }),
  );
}

/**
 * The one mapping a run reads its file through: `--profile` (a path or the library's object),
 * else `--map` as a columns-only profile, else `feishu-interview-import.profile.json` beside the
 * file. Checked whole here, before any row is read.
 */
export async function runProfile(
  options: Pick<InputOptions, 'file' | 'map' | 'profile'>,
): Promise<ReadingProfile | undefined> {
  if (options.profile !== undefined) return loadProfile(options.profile);
  if (options.map) return profileFromMapping(await readMapping(options.map), options.map);
  const beside = besideProfilePath(options.file);
  if (!existsSync(beside)) return undefined;
  return { ...(await loadProfile(beside)), beside: true };
}

async function readMapping(path: string): Promise<HeaderMapping> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ToolError('USAGE_BAD_MAPPING', say(MAPPING.unreadable({ detail: (error as Error).message, path })), {
      file: path,
    });
  }
  if (
    !parsed ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((v) => typeof v !== 'string')
  ) {
    throw new ToolError('USAGE_BAD_MAPPING', say(MAPPING.notPairs(path)), { file: path });
  }
  return parsed as HeaderMapping;
}

/** What was read, and in which zone: printed before the counts (the warnings follow, src/report/finish-run.ts). */
export function inputLines(plan: Plan): string[] {
  const t = plan.table;
  const sheet = t.sheet ? quoteName(t.sheet) : undefined;
  const lines = [
    say(SUMMARY.input({ file: t.file, sheet, encoding: t.encoding, delimiter: t.delimiter, headerRow: t.headerRow })),
  ];
  if (t.profile && !t.profile.fromMap)
    lines.push(say(SUMMARY.profile({ name: t.profile.name, beside: t.profile.beside === true })));
  for (const f of t.filled ?? [])
    lines.push(say(SUMMARY.filled({ column: col(f.column), rows: rowList(f.rows), count: f.rows.length })));
  lines.push(...editLines(t.edited));
  if (plan.usedZone) lines.push(say(SUMMARY.zone(plan.zone)));
  return lines;
}

/**
 * The columns half of the run's profile as `--map` writes it (file header → tool column): the one
 * mapping the records of earlier runs are read with (src/run/earlier-records.ts).
 */
function headerMappingOf(profile: ReadingProfile | undefined): HeaderMapping | undefined {
  const columns = profile?.content.columns;
  if (!columns) return undefined;
  const named = Object.entries(columns).filter((e): e is [string, string] => typeof e[1] === 'string');
  return named.length > 0 ? Object.fromEntries(named) : undefined;
}

/** Rows named in one line: the first ten, then how many more. */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown}${say(SUMMARY.andMoreRows(rows.length - 10))}` : shown;
}
