import { FILES } from '../report/messages.js';
import { say } from '../messages.js';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ToolError } from '../errors.js';
import { claimReport } from '../report/report-claim.js';

/** The file a path names once links are followed: for a file not there yet, its folder's real path. */
function realPath(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  const dir = dirname(full);
  return existsSync(dir) ? join(realpathSync(dir), basename(full)) : full;
}

/**
 * No output may be the input: `validate s.xlsx --report s.xlsx` would replace the workbook, and
 * the default report of `x.report.csv` is itself. Checked before anything is read or written.
 */
export function refuseInputAsOutput(input: string, outputs: Readonly<Record<string, string | undefined>>): void {
  const source = realPath(input);
  for (const [what, path] of Object.entries(outputs)) {
    if (path === undefined || realPath(path) !== source) continue;
    throw new ToolError(
      'USAGE_OUTPUT_IS_INPUT',
      say(FILES.outputIsInput({ what, path, input, suggestion: input.replace(/(\.[^./]+)$/, '.fixed$1') })),
      { file: input },
    );
  }
}

/**
 * The options with the report the run may write: the one asked for, or the first name beside it
 * when that one is the user's (src/report/report-claim.ts); `beside` is the line that says so.
 */
export function withClaimedReport<
  T extends { readonly report: string; readonly reportFile?: boolean; readonly resume?: string },
>(options: T, command: string): { options: T; beside?: string } {
  if (options.reportFile === false) return { options };
  const claimed = claimReport(options.report, command, options.resume !== undefined);
  if (!claimed.beside) return { options };
  const beside = say(FILES.reportBeside({ mine: resolve(claimed.beside), path: resolve(claimed.path) }));
  return { options: { ...options, report: claimed.path }, beside };
}
