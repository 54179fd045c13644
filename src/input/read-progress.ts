/**
 * How far the reading of a file has got, told while it is read (`validateFile(…, { onProgress })`):
 * the page's check shows the rows read, and the share of the file behind them for a time left.
 */
export interface ReadProgress {
  /** `reading` while rows are read; `checking` once, when every row is read and they are checked. */
  readonly stage: 'reading' | 'checking';
  /** Rows read so far (while reading, the header row among them); at `checking`, the file's data rows exactly. */
  readonly rows: number;
  /**
   * The share of the file read, 0 to 1, where it is known cheaply: a CSV's bytes parsed of its
   * size, an .xlsx sheet's XML inflated of the size its archive states. Absent when unknown.
   */
  readonly fraction?: number;
  /** Since the reading began. */
  readonly elapsedMs: number;
}

export type ReadProgressListener = (event: ReadProgress) => void;

/**
 * Rows between two looks at the clock: a look costs a call, a row of the 100,000-row benchmark
 * about 5 µs, so one look in 1,024 rows is nothing measurable, and 1,024 rows take 5–25 ms, well
 * under PROGRESS_EVERY_MS.
 */
export const ROWS_PER_LOOK = 1024;

/** At most five events a second: as often as a person reads a changing number. */
export const PROGRESS_EVERY_MS = 200;

/**
 * Tells a listener of the rows read at most every PROGRESS_EVERY_MS by `now` (injectable: the
 * decision depends on time), and once more, exactly, when the reading ends.
 */
export class ReadTicker {
  private readonly started: number;
  private last: number;

  constructor(
    private readonly listener: ReadProgressListener,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
    this.last = this.started;
  }

  /** Rows read so far and the share of the file behind them: told when PROGRESS_EVERY_MS has passed since the last. */
  tick(rows: number, fraction?: number): void {
    const at = this.now();
    if (at - this.last < PROGRESS_EVERY_MS) return;
    this.last = at;
    const share = fraction === undefined || !Number.isFinite(fraction) ? undefined : Math.min(1, Math.max(0, fraction));
    this.listener({
      stage: 'reading',
      rows,
      ...(share === undefined ? {} : { fraction: share }),
      elapsedMs: at - this.started,
    });
  }

  /** Every row is read: the file's data rows, told always. */
  read(rows: number): void {
    const at = this.now();
    this.last = at;
    this.listener({ stage: 'checking', rows, fraction: 1, elapsedMs: at - this.started });
  }
}
