import { FILES } from '../report/messages.js';
import { say } from '../messages.js';
import { closeSync, constants, existsSync, fdatasync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { ToolError } from '../errors.js';
import { PRIVATE_MODE, openOwnFile, readOwnFile, untrustedFile } from '../report/private-file.js';

/** One line of the journal. Bodies are not written (they hold candidates' data); their hash is. */
export type JournalEntry =
  | {
      t: 'run';
      at: string;
      input: string;
      report: string;
      command: string;
      run_id?: string;
      origin?: string;
      app_id?: string;
      input_hash?: string;
      /** The mapping profile the file was read through (its content), when there was one. */
      profile?: unknown;
    }
  | {
      t: 'sending';
      id: string;
      hash: string;
      /** What the request is: a resumed run takes a `create` whose answer was lost, and that landed, as its own. */
      op?: 'put' | 'create' | 'delete';
    }
  | {
      t: 'result';
      id: string;
      hash: string;
      status: 'ok' | 'failed';
      /** For an interview without a Feishu id in the file: the id it has in Feishu (created or found). */
      feishu_id?: string;
      error_code?: string;
      message?: string;
      http_status?: number;
      log_id?: string;
      attempts?: number;
      skipped?: boolean;
    };

const syncData = promisify(fdatasync);

/** fsync at most this often: a power cut loses at most this much, SIGKILL loses nothing. */
const SYNC_EVERY_MS = 200;

/**
 * An append-only JSON-lines file (the journal, the backup). Each line is written with one
 * `write` call, so it is in the kernel (and survives SIGKILL) the moment the call returns;
 * `fdatasync` runs at most every 200 ms, or when `flush` is asked for, so that a power cut
 * loses little without an fsync per request.
 */
export class AppendLog<T> {
  private lastSync = 0;
  /** Lines appended, and how many of them a sync has put on disk. */
  private written = 0;
  private synced = 0;
  private syncFailure: unknown;
  /** The sync under way, which later callers of `settle` wait for before starting their own. */
  private syncing: Promise<void> | undefined;

  private constructor(
    readonly path: string,
    private readonly what: 'JOURNAL' | 'BACKUP',
    private fd: number | undefined,
  ) {}

  static open<T>(path: string, what: 'JOURNAL' | 'BACKUP'): AppendLog<T> {
    const word = what === 'JOURNAL' ? FILES.journalWord : FILES.backupWord;
    const append = constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW;
    try {
      // A new one is created, never taken over (O_EXCL), and the user's alone (0600); one that is
      // there (a --resume, an earlier run on this report) is appended to only if it is the user's own.
      let fd: number;
      try {
        fd = openSync(path, append | constants.O_CREAT | constants.O_EXCL, PRIVATE_MODE);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        fd = openOwnFile(path, append, (why) => untrustedFile(word, path, why));
      }
      return new AppendLog<T>(path, what, fd);
    } catch (error) {
      if (error instanceof ToolError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new ToolError(
        `${what}_UNWRITABLE`,
        say(
          FILES.unwritable({
            what: say(what === 'JOURNAL' ? FILES.journalWord : FILES.backupWord),
            path,
            code: code ?? String(error),
          }),
        ),
        { file: path },
      );
    }
  }

  write(entry: T): void {
    if (this.syncFailure !== undefined) throw this.syncFailure;
    this.append(`${JSON.stringify(entry)}\n`);
    const now = Date.now();
    if (now - this.lastSync < SYNC_EVERY_MS) return;
    // The periodic sync runs beside the requests; a failure stops the run at the next write.
    this.lastSync = now;
    this.settle().catch((error: unknown) => {
      this.syncFailure = error;
    });
  }

  /** Forces what was written onto the disk before returning: `close` does, the last sync of a run. */
  flush(): void {
    const upTo = this.written;
    if (this.fd === undefined || this.synced >= upTo) return;
    try {
      fdatasyncSync(this.fd);
    } catch (error) {
      this.fail(error);
    }
    this.synced = upTo;
    this.lastSync = Date.now();
  }

  /**
   * `flush` without blocking: the sync runs on libuv's thread pool while responses to other
   * requests are handled (done on the main thread, 100 syncs of a 2,000-interview run held every
   * response up for 280 ms). One sync runs at a time; lines written while it runs share the next
   * one (a group commit).
   */
  async settle(): Promise<void> {
    const upTo = this.written;
    while (this.fd !== undefined && this.synced < upTo) {
      this.syncing ??= this.syncOnce().finally(() => {
        this.syncing = undefined;
      });
      await this.syncing;
    }
  }

  private async syncOnce(): Promise<void> {
    const upTo = this.written;
    try {
      await syncData(this.fd!);
    } catch (error) {
      // A sync that lost the race with close() has nothing left to sync.
      if (this.fd === undefined) return;
      this.fail(error);
    }
    this.synced = Math.max(this.synced, upTo);
    this.lastSync = Date.now();
  }

  private append(line: string): void {
    if (this.fd === undefined) return;
    try {
      writeSync(this.fd, line);
      this.written++;
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): never {
    throw new ToolError(
      `${this.what}_UNWRITABLE`,
      say(
        FILES.appendFailed({
          what: say(this.what === 'JOURNAL' ? FILES.journalWord : FILES.backupWord),
          path: this.path,
          code: (error as NodeJS.ErrnoException).code ?? String(error),
        }),
      ),
      { file: this.path },
    );
  }

  close(): void {
    if (this.fd === undefined) return;
    try {
      this.flush();
    } catch {
      // The entries were written; a failed final sync is not worth failing the run for.
    }
    closeSync(this.fd);
    this.fd = undefined;
  }
}

export type Journal = AppendLog<JournalEntry>;

export function openJournal(path: string): Journal {
  return AppendLog.open<JournalEntry>(path, 'JOURNAL');
}

export interface JournalState {
  /** The run these results belong to: a `--resume` goes on with it, so one undo covers both. */
  readonly runId?: string;
  /** Where the first run sent, as which app, from which input (sha-256): a resume must match. */
  readonly origin?: string;
  readonly appId?: string;
  readonly inputHash?: string;
  /** Interviews whose last result was ok, with the hash of the body that landed. */
  readonly landed: ReadonlyMap<string, string>;
  /** Interviews sent without a result recorded (the run was killed mid-request). */
  readonly inDoubt: ReadonlyMap<string, string>;
  /** The creates among them: legacy key → hash of the body sent. */
  readonly inDoubtCreates: ReadonlyMap<string, string>;
  /** Legacy key → Feishu id of every interview the run created or found: never created again. */
  readonly feishuIds: ReadonlyMap<string, string>;
}

/** Reads a journal; a torn last line (the run was killed mid-write) is ignored. */
export function readJournal(path: string): JournalState {
  if (!existsSync(path)) {
    throw new ToolError('RESUME_NO_JOURNAL', say(FILES.noJournal(path)), { file: path });
  }
  const landed = new Map<string, string>();
  const inDoubt = new Map<string, string>();
  const inDoubtCreates = new Map<string, string>();
  const feishuIds = new Map<string, string>();
  let runId: string | undefined;
  let first: Extract<JournalEntry, { t: 'run' }> | undefined;
  // A --resume skips what this journal says landed: it must be the user's own (see openOwnFile).
  const text = readOwnFile(path, (why) => untrustedFile(FILES.journalWord, path, why));
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let e: JournalEntry;
    try {
      e = JSON.parse(line) as JournalEntry;
    } catch {
      continue;
    }
    if (e.t === 'run') {
      runId = e.run_id ?? runId;
      first ??= e;
    } else if (e.t === 'sending') {
      inDoubt.set(e.id, e.hash);
      if (e.op === 'create') inDoubtCreates.set(e.id, e.hash);
      else inDoubtCreates.delete(e.id);
    } else if (e.t === 'result') {
      inDoubt.delete(e.id);
      inDoubtCreates.delete(e.id);
      if (e.feishu_id) feishuIds.set(e.id, e.feishu_id);
      if (e.status === 'ok') landed.set(e.id, e.hash);
      else landed.delete(e.id);
    }
  }
  return {
    runId,
    origin: first?.origin,
    appId: first?.app_id,
    inputHash: first?.input_hash,
    landed,
    inDoubt,
    inDoubtCreates,
    feishuIds,
  };
}
