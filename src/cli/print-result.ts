import { terminalSafe } from '../input/printable.js';
import type { RunResult } from '../report/run-result.js';

/**
 * Prints a result as the CLI does: the text on stdout; with `--json`, the summary as one JSON
 * object on stdout for schedulers and the text, warnings included, on stderr.
 */
export function printResult(
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } },
  result: RunResult,
  json: boolean | undefined,
): void {
  if (!json) {
    io.stdout.write(terminalSafe(result.text));
    return;
  }
  io.stderr.write(terminalSafe(result.text));
  // A JSON string may hold `\u202e` escaped: it parses to the same text.
  io.stdout.write(`${terminalSafe(JSON.stringify(result.summary))}\n`);
}
