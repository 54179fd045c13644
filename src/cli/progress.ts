import cliProgress from 'cli-progress';
import { CLI } from './messages.js';
import { type Lang, runLang } from '../lang.js';
import type { ProgressEvent } from '../run/progress.js';

export interface ProgressPrinter {
  readonly onProgress: (event: ProgressEvent) => void;
  /** The run's start line: how many calls at what pace, about how long. */
  readonly onStart: (line: string) => void;
  stop(): void;
}

/** Plain progress lines when stderr is not a terminal (CI logs, redirected output). */
const LINE_EVERY_MS = 5000;

const rate = (e: ProgressEvent) => (e.requests / Math.max(0.001, e.elapsedMs / 1000)).toFixed(1);

/**
 * The CLI's progress: a bar on a terminal, a line every few seconds otherwise, nothing with
 * `--quiet`. Both go to stderr so stdout stays the summary alone.
 */
export function progressPrinter(
  mode: 'auto' | 'quiet',
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  lang: Lang = 'en',
): ProgressPrinter {
  if (mode === 'quiet') return { onProgress() {}, onStart() {}, stop() {} };
  const onStart = (line: string) => stream.write(`${line}\n`);
  if (stream.isTTY) {
    let bar: cliProgress.SingleBar | undefined;
    return {
      onStart,
      onProgress(e) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format: CLI.progressBar[runLang() ?? lang],
              hideCursor: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(e.total, 0, { ok: 0, failed: 0, skipped: 0, rps: '0.0' });
        }
        bar.update(e.done, { ok: e.ok, failed: e.failed, skipped: e.skipped, rps: rate(e) });
      },
      stop() {
        bar?.stop();
      },
    };
  }
  let last = 0;
  return {
    onStart,
    onProgress(e) {
      if (e.elapsedMs - last < LINE_EVERY_MS && e.done < e.total) return;
      last = e.elapsedMs;
      stream.write(`${CLI.progressLine({ ...e, rate: rate(e) })[runLang() ?? lang]}\n`);
    },
    stop() {},
  };
}
