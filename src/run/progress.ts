import cliProgress from 'cli-progress';

export interface ProgressCounts {
  done: number;
  ok: number;
  failed: number;
  notSent: number;
}

export interface Progress {
  /** `writes`: PUTs sent so far, for the rate shown. */
  tick(counts: ProgressCounts, writes: number): void;
  stop(): void;
}

/** Plain progress lines when stderr is not a terminal (CI logs, redirected output). */
const LINE_EVERY_MS = 5000;

/**
 * A bar on a terminal, a line every few seconds otherwise, nothing with `--quiet`.
 * Both go to stderr so stdout stays the summary alone.
 */
export function createProgress(mode: 'auto' | 'quiet', stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number): Progress {
  const started = Date.now();
  const rate = (requests: number) => (requests / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
  if (mode === 'quiet' || total === 0) return { tick() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'importing {bar} {value}/{total} interviews | ok {ok} | failed {failed} | {rps} req/s | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { ok: 0, failed: 0, rps: '0.0' });
    return {
      tick(c, requests) {
        bar.update(c.done, { ok: c.ok, failed: c.failed, rps: rate(requests) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let last = started;
  return {
    tick(c, requests) {
      const now = Date.now();
      if (now - last < LINE_EVERY_MS && c.done < total) return;
      last = now;
      stream.write(`progress: ${c.done}/${total} interviews, ok ${c.ok}, failed ${c.failed}${c.notSent ? `, not sent ${c.notSent}` : ''}, ${rate(requests)} req/s\n`);
    },
    stop() {},
  };
}
