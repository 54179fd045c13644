import type { InterviewApi } from '../feishu/interview-api.js';
import { BATCH_QUERY_MAX_IDS, type StoredRecord, readCurrent } from '../feishu/read-current.js';
import { canonicalBody } from '../plan/canonical.js';
import type { InterviewBody } from '../feishu/body.js';
import { AppendLog } from './journal.js';

/** One line of a backup: an interview as it was before this tool overwrote it. */
export interface BackupEntry {
  /** The run that overwrote it: `undo` restores one run (a `--resume` goes on with its run). */
  run?: string;
  external_interview_id: string;
  taken_at: string;
  /** The body that puts it back (`undo` sends this); for a created interview, the body it was created with. */
  body: InterviewBody;
  /** batch_query's item as it came, ids included; absent for an interview this run created. */
  record?: StoredRecord;
  /** This run created the interview: `undo` deletes it, unless it changed since. */
  created?: boolean;
}

/** The backup of one run: every line it appends carries the run's id. */
export class Backup {
  private constructor(
    private readonly log: AppendLog<BackupEntry>,
    readonly runId: string,
  ) {}

  static open(path: string, runId: string): Backup {
    return new Backup(AppendLog.open<BackupEntry>(path, 'BACKUP'), runId);
  }

  write(entry: Omit<BackupEntry, 'run'>): void {
    this.log.write({ run: this.runId, ...entry });
  }

  /** Puts what was written on disk, without blocking the event loop (see `AppendLog.settle`). */
  settle(): Promise<void> {
    return this.log.settle();
  }

  close(): void {
    this.log.close();
  }
}

/** Beside the report: `<report>.backup.jsonl`. */
export function backupPathFor(report: string): string {
  return `${report}.backup.jsonl`;
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
 * Reads the current record of each interview before it is written: 20 ids a batch_query call,
 * in send order, a few calls ahead of the writes and paced by the API's own read gate. Each
 * batch's pre-images are appended to the backup and forced to disk before any of its
 * interviews may be sent.
 */
export class PreImages {
  private readonly chunks: string[][] = [];
  private readonly chunkOf = new Map<string, number>();
  private readonly deferred: Deferred[] = [];
  private wanted = -1;
  private next = 0;
  private inFlight = 0;

  constructor(
    private readonly api: InterviewApi,
    ids: readonly string[],
    private readonly backup: Backup | undefined,
    private readonly stopping: () => boolean = () => false,
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

  /** The interview's current record; undefined when it does not exist. */
  async get(id: string): Promise<StoredRecord | undefined> {
    const c = this.chunkOf.get(id);
    if (c === undefined) throw new Error(`no pre-image was planned for ${id}`);
    this.wanted = Math.max(this.wanted, c);
    this.pump();
    return (await this.deferred[c]!.promise).get(id);
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
      const found = await readCurrent(this.api, this.chunks[c]!);
      if (this.backup) {
        const at = new Date().toISOString();
        for (const id of this.chunks[c]!) {
          const record = found.get(id);
          if (record)
            this.backup.write({ external_interview_id: id, taken_at: at, body: canonicalBody(record), record });
        }
        await this.backup.settle();
      }
      this.deferred[c]!.resolve(found);
    } catch (error) {
      this.deferred[c]!.reject(error);
    }
  }
}
