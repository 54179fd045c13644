import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach } from 'vitest';
import type { RunningSimulator } from '../src/simulator/server.js';
import { InterviewStore } from '../src/simulator/store.js';
import { checkHeaders, mappingLookup } from '../src/input/headers.js';
import type { InputTable } from '../src/input/table.js';
import type { InterviewBody } from '../src/feishu/body.js';
import type { PlannedInterview } from '../src/plan/types.js';
import { COLUMNS, COLUMN_NAMES, type Column, FIELD } from '../src/schema.js';
import { SUMMARY } from '../src/report/messages.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

const dirs: string[] = [];

/** A fresh folder for one test, removed after it. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fii-test-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would: `node dist/cli.js ...`. */
export function runCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliRun> {
  return startCli(args, options).done;
}

/** The template's English headers, in its order: the columns of src/schema.ts. */
export const HEADER_EN: readonly Column[] = COLUMN_NAMES;

/** A column's letter in the template (A, B, …): where a template written by `template` has it. */
export function columnLetter(column: Column): string {
  let n = COLUMN_NAMES.indexOf(column) + 1;
  let out = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A column's position in the template, from 1. */
export const columnNumber = (column: Column): number => COLUMN_NAMES.indexOf(column) + 1;

/**
 * What a plain import warns of a file without some template columns (src/commands/read-plan.ts),
 * in English: one warning per column of the template that carries a field and that `has` (the
 * file's headers, English or Chinese) lacks, in the template's order.
 */
export function erasedColumnWarnings(has: readonly string[]): string[] {
  return COLUMNS.filter(([name, zh]) => FIELD[name].key !== undefined && !has.includes(name) && !has.includes(zh)).map(
    ([name, zh]) => SUMMARY.erasedColumn({ zh, name }).en,
  );
}

/** A CSV line from cells, quoting what needs it. */
export function csv(rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return (
    rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join(eol) + eol
  );
}

/** A row of the English template from a partial record. */
export function row(values: Partial<Record<Column, string>>): string[] {
  return HEADER_EN.map((h) => values[h] ?? '');
}

/** A simulator without rate limits: for tests that count requests, not pace. */
export const UNPACED = { rateLimit: 0, readRateLimit: 0, createRateLimit: 0 } as const;

export const ID1 = '7000000000000000001';
export const ID2 = '7000000000000000002';
export const APP1 = '6960663240925956437';
export const APP2 = '6960663240925956438';

/** Starts the built CLI without waiting, for tests that signal it mid-run. */
export function startCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, TZ: 'UTC', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliRun>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** A template CSV of `n` interviews, `perInterview` dimension rows each, rows interleaved. */
export function interviewsCsv(n: number, perInterview = 2): { text: string; ids: string[] } {
  const ids = Array.from({ length: n }, (_, i) => String(7000000000000000000n + BigInt(i + 1)));
  const rows: string[][] = [[...HEADER_EN]];
  for (let d = 0; d < perInterview; d++) {
    ids.forEach((id, i) => {
      rows.push(
        row(
          d === 0
            ? {
                external_interview_id: id,
                external_application_id: String(6000000000000000000n + BigInt(i + 1)),
                participate_status: '2',
                begin_time: String(1709280000000 + i * 60_000),
                assessment_no: '1',
                username: `面试官${i % 7}`,
                conclusion: 'pass',
                dimension_title: '专业',
                assessment_type: '1',
                score: String(60 + (i % 40)),
              }
            : {
                external_interview_id: id,
                assessment_no: '1',
                dimension_title: `维度${d}`,
                assessment_type: '3',
                dimension_content: `第${d}条, "引号" 内容`,
              },
        ),
      );
    });
  }
  return { text: csv(rows), ids };
}

/** Reads one of our CSV reports into objects keyed by header. */
/** A CSV report's rows as a spreadsheet shows them: `="7000…"` is the text 7000… */
export async function readReport(path: string): Promise<Record<string, string>[]> {
  const { readFile } = await import('node:fs/promises');
  const { parse } = await import('csv-parse/sync');
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^="\d+"$/.test(v) ? v.slice(2, -1) : v])),
  );
}

/** Interviews that exist before a run, as the simulator's `seed`: the update API needs them. */
export function existing(
  ids: readonly string[],
  app = '6000000000000000000',
): [string, { external_application_id: string }][] {
  return ids.map((id) => [id, { external_application_id: app }]);
}

/** Polls until `condition` holds (a simulator count reached, say). */
export async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The bodies `validate --payloads` says would be sent: what the simulator must end up holding. */
export async function expectedBodies(file: string, dir: string): Promise<Map<string, unknown>> {
  const { readFile } = await import('node:fs/promises');
  const payloads = join(dir, 'expected.jsonl');
  await runCli(['validate', file, '--payloads', payloads, '--report', join(dir, 'expected.report.csv')]);
  const lines = (await readFile(payloads, 'utf8')).trim().split('\n');
  return new Map(
    lines
      .map((l) => JSON.parse(l) as { external_interview_id: string; body: unknown })
      .map((p) => [p.external_interview_id, p.body]),
  );
}

/** What the simulator holds, as request bodies (Feishu's ids taken out). */
export function heldBodies(sim: RunningSimulator): Map<string, unknown> {
  return new Map([...sim.store.interviews.values()].map((i) => [i.id, InterviewStore.bodyOf(i)]));
}

/** A member of a test archive. */
export interface ZipMember {
  readonly name: string;
  readonly data: Buffer | string;
  /** The size the directory states, in place of the real one (a lying archive). */
  readonly declared?: number;
  /** General purpose bit flag (bit 0: encrypted). */
  readonly flags?: number;
  /** Stored rather than deflated. */
  readonly stored?: boolean;
  /** Deflate level, 9 unless said (1 is quicker for large test data). */
  readonly level?: number;
}

/**
 * A zip archive with the given entries, deflated: enough for a zip bomb or a hand-made workbook.
 * With `zip64` every size and offset is in zip64 fields and records, as a streaming writer may
 * write them (APPNOTE 4.3.14, 4.5.3).
 */
export function zip(entries: readonly ZipMember[], options: { zip64?: boolean } = {}): Buffer {
  const wide = Boolean(options.zip64);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data);
    const packed = e.stored ? data : deflateRawSync(data, { level: e.level ?? 9 });
    const size = e.declared ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(wide ? 45 : 20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = wide ? zip64Extra([size, packed.length, offset]) : Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(wide ? 45 : 20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(wide ? 0xffffffff : packed.length, 20);
    central.writeUInt32LE(wide ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(wide ? 0xffffffff : offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name, extra);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(wide ? 0xffff : entries.length, 8);
  end.writeUInt16LE(wide ? 0xffff : entries.length, 10);
  end.writeUInt32LE(wide ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(wide ? 0xffffffff : offset, 16);
  const zip64End = wide ? zip64Records(entries.length, cd.length, offset) : [];
  return Buffer.concat([...locals, cd, ...zip64End, end]);
}

function zip64Extra(values: readonly number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(1, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  for (const [i, v] of values.entries()) extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i);
  return extra;
}

/** The zip64 end of central directory record and its locator. */
function zip64Records(count: number, cdLength: number, cdOffset: number): Buffer[] {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cdLength), 40);
  record.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdOffset + cdLength), 8);
  locator.writeUInt32LE(1, 16);
  return [record, locator];
}

/** A planned interview's request body, or undefined when it has none (invalid). */
export function bodyOf(p: PlannedInterview): InterviewBody | undefined {
  return p.kind === 'invalid' ? undefined : p.body;
}

/** A table read from a CSV with the template's English headers, one row of cells per entry (rows 2, 3, …). */
export function templateTable(rows: string[][]): InputTable {
  const headers = [...HEADER_EN];
  return {
    file: 'in.csv',
    format: 'csv',
    headerRow: 1,
    headers,
    columns: checkHeaders(headers, mappingLookup(undefined)).resolved!,
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
    warnings: [],
  };
}

/** A full interview as an old ATS left it: times, two assessments, dimensions. */
export function original(i: number): InterviewBody {
  return {
    external_application_id: String(6100000000000000000n + BigInt(i)),
    participate_status: 2,
    begin_time: 1709280000000 + i * 3_600_000,
    end_time: 1709283600000 + i * 3_600_000,
    interview_assessments: [
      {
        username: '张三',
        conclusion: 2,
        content: '不错',
        assessment_dimension_list: [{ score: 80 + (i % 10), assessment_type: 1, title: '专业' }],
      },
      {
        username: '李四',
        conclusion: 3,
        assessment_dimension_list: [{ options: ['a', 'b'], assessment_type: 4, title: '亮点' }],
      },
    ],
  };
}

/** The ids `original(0…n-1)` are seeded under. */
export const seededIds = (n: number) =>
  Array.from({ length: n }, (_, i) => String(7000000000000000000n + BigInt(i + 1)));

const LEGACY_HEADER = [
  '外部系统面试ID',
  '外部投递ID',
  '参与状态',
  '开始时间',
  '外部系统面评ID',
  '面试官',
  '面试结论',
  '评价维度',
  '题目类型',
  '分数',
];
/** A legacy interview's application: three of them, in turn. */
export const legacyApp = (i: number) => String(6200000000000000000n + BigInt(i % 3));

/** A legacy export: no Feishu ids; each interview keyed by the old system's id, three applications. */
export function legacyFile(n: number, score: (i: number) => number = (i) => 80 + i): string[][] {
  const rows: string[][] = [LEGACY_HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([
      `ATS-${i}`,
      legacyApp(i),
      '参与',
      `2024-03-0${1 + (i % 9)}T14:00:00+08:00`,
      `ATS-A-${i}`,
      '张伟',
      '通过',
      '专业',
      '打分题',
      String(score(i)),
    ]);
    rows.push([`ATS-${i}`, '', '', '', `ATS-A-${i}`, '张伟', '', '沟通', '打分题', '70']);
  }
  return rows;
}

/** What Feishu must hold for interview `i` of `legacyFile`. */
export function legacyBody(i: number, score: (i: number) => number = (i) => 80 + i): InterviewBody {
  return {
    external_id: `ATS-${i}`,
    external_application_id: legacyApp(i),
    participate_status: 2,
    begin_time: Date.UTC(2024, 2, 1 + (i % 9), 6),
    interview_assessments: [
      {
        external_id: `ATS-A-${i}`,
        username: '张伟',
        conclusion: 2,
        assessment_dimension_list: [
          { score: score(i), assessment_type: 1, title: '专业' },
          { score: 70, assessment_type: 1, title: '沟通' },
        ],
      },
    ],
  };
}
