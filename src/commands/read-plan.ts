import { readFile } from 'node:fs/promises';
import { ToolError } from '../errors.js';
import { existsSync } from 'node:fs';
import type { HeaderMapping } from '../input/headers.js';
import { type MappingProfile, type ReadingProfile, loadProfile, profileFromMapping } from '../input/profile.js';
import { besideProfilePath } from '../run-paths.js';
import { COLUMNS, DIMENSION_COLUMNS, REQUIRED_COLUMNS, REQUIRED_FOR_MERGE } from '../schema.js';
import { MAPPING } from '../input/messages.js';
import { SUMMARY } from '../report/messages.js';
import { col, say } from '../messages.js';
import type { Lang } from '../lang.js';
import { type InputTable, readInput } from '../input/table.js';
import { isUtcZone } from '../time-zones.js';
import { buildPlan } from '../plan/validate.js';
import { quoteName } from '../input/printable.js';
import type { Plan } from '../plan/types.js';

export interface InputOptions {
  readonly file: string;
  readonly sheet?: string;
  readonly encoding?: string;
  readonly map?: string;
  /** `--profile FILE` or the library's profile object; else `--map`, else the profile beside the file. */
  readonly profile?: string | MappingProfile;
  readonly tz: string;
  /** False when `tz` is this machine's zone because no --tz was given. */
  readonly tzGiven?: boolean;
  /** `--merge`: only the interview id column is required; blanks keep current values. */
  readonly merge?: boolean;
  /** `--lang`, and the locale's language (the run already speaks them: see `speaking`). */
  readonly lang?: Lang;
  readonly locale?: Lang;
}

/** The input half shared by `validate` and `import`: read the file, group and validate it. */
export async function readPlan(options: InputOptions): Promise<{ plan: Plan; warnings: readonly string[] }> {
  const profile = await runProfile(options);
  const required = options.merge ? REQUIRED_FOR_MERGE : REQUIRED_COLUMNS;
  const sheet = options.sheet ?? profile?.sheet;
  const table = await readInput(options.file, { sheet, encoding: options.encoding, profile, required });
  // readInput has settled the run's language and column names as soon as it found the header.
  // A profile's tz stands for --tz when none was given.
  const byProfile = options.tzGiven === false && profile?.tz !== undefined;
  const tz = byProfile ? profile.tz! : options.tz;
  const plan = buildPlan(table, tz, { merge: options.merge });
  if (plan.usedZone && options.tzGiven === false && !byProfile && isUtcZone(options.tz)) {
    throw new ToolError('USAGE_NO_TZ', say(SUMMARY.noTz({ file: options.file, zone: options.tz })), {
      file: options.file,
    });
  }
  const warnings = options.merge ? table.warnings : [...table.warnings, ...erasedColumnWarnings(table)];
  return { plan, warnings };
}

/** Columns that say which interview or assessment a row is, not what Feishu holds in it. */
const NOT_FIELDS = new Set<string>(['external_interview_id', 'assessment_no']);
const DIMENSIONS = new Set<string>(DIMENSION_COLUMNS);

/**
 * A plain import sends each interview whole: a template column the file lacks is sent blank, and
 * what Feishu holds there is erased. Said per column, before anything is sent. The assessment
 * number is the file's own grouping, not a field in Feishu.
 */
function erasedColumnWarnings(table: InputTable): string[] {
  // A profile's wide columns give the dimensions: a dimension column the file lacks erases nothing they say.
  const wide = (table.profile?.wide.length ?? 0) > 0;
  const skipped = (name: string) => NOT_FIELDS.has(name) || (wide && DIMENSIONS.has(name));
  return COLUMNS.filter(([name]) => !skipped(name) && table.columns.index[name] === undefined).map(([name, zh]) =>
    say(SUMMARY.erasedColumn({ zh, name })),
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
  const lines = [say(SUMMARY.input({ file: t.file, sheet, encoding: t.encoding, headerRow: t.headerRow }))];
  if (t.profile && !t.profile.fromMap)
    lines.push(say(SUMMARY.profile({ name: t.profile.name, beside: t.profile.beside === true })));
  for (const f of t.filled ?? [])
    lines.push(say(SUMMARY.filled({ column: col(f.column), rows: rowList(f.rows), count: f.rows.length })));
  if (plan.usedZone) lines.push(say(SUMMARY.zone(plan.zone)));
  return lines;
}

/** Rows named in one line: the first ten, then how many more. */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown}${say(SUMMARY.andMoreRows(rows.length - 10))}` : shown;
}
