/**
 * The four runs a program can start, each with its options checked as the CLI checks its flags.
 * The CLI calls these; so does another Node program (through `src/index.ts`).
 */
import { OPTION } from './option-messages.js';
import { say } from './messages.js';
import type { RunContext } from './run/progress.js';
import type { RunResult } from './report/run-result.js';
import { editDistance } from './edit-distance.js';
import { ToolError } from './errors.js';
import { type Lang, speaking } from './lang.js';
import { checkOptions, importSchema, undoSchema, validateSchema, verifySchema } from './options.js';
import type { ProgressEvent } from './run/progress.js';
import type { MappingProfile } from './input/profile.js';
import type { CheckedRow, RowsToCheck } from './commands/check-rows.js';
import type { ProfileSuggestion } from './input/suggest-profile.js';
import type { ReadProgress } from './input/read-progress.js';

/** Where and how to read the input file. */
export interface ReadOptions {
  /** The sheet to read (default: the first sheet with the template's columns). */
  readonly sheet?: string;
  /** A CSV file's encoding: utf-8, gb18030, gbk, utf-16le, windows-1252 (default: detected). */
  readonly encoding?: string;
  /** A CSV file's separator: `,` `;` `\t` `|`, or comma, semicolon, tab, pipe (default: the one its header line holds most of). */
  readonly delimiter?: string;
  /** A JSON file mapping the file's headers to template columns, as `--map` takes. */
  readonly map?: string;
  /**
   * A mapping profile: its path, or the object (`MappingProfile`): header row, sheet, columns,
   * value words, fill-down, wide dimensions, zone. Without it (and without `map`),
   * `feishu-interview-import.profile.json` beside the file is used when there is one.
   */
  readonly profile?: string | MappingProfile;
  /**
   * Changes to the file's cells, applied as it is read (after the profile's fill-down): a JSON file
   * of the user's own, `{ "edits": [{ "kind": "cell", "row": 5, "column": "结论", "value": "不通过" },
   * { "kind": "replace", "column": "结论", "from": "淘汰", "to": "不通过" }, { "kind": "fill", "column": "面试ID" }] }`,
   * each column as the file's header names it. The page writes it; the summary lists each change.
   */
  readonly edits?: string;
  /** The IANA zone of times written without an offset (default: this machine's). */
  readonly tz?: string;
  /**
   * The report path (.csv, .xlsx or .json; default `<input>.report.xlsx` for an .xlsx input, else
   * `<input>.report.csv`), or `false` for none.
   */
  readonly report?: string | false;
  /** The language of messages and the report (default: `zh` when the file's headers are Chinese, else `en`). */
  readonly lang?: 'zh' | 'en';
}

/** Credentials, where to send, and how fast. Nothing is read from the environment: pass what you have. */
export interface SendOptions {
  readonly appId?: string;
  readonly appSecret?: string;
  /** A tenant access token, used when no app id and secret are given. */
  readonly tenantToken?: string;
  /** open.feishu.cn (default) or open.larksuite.com. */
  readonly domain?: 'feishu' | 'lark';
  /** Another API origin (the simulator's); http only for loopback. */
  readonly baseUrl?: string;
  /** Requests in flight (default 5). */
  readonly concurrency?: number;
  /** Requests per second to each API, at most; 0 for no client-side pace (default: Feishu's limit, 10/s until its answers state another). */
  readonly rate?: number;
  /** Retries of a failed call (default 5). */
  readonly retries?: number;
  /** Seconds to wait for a connection, headers or body (default 30). */
  readonly timeout?: number;
  /** Read and back up each interview before overwriting it (default true). */
  readonly backup?: boolean;
  /** Send only the first N interviews (a pilot run). */
  readonly limit?: number;
  /** The report path of an earlier run: skip what already landed. */
  readonly resume?: string;
  /** Aborting it finishes the requests in flight and leaves the rest `not_sent` (exit code 130). */
  readonly signal?: AbortSignal;
  /** Called after every interview that finishes. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Called once before the first call: how many calls, at what pace, about how long (e.g. `up to 791 creates or PUTs and 399 reads at 10/s: about 1 min 20 s at most`). */
  readonly onStart?: (line: string) => void;
  /** While no call gets through, wait (progress says so) until one does or `signal` aborts, rather than fail each interview (default false). */
  readonly waitWhileUnreachable?: boolean;
}

export interface ValidateFileOptions extends ReadOptions {
  /** Check a correction file as `importFile(…, { merge: true })` reads it (offline). */
  readonly merge?: boolean;
  /** Write the request bodies as JSON lines to this path. */
  readonly payloads?: string;
  /** Aborting it ends the check between two stages (reading, checking, writing the report): exit code 130, no report. */
  readonly signal?: AbortSignal;
  /**
   * Told the rows read while the file is read, at most five times a second, with the share of the
   * file read where it is known (a CSV's bytes, an .xlsx sheet's XML); then once, exactly, the
   * file's data rows as their check begins (`stage: 'checking'`).
   */
  readonly onProgress?: (event: ReadProgress) => void;
}

export interface ImportFileOptions extends ReadOptions, SendOptions {
  /** Send nothing: like `validateFile`; with `merge` or `createMissing`, read and report what would change. */
  readonly dryRun?: boolean;
  /** Change only what the file names; blank or absent fields keep their current values. */
  readonly merge?: boolean;
  /** Without `merge`: the file is the whole truth for the interviews it names, and may remove what Feishu holds that it does not name. */
  readonly replace?: boolean;
  /** With `merge`: add assessments and dimensions the interview does not have yet. */
  readonly addAssessments?: boolean;
  /** With `merge`: the file's assessments replace all current ones. */
  readonly replaceAssessments?: boolean;
  /** Rows without a Feishu ID: create the interview when its application has none with that `external_id`. */
  readonly createMissing?: boolean;
  /**
   * One correction run: change what the file names (as `merge`), add the assessments and
   * dimensions an interview lacks (as `addAssessments`), and create each interview Feishu lacks
   * whose rows carry what a new one needs (as `createMissing`). The summary's `changes` lists
   * every interview grouped: create, change, remove (a change that removes what Feishu holds),
   * unchanged, left (in `leaveOut`), problem. A dry run of it is the preview.
   */
  readonly correct?: boolean;
  /** With `correct`: interviews to leave as they are, by their `id` in the preview's `summary.changes`. */
  readonly leaveOut?: readonly string[];
  /** Folders (or files) of earlier runs' reports, journals and backups, beyond the report's own folder. */
  readonly records?: readonly string[];
  /** With `dryRun`: write the request bodies as JSON lines to this path. */
  readonly payloads?: string;
}

export interface UndoBackupOptions extends SendOptions {
  /** The report path (default `<backup>.undo.report.csv`, a dry run's `.undo.dry-run.report.csv`), or `false` for none. */
  readonly report?: string | false;
  /** The run to undo, as the import named it (default: the backup's last run). */
  readonly run?: string;
  /** Write nothing: read and report per interview what undo would restore, delete or leave alone. */
  readonly dryRun?: boolean;
  readonly lang?: 'zh' | 'en';
}

export type VerifyFileOptions = ReadOptions &
  Omit<SendOptions, 'backup' | 'limit' | 'resume' | 'signal' | 'onProgress' | 'onStart' | 'waitWhileUnreachable'> & {
    /** Folders (or files) of earlier runs' reports, journals and backups, beyond the report's own folder. */
    readonly records?: readonly string[];
  };

/** The options as the checks take them: `report: false` is no report file. */
function checked(path: string, options: object): Record<string, unknown> {
  const { report, ...rest } = options as Record<string, unknown> & { report?: string | false };
  return { ...rest, file: path, report: report === false ? undefined : report, reportFile: report !== false };
}

const context = (o: SendOptions): RunContext => ({
  signal: o.signal,
  onProgress: o.onProgress,
  onStart: o.onStart,
  waitWhileUnreachable: o.waitWhileUnreachable,
});

/** The run speaks `lang`, or the file's language once its headers are read (the CLI adds its locale's). */
const voice = (o: object) => o as { lang?: Lang; locale?: Lang; cli?: boolean };

/**
 * Every option each function takes, checked against its type: a key added to an options type
 * and not here is a compile error (`Exhaustive`), so the lists cannot drift.
 */
const READ_KEYS = ['sheet', 'encoding', 'delimiter', 'map', 'profile', 'edits', 'tz', 'report', 'lang'] as const;
const SEND_KEYS = [
  'appId',
  'appSecret',
  'tenantToken',
  'domain',
  'baseUrl',
  'concurrency',
  'rate',
  'retries',
  'timeout',
  'backup',
  'limit',
  'resume',
  'signal',
  'onProgress',
  'onStart',
  'waitWhileUnreachable',
] as const;
const VALIDATE_KEYS = [...READ_KEYS, 'merge', 'payloads', 'signal', 'onProgress'] as const;
const IMPORT_KEYS = [
  ...READ_KEYS,
  ...SEND_KEYS,
  'dryRun',
  'merge',
  'replace',
  'addAssessments',
  'replaceAssessments',
  'createMissing',
  'correct',
  'leaveOut',
  'payloads',
  'records',
] as const;
const UNDO_KEYS = [...SEND_KEYS, 'report', 'run', 'dryRun', 'lang'] as const;
const VERIFY_KEYS = [
  ...READ_KEYS,
  ...SEND_KEYS.filter(
    (
      k,
    ): k is Exclude<
      (typeof SEND_KEYS)[number],
      'backup' | 'limit' | 'resume' | 'signal' | 'onProgress' | 'onStart' | 'waitWhileUnreachable'
    > => !['backup', 'limit', 'resume', 'signal', 'onProgress', 'onStart', 'waitWhileUnreachable'].includes(k),
  ),
  'records',
] as const;

type Exhaustive<T, K extends readonly PropertyKey[]> = [
  Exclude<keyof T, K[number]>,
  Exclude<K[number], keyof T>,
] extends [never, never]
  ? true
  : never;
const exhaustive: [
  Exhaustive<ValidateFileOptions, typeof VALIDATE_KEYS>,
  Exhaustive<ImportFileOptions, typeof IMPORT_KEYS>,
  Exhaustive<UndoBackupOptions, typeof UNDO_KEYS>,
  Exhaustive<VerifyFileOptions, typeof VERIFY_KEYS>,
] = [true, true, true, true];
void exhaustive;

/** A key the function does not take is refused before anything is read or sent (`dry_run` is not `dryRun`). */
function refuseUnknown(fn: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const folded = key.toLowerCase().replace(/[-_]/g, '');
    const nearest = [...known]
      .map((k) => ({ k, d: editDistance(folded, k.toLowerCase()) }))
      .sort((a, b) => a.d - b.d)[0];
    throw new ToolError(
      'OPTION_UNKNOWN',
      say(
        OPTION.unknown({
          fn,
          key,
          nearest: nearest && nearest.d <= Math.max(2, Math.floor(key.length / 3)) ? nearest.k : undefined,
          known: known.join(', '),
        }),
      ),
    );
  }
}

/**
 * A draft mapping profile for a file as it is: the header row, headers mapped, unknown words with
 * a best guess (blank where none), fill_down, wide dimensions; `guesses` and `undecided` say what
 * to check and what is left. Writes nothing.
 */
export async function suggestProfile(path: string): Promise<ProfileSuggestion> {
  const { suggestProfile: suggest } = await import('./input/suggest-profile.js');
  return suggest(path);
}

/**
 * Checks some rows of `path` again, as `validateFile` checks the whole file, with `edits`
 * applied first: the page's re-check of an edited cell's rows (their interview, the row above).
 * Checks between these rows and the others (a legacy key used by another interview elsewhere)
 * are the whole file's check's; nothing is written.
 */
export async function checkRows(
  path: string,
  rows: RowsToCheck,
  options: Pick<ValidateFileOptions, 'map' | 'profile' | 'tz' | 'lang' | 'merge'> = {},
): Promise<CheckedRow[]> {
  refuseUnknown('checkRows', options, ['map', 'profile', 'tz', 'lang', 'merge']);
  const { checkRowsCommand } = await import('./commands/check-rows.js');
  return speaking(voice(options), () =>
    checkRowsCommand(checkOptions(validateSchema, checked(path, { ...options, report: false })), rows),
  );
}

/**
 * Writes the file as `edits` leave it to `out` (.xlsx, 0600): its header and data rows with every
 * change applied, each cell as read (IDs as text). Gives the number of data rows.
 */
export async function writeEditedFile(
  path: string,
  options: Pick<
    ValidateFileOptions,
    'sheet' | 'encoding' | 'delimiter' | 'map' | 'profile' | 'edits' | 'merge' | 'lang'
  > & {
    readonly out: string;
  },
): Promise<number> {
  const { out, ...read } = options;
  refuseUnknown('writeEditedFile', read, [
    'sheet',
    'encoding',
    'delimiter',
    'map',
    'profile',
    'edits',
    'merge',
    'lang',
  ]);
  const { editedFileCommand } = await import('./commands/edited-file.js');
  return speaking(voice(read), async () => {
    const checkedRead = checkOptions(validateSchema, checked(path, { ...read, tz: 'UTC', report: false }));
    return editedFileCommand({ ...checkedRead, out });
  });
}

/** Reads, groups and validates a file; writes the report; sends nothing. */
export async function validateFile(path: string, options: ValidateFileOptions = {}): Promise<RunResult> {
  refuseUnknown('validateFile', options, VALIDATE_KEYS);
  return runValidate(path, options);
}

/** Sends every valid interview of a file to Feishu (one PUT each, backed up first) and reports per row. */
export async function importFile(path: string, options: ImportFileOptions = {}): Promise<RunResult> {
  refuseUnknown('importFile', options, IMPORT_KEYS);
  return runImport(path, options);
}

/** Puts back every interview one run of `importFile` overwrote, from its backup (`<report>.backup.jsonl`). */
export async function undoBackup(path: string, options: UndoBackupOptions = {}): Promise<RunResult> {
  refuseUnknown('undoBackup', options, UNDO_KEYS);
  return runUndo(path, options);
}

/** Reads every interview of a file from Feishu and reports per row whether it matches; writes nothing to Feishu. */
export async function verifyFile(path: string, options: VerifyFileOptions = {}): Promise<RunResult> {
  refuseUnknown('verifyFile', options, VERIFY_KEYS);
  return runVerify(path, options);
}

/**
 * The runs without the key check, for the CLI: yargs' argument object carries its own keys
 * (`_`, `$0`, kebab-case twins, `json`, `quiet`), and the option schemas take what they need.
 */
export async function runValidate(path: string, options: object): Promise<RunResult> {
  const { validateCommand } = await import('./commands/validate.js');
  return speaking(voice(options), () =>
    validateCommand(
      checkOptions(validateSchema, checked(path, options)),
      (options as ValidateFileOptions).signal,
      (options as ValidateFileOptions).onProgress,
    ),
  );
}

export async function runImport(path: string, options: object): Promise<RunResult> {
  const { importCommand } = await import('./commands/import.js');
  return speaking(voice(options), () =>
    importCommand(checkOptions(importSchema, checked(path, options)), context(options as SendOptions)),
  );
}

export async function runUndo(path: string, options: object): Promise<RunResult> {
  const { undoCommand } = await import('./commands/undo.js');
  return speaking(voice(options), () =>
    undoCommand(checkOptions(undoSchema, checked(path, options)), context(options as SendOptions)),
  );
}

export async function runVerify(path: string, options: object): Promise<RunResult> {
  const { verifyCommand } = await import('./commands/verify.js');
  return speaking(voice(options), () => verifyCommand(checkOptions(verifySchema, checked(path, options))));
}
