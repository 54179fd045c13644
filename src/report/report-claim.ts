import { besideName, writtenPathFor } from '../run-paths.js';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FILES } from './messages.js';
import { say } from '../messages.js';
import { ToolError } from '../errors.js';
import { readOwnFile, untrustedFile, writePrivate } from './private-file.js';

/**
 * A report is the user's once they may have touched it: the tool overwrites one only where it
 * wrote that file itself, unchanged since, for the same command (an import's report holds the
 * legacy-key → Feishu-ID mapping and is the next correction file), or for a preview
 * (`validate`, `import --dry-run`, `verify`) that any later run may replace. What the tool wrote
 * is recorded beside the report, in `<report>.written` (command and SHA-256).
 */

/** The commands whose reports a later run of another command may replace: they hold no run's record. */
const PREVIEWS = new Set(['validate', 'validate --merge', 'import --dry-run', 'undo --dry-run', 'verify']);

interface Written {
  readonly command: string;
  readonly sha256: string;
}

/**
 * The report's SHA-256, read in 1 MiB pieces: a 1,000,000-row report is 110 MB, and reading it
 * whole at the end of a run, when the heap is at its fullest, raised the run's peak by as much.
 */
export function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const piece = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, piece); n > 0; n = readSync(fd, piece)) hash.update(piece.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function writtenOf(report: string): Written | undefined {
  const path = writtenPathFor(report);
  // What lets a run write over a report: believed only if it is the user's own.
  if (!existsSync(path)) return undefined;
  try {
    const text = readOwnFile(path, (why) => untrustedFile(FILES.claimWord, path, why));
    const parsed = JSON.parse(text) as Partial<Written>;
    return typeof parsed.command === 'string' && typeof parsed.sha256 === 'string'
      ? { command: parsed.command, sha256: parsed.sha256 }
      : undefined;
  } catch (error) {
    if (error instanceof ToolError) throw error;
    return undefined;
  }
}

/**
 * The commands whose report is the only record of what that one run did: a later run of the same
 * command writes beside it, never over it (an undo of the same backup twice keeps both reports);
 * only a `--resume` of that run writes it again.
 */
const RECORDS_OF_ONE_RUN = new Set(['undo']);

/** Whether `command` may write over `report`: absent, or written by the tool unchanged since for this command or a preview. */
export function mayOverwrite(report: string, command: string, resuming = false): boolean {
  // Not a file (a folder in its place): no one's report, and `probeReport` refuses it.
  if (!existsSync(report) || !statSync(report).isFile()) return true;
  const written = writtenOf(report);
  if (!written || (written.command !== command && !PREVIEWS.has(written.command))) return false;
  if (written.command === command && RECORDS_OF_ONE_RUN.has(command) && !resuming) return false;
  try {
    return fileSha256(report) === written.sha256;
  } catch {
    return false;
  }
}

/**
 * The path the run writes its report to: `report`, or the first name beside it this command may
 * write, when `report` is the user's (see above). `beside` says the report moved.
 */
export function claimReport(report: string, command: string, resuming = false): { path: string; beside?: string } {
  if (mayOverwrite(report, command, resuming)) return { path: report };
  // Beyond a thousand reports beside one another something else is wrong: the last name is refused below.
  for (let n = 2; n < 1000; n++) {
    const path = besideName(report, n);
    if (mayOverwrite(path, command)) return { path, beside: report };
  }
  throw new ToolError('REPORT_UNWRITABLE', say(FILES.reportUnwritable({ path: report, code: 'EEXIST' })), {
    file: report,
  });
}

/** Records what the tool just wrote to `report`, so the next run knows whether the user changed it. */
export async function recordReport(report: string, command: string): Promise<void> {
  const written: Written = { command, sha256: fileSha256(report) };
  await writePrivate(writtenPathFor(report), `${JSON.stringify(written)}\n`);
}

/**
 * Before the first request: the report can be written where it is to go. A file open in Excel or
 * WPS is locked on Windows (EBUSY, EPERM), a read-only file refuses `r+` (EACCES), a folder in its
 * place cannot be replaced (EISDIR): the run stops before sending anything.
 */
export function probeReport(report: string): void {
  const fail = (code: string): never => {
    throw new ToolError('REPORT_LOCKED', say(FILES.reportLocked({ path: resolve(report), code })), { file: report });
  };
  try {
    if (existsSync(report)) {
      if (statSync(report).isDirectory()) fail('EISDIR');
      closeSync(openSync(report, 'r+'));
    }
    // The report is written into a temp file beside it, then renamed: the folder (made as the run
    // would make it) must take a new file.
    mkdirSync(dirname(resolve(report)), { recursive: true });
    const probe = `${report}.probe-${randomBytes(6).toString('hex')}`;
    closeSync(openSync(probe, 'wx', 0o600));
    rmSync(probe, { force: true });
  } catch (error) {
    if (error instanceof ToolError) throw error;
    fail((error as NodeJS.ErrnoException).code ?? String(error));
  }
}
