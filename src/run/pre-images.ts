import type { InterviewApi } from '../feishu/interview-api.js';
import { BATCH_QUERY_MAX_IDS, type StoredRecord, readCurrent } from '../feishu/read-current.js';
import type { InterviewBody } from '../feishu/body.js';
import { AppendLog } from './journal.js';

/**
 * One line of a backup: an interview this run wrote, created or deleted, appended before the
 * request goes out (after it, for a create: its id is known only then). docs/run-files.md.
 */
export interface BackupEntry {
  /** The run that wrote it: `undo` undoes one run (a `--resume` goes on with its run). */
  run?: string;
  external_interview_id: string;
  taken_at: string;
  /** The body that puts it back (`undo` sends this); for a created interview, the body it was created with. */
  body: InterviewBody;
  /** batch_query's item as it came, ids included; absent for an interview this run created. */
  record?: StoredRecord;
  /** This run created the interview: `undo` deletes it, unless it changed since. */
  created?: boolean;
  /** The body this run sent (a PUT): the run owns the interview, and `undo` puts back what it changed. */
  written?: InterviewBody;
  /** This run deleted the interview (undo of a create); `body` is what it held. Not recreated by an undo. */
  deleted?: boolean;
}

/** The backup of one run: every line it appends carries the run's id. */
export class Backup {
  private lines = 0;

  private constructor(
    private readonly log: AppendLog<BackupEntry>,
    readonly runId: string,
  ) {}

  static open(path: string, runId: string): Backup {
    return new Backup(AppendLog.open<BackupEntry>(path, 'BACKUP'), runId);
  }

  /** Appends the line and puts it on disk (without blocking the event loop) before the request it guards goes out. */
  async write(entry: Omit<BackupEntry, 'run'>): Promise<void> {
    this.append(entry);
    await this.settle();
  }

  /** Appends the line; it is on disk only after the next `settle`, which its request must await. */
  append(entry: Omit<BackupEntry, 'run'>): void {
    this.log.write({ run: this.runId, ...entry });
    this.lines++;
  }

  /** Puts every line appended so far on disk (one sync for all of them: see `AppendLog.settle`). */
  settle(): Promise<void> {
    return this.log.settle();
  }

  /** True once the run has appended a line: it owns something an undo would put back. */
  get holdsAny(): boolean {
    return this.lines > 0;
  }

  close(): void {
    this.log.close();
  }
}

/** Chunks read ahead of the highest one asked for: reads stay ahead of writes, not the whole file. */
const LOOKAHEAD_CHUNKS = 5;
/**
 * batch_query calls in flight at once. With no rate limit and 25 ms of latency one call at a
 * time reads 800 ids/s, below what the writes can do; the read gate still paces them.
 */
const READS_IN_FLIGHT = 3;

interface Deferred {
  promise: Promise<Map<string, StoredRecord>>;
  resolve(found: Map<string, StoredRecord>): void;
  reject(error: unknown): void;
}

/**
 * What is done with a batch's records before any interview of the batch is handed out: the
 * backup lines of the whole batch are written and synced once there (a group commit), ahead
 * of the writes, rather than a sync in the path of every PUT.
 */
export type OnBatch = (ids: readonly string[], found: ReadonlyMap<string, StoredRecord>) => Promise<void>;

/**
 * Reads the current record of each interview before it is written: 20 ids a batch_query call,
 * in send order, a few calls ahead of the writes and paced by the API's own read gate. Only
 * what the run then writes goes to the backup (see `OnBatch`, before the request).
 */
export class PreImages {
  private readonly chunks: string[][] = [];
  private readonly chunkOf = new Map<string, number>();
  private readonly deferred: Deferred[] = [];
  private readonly handed: Promise<Map<string, StoredRecord>>[] = [];
  private wanted = -1;
  private next = 0;
  private inFlight = 0;

  constructor(
    private readonly api: InterviewApi,
    ids: readonly string[],
    private readonly stopping: () => boolean = () => false,
    private readonly onBatch?: OnBatch,
  ) {
    for (let i = 0; i < ids.length; i += BATCH_QUERY_MAX_IDS) this.chunks.push(ids.slice(i, i + BATCH_QUERY_MAX_IDS));
    this.chunks.forEach((chunk, c) => {
      for (const id of chunk) this.chunkOf.set(id, c);
      let resolve!: Deferred['resolve'];
      let reject!: Deferred['reject'];
      const promise = new Promise<Map<string, StoredRecord>>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // A chunk nobody awaits (the run stopped) must not become an unhandled rejection.
      promise.catch(() => {});
      this.deferred.push({ promise, resolve, reject });
    });
  }

  /** The batch_query calls the reads take. */
  get batches(): number {
    return this.chunks.length;
  }

  /** The interview's current record; undefined when it does not exist. */
  async get(id: string): Promise<StoredRecord | undefined> {
    const c = this.chunkOf.get(id);
    if (c === undefined) throw new Error(`no pre-image was planned for ${id}`);
    this.wanted = Math.max(this.wanted, c);
    this.pump();
    // The next batch is handed to `onBatch` too, so its sync is done before its first interview
    // is asked for; batches further ahead wait, so a stopped run leaves few lines it never sent.
    this.committed(c + 1);
    return (await this.committed(c)!).get(id);
  }

  /** The batch's records once `onBatch` is done with them (started on first need). */
  private committed(c: number): Promise<Map<string, StoredRecord>> | undefined {
    if (c >= this.chunks.length) return undefined;
    if (!this.handed[c]) {
      const handed = this.deferred[c]!.promise.then(async (found) => {
        await this.onBatch?.(this.chunks[c]!, found);
        return found;
      });
      // Awaited by the batch's own interviews, which report a failure; none is left unhandled.
      handed.catch(() => {});
      this.handed[c] = handed;
    }
    return this.handed[c];
  }

  /** Starts reads up to the lookahead, a few at a time; each finished read starts the next. */
  private pump(): void {
    while (
      this.inFlight < READS_IN_FLIGHT &&
      this.next < this.chunks.length &&
      this.next <= this.wanted + LOOKAHEAD_CHUNKS
    ) {
      if (this.stopping()) {
        // Nobody may wait forever for a read that will not happen.
        while (this.next < this.chunks.length) this.deferred[this.next++]!.reject(new Error('the run is stopping'));
        return;
      }
      const c = this.next++;
      this.inFlight++;
      void this.read(c).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async read(c: number): Promise<void> {
    try {
      this.deferred[c]!.resolve(await readCurrent(this.api, this.chunks[c]!));
    } catch (error) {
      this.deferred[c]!.reject(error);
    }
  }
}
