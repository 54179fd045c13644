import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

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
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH, TZ: 'UTC', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

export const HEADER_EN = [
  'external_interview_id',
  'external_application_id',
  'participate_status',
  'begin_time',
  'end_time',
  'assessment_no',
  'username',
  'conclusion',
  'assessment_content',
  'dimension_title',
  'assessment_type',
  'score',
  'option',
  'options',
  'dimension_content',
  'dimension_description',
] as const;

/** A CSV line from cells, quoting what needs it. */
export function csv(rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join(eol) + eol;
}

/** A row of the English template from a partial record. */
export function row(values: Partial<Record<(typeof HEADER_EN)[number], string>>): string[] {
  return HEADER_EN.map((h) => values[h] ?? '');
}

export const ID1 = '7000000000000000001';
export const ID2 = '7000000000000000002';
export const APP1 = '6960663240925956437';
export const APP2 = '6960663240925956438';
