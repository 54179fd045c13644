import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existingFrom } from '../src/cli/simulate.js';
import { type ProgressEvent, ToolError, importFile, startSimulator, validateFile } from '../src/index.js';
import type { RunningSimulator } from '../src/simulator/server.js';
import { ROOT, tempDir } from './helpers.js';

/**
 * The library: what the README shows runs as shown, another program type-checks against the
 * package, and a run prints nothing, throws ToolError, and stops on its signal.
 */
const SAMPLE = join(ROOT, 'samples', 'interviews.csv');
const UNKNOWN_APPLICATION = '6960663240925999999';
const SECRET = 'Api-Test-Secret-1';
let sim: RunningSimulator;

// A fresh tenant for each test, holding the sample's interviews as they were before any import.
beforeEach(async () => {
  sim = await startSimulator({
    appId: 'cli_api',
    appSecret: SECRET,
    rateLimit: 0,
    seed: await existingFrom(SAMPLE),
    missingApplications: [UNKNOWN_APPLICATION],
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await sim.close();
});

/** A folder whose node_modules resolves `feishu-interview-import` to this package, as an install would. */
async function consumer(): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, 'node_modules', '@types'), { recursive: true });
  await symlink(ROOT, join(dir, 'node_modules', 'feishu-interview-import'));
  await symlink(join(ROOT, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'));
  return dir;
}

function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the README example "Use it from Node"', () => {
  it('imports the sample and prints the rows that are not ok, the counts and its exit code', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it from Node'));
    const code = /```js\n([\s\S]*?)```/.exec(section)![1]!;
    const dir = await consumer();
    await writeFile(join(dir, 'sync-interviews.mjs'), code);
    await copyFile(SAMPLE, join(dir, 'interviews.csv'));
    const env = {
      PATH: process.env.PATH,
      FEISHU_APP_ID: 'cli_api',
      FEISHU_APP_SECRET: SECRET,
      FEISHU_BASE_URL: sim.url,
    };
    const result = await run(process.execPath, ['sync-interviews.mjs', 'interviews.csv'], { cwd: dir, env });
    // The sample holds one bad score (row 10, which blocks its interview's other rows) and rows of
    // an application the simulated tenant does not have (Feishu refuses them with 1002002).
    expect(result.stdout).toBe(
      [
        'row 3: blocked ROW_BLOCKED ',
        'row 10: invalid ROW_BAD_SCORE 分数',
        'row 30: blocked ROW_BLOCKED ',
        'row 35: blocked ROW_BLOCKED ',
        'row 45: failed 1002002 ',
        'row 72: failed 1002002 ',
        'row 75: blocked ROW_BLOCKED ',
        'row 81: failed 1002002 ',
        'row 125: failed 1002002 ',
        'row 150: failed 1002002 ',
        'row 157: failed 1002002 ',
        'row 161: failed 1002002 ',
        'row 163: blocked ROW_BLOCKED ',
        'row 164: blocked ROW_BLOCKED ',
        'row 174: blocked ROW_BLOCKED ',
        'row 201: failed 1002002 ',
        '{"ok":157,"failed":8,"invalid":1,"blocked":7,"skipped":0,"not_sent":0}',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^1\/\d+\n/);
    // report: false writes no report; the journal and backup are there for --resume and undo.
    expect(existsSync(join(dir, 'interviews.report.csv'))).toBe(false);
    expect(existsSync(join(dir, 'interviews.report.csv.journal.jsonl'))).toBe(true);
    expect(existsSync(join(dir, 'interviews.report.csv.backup.jsonl'))).toBe(true);
  });
});

describe('the package for another TypeScript program', () => {
  it('type-checks a program that uses the API, and refuses one that gets an option wrong', async () => {
    const dir = await consumer();
    const tsconfig = {
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        strict: true,
        noEmit: true,
        types: ['node'],
      },
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    await writeFile(join(dir, 'package.json'), '{"type": "module"}');
    const good = [
      "import { type RowResult, type RunResult, ToolError, importFile, startSimulator } from 'feishu-interview-import';",
      'const sim = await startSimulator({ rateLimit: 0 });',
      "const result: RunResult = await importFile('x.csv', { baseUrl: sim.url, merge: true, dryRun: true, report: false, signal: AbortSignal.timeout(1000), onProgress: (e) => e.done });",
      "const bad: RowResult[] = result.rows.filter((r) => r.status === 'invalid' || r.status === 'not_sent');",
      'const code: string | undefined = bad[0]?.errorColumn;',
      'console.log(code, result.exitCode satisfies 0 | 1 | 130, new ToolError("X", "y").code);',
      // The summary is typed: no cast for what a scheduler reads of it.
      'const created: number | undefined = result.summary.interviews_by_kind?.created;',
      'const creates: number | undefined = result.summary.requests?.creates;',
      'const paths: string[] = [result.summary.paths.report, result.summary.paths.journal].filter((p): p is string => p !== undefined);',
      'console.log(created, creates, paths, result.summary.stopped_early?.length, result.summary.counts.failed);',
      'await sim.close();',
      '',
    ].join('\n');
    await writeFile(join(dir, 'good.ts'), good);
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await expect(promisify(execFile)(process.execPath, [tsc, '-p', '.'], { cwd: dir })).resolves.toBeDefined();
    await writeFile(
      join(dir, 'bad.ts'),
      "import { importFile } from 'feishu-interview-import';\nawait importFile('x.csv', { dryRun: 'yes', statuss: 1 });\n",
    );
    const failed = await promisify(execFile)(process.execPath, [tsc, '-p', '.'], { cwd: dir }).catch(
      (e: { stdout: string }) => e,
    );
    expect((failed as { stdout: string }).stdout).toMatch(/bad\.ts\(2,\d+\): error TS2\d+:/);
  }, 120_000); // tsc on a loaded two-core machine: a guard against a hang, not a speed check
});

describe('a run through the library', () => {
  const credentials = { appId: 'cli_api', appSecret: SECRET };

  it('prints nothing and resolves to typed rows', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const dir = await tempDir();
    const events: ProgressEvent[] = [];
    const result = await importFile(SAMPLE, {
      ...credentials,
      lang: 'en',
      baseUrl: sim.url,
      tz: 'Asia/Shanghai',
      report: join(dir, 'r.json'),
      onProgress: (e) => events.push(e),
    });
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(result.exitCode).toBe(1);
    expect(result.rows[0]).toEqual({
      row: 2,
      status: 'ok',
      message: 'landed; the previous version is in r.json.backup.jsonl',
      attempts: 1,
      httpStatus: 200,
      logId: expect.any(String),
    });
    expect(result.rows.find((r) => r.status === 'invalid')).toMatchObject({
      row: 10,
      errorCode: 'ROW_BAD_SCORE',
      errorColumn: '分数',
    });
    expect(events.map((e) => e.done)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)).toMatchObject({
      done: events.length,
      total: events.length,
      ok: events.length - 1,
      failed: 1,
    });
  });

  it('throws ToolError with a stable code for a bad option and for a file that is not there', async () => {
    await expect(validateFile(SAMPLE, { tz: 'Mars/Base' })).rejects.toMatchObject({ code: 'USAGE_BAD_OPTION' });
    await expect(
      importFile(SAMPLE, { ...credentials, baseUrl: sim.url, tz: 'UTC', concurrency: 0 }),
    ).rejects.toBeInstanceOf(ToolError);
    await expect(validateFile('/nowhere/x.csv', { tz: 'UTC' })).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
  });

  it('refuses an option it does not know before anything is read or sent, naming the nearest one', async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.csv');
    const options = { ...credentials, baseUrl: sim.url, tz: 'UTC', report, dry_run: true, lang: 'en' as const };
    const refused = importFile(SAMPLE, options as Parameters<typeof importFile>[1]);
    await expect(refused).rejects.toMatchObject({
      code: 'OPTION_UNKNOWN',
      message: expect.stringMatching(
        /^importFile: expected one of its options \(.*\), got "dry_run": did you mean dryRun\? Nothing was read or sent$/,
      ),
    });
    expect(sim.stats.requests).toMatchObject({ token: 0, put: 0, batchQuery: 0 });
    expect(existsSync(report)).toBe(false);
    // A sending option is not the check's (its onProgress is: the rows read, test/input/read-progress.test.ts).
    const sending = { tz: 'UTC', concurrency: 2 } as Parameters<typeof validateFile>[1];
    await expect(validateFile(SAMPLE, sending)).rejects.toMatchObject({ code: 'OPTION_UNKNOWN' });
  });

  it("speaks the library's options, not the CLI's flags or environment", async () => {
    const refused = await importFile(SAMPLE, { baseUrl: sim.url, tz: 'Asia/Shanghai' }).catch((e: ToolError) => e);
    expect(refused).toBeInstanceOf(ToolError);
    expect((refused as ToolError).message).toBe(
      'expected credentials, got none: pass appId and appSecret (or tenantToken), or pass dryRun to check the file without sending',
    );
    const dir = await tempDir();
    const stop = new AbortController();
    stop.abort();
    const stopped = await importFile(SAMPLE, {
      ...credentials,
      baseUrl: sim.url,
      tz: 'Asia/Shanghai',
      report: join(dir, 'r.csv'),
      signal: stop.signal,
      lang: 'en',
    });
    // Feishu refusing the app's secret, and a base URL carrying a password: the library's option names.
    const wrong = await importFile(SAMPLE, {
      appId: 'cli_api',
      appSecret: 'wrong',
      baseUrl: sim.url,
      tz: 'UTC',
      lang: 'en',
    }).catch((e: ToolError) => e);
    expect((wrong as ToolError).message).toMatch(
      /\): check appId and appSecret in the developer console \(凭证与基础信息\)$/,
    );
    const withUser = await importFile(SAMPLE, {
      ...credentials,
      baseUrl: sim.url.replace('http://', 'http://me:pw@'),
      tz: 'UTC',
      lang: 'en',
    }).catch((e: ToolError) => e);
    expect((withUser as ToolError).message).toBe(
      `expected baseUrl without a user name or password, got one for ${new URL(sim.url).host}: credentials come from appId and appSecret`,
    );
    const said = [stopped.text, ...stopped.rows.map((r) => r.message ?? '')].join('\n');
    expect(said).not.toMatch(/--resume|--dry-run|FEISHU_APP_ID/);
    expect(stopped.rows.find((r) => r.status === 'not_sent')?.message).toBe(
      'not sent: interrupted before it was sent; import again with resume',
    );
  });

  it('stops on its signal: nothing more is sent, the rest are not_sent, exit code 130', async () => {
    const dir = await tempDir();
    const stop = new AbortController();
    stop.abort();
    const result = await importFile(SAMPLE, {
      ...credentials,
      baseUrl: sim.url,
      tz: 'Asia/Shanghai',
      report: join(dir, 'r.csv'),
      signal: stop.signal,
    });
    expect(result.exitCode).toBe(130);
    expect(new Set(result.rows.map((r) => r.status))).toEqual(new Set(['not_sent', 'invalid', 'blocked']));
  });
});

describe('validateFile with a signal', () => {
  it('ends with RUN_INTERRUPTED (exit code 130) and writes no report when the signal is aborted', async () => {
    const dir = await tempDir();
    const report = join(dir, 'r.csv');
    const error = await validateFile(join(ROOT, 'samples', 'interviews.csv'), {
      tz: 'Asia/Shanghai',
      report,
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolError);
    expect(error).toMatchObject({ code: 'RUN_INTERRUPTED', exitCode: 130 });
    expect((error as Error).message).toBe(
      'stopped before the file was fully checked: nothing was sent and no report was written; check the file again to see every row',
    );
    expect(existsSync(report)).toBe(false);
  });
});
