/** How far a run has got: sent after every interview that finishes. */
export interface ProgressEvent {
  /** Interviews finished, whatever their outcome, of `total`. */
  readonly done: number;
  readonly total: number;
  readonly ok: number;
  readonly failed: number;
  readonly notSent: number;
  /** Finished without a write (Feishu already held exactly this, or an earlier run landed it). */
  readonly skipped: number;
  /** Writes sent so far (PUTs, creates, deletes), for the rate. */
  readonly requests: number;
  /** Calls retried so far, and those Feishu answered 429 (the page shows both live). */
  readonly retried?: number;
  readonly rateLimited?: number;
  readonly elapsedMs: number;
  /** Calls are failing to reach Feishu (or its servers err), none getting through: see `ApiStats.trouble`. */
  readonly trouble?: { readonly kind: 'network' | 'server'; readonly retries: number; readonly waiting: boolean };
}

/**
 * What a run may be given besides its options. Runs print nothing: the CLI shows progress
 * from `onProgress` and prints the result's `text` or `summary`.
 */
export interface RunContext {
  /** Aborting it stops starting new requests; those in flight get a grace period, the rest are `not_sent`. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Called once before the first call with how long the run takes at its pace (`paceLine`, src/feishu/estimate.ts). */
  readonly onStart?: (line: string) => void;
  /**
   * While no call gets through (no connection, Feishu's servers failing), wait and keep trying
   * until one does or the run is stopped, rather than fail each interview in turn: the page's
   * runs, watched by a person who sees it named. The CLI, run by schedulers, fails fast.
   */
  readonly waitWhileUnreachable?: boolean;
}
