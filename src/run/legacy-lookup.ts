import { FEISHU } from '../feishu/messages.js';
import { say } from '../messages.js';
import { ToolError } from '../errors.js';
import type { CallResult, InterviewApi } from '../feishu/interview-api.js';
import { type StoredRecord, readPages } from '../feishu/read-current.js';
import { bodyHash, canonicalBody } from '../plan/canonical.js';
import type { InterviewBody } from '../feishu/body.js';
import { EarlierRecords } from './earlier-records.js';
import { withKnownKeys } from './known-keys.js';
import { editDistance } from '../edit-distance.js';

/**
 * What Feishu holds under an interview's legacy key. `keysUnread`: the listing carries no
 * `external_id`, so the interview was found by a record or by its body and its keys cannot be
 * compared (docs/feishu-api.md, "Batch query"). `gone`: Feishu ids the tool's records give the key
 * that the application no longer holds. `untold`: no record names the interview, its body matches
 * none, and the application holds interviews no record accounts for (`ids`): any of them may be it;
 * or (`twins`) the evidence that fits it (its body, a record) fits other keys of the file too.
 */
export type LegacyMatch =
  | {
      readonly kind: 'found';
      readonly id: string;
      readonly record: StoredRecord;
      readonly keysUnread?: boolean;
      readonly gone?: readonly string[];
    }
  | {
      readonly kind: 'absent';
      readonly gone?: readonly string[];
      /** Keys the run knows in the application that are close to this one (a mistyped key?): see `nearKeys`. */
      readonly near?: readonly string[];
    }
  | { readonly kind: 'ambiguous'; readonly ids: readonly string[] }
  | { readonly kind: 'untold'; readonly ids: readonly string[]; readonly twins?: readonly string[] };

/** A legacy interview of the file, as the lookup needs it: its application and its body. */
export interface LegacyItem {
  readonly application: string;
  /** Its legacy key (`external_id`). */
  readonly key: string;
  readonly body: InterviewBody;
}

/** Listings read at once, ahead of the writes; the read gate paces them (docs/feishu-api.md, "List an application's interviews"). */
const LISTINGS_IN_FLIGHT = 3;
const LOOKAHEAD = 40;
/** A key this many edits from a known one may be a typo of it; the message names a few at most. */
const NEAR_EDITS = 1;
const NEAR_SHOWN = 3;

/**
 * Finds interviews by (external_application_id, external_id): the run's own records first (the
 * journal of the run it resumes, and what this run created), then the application's interviews
 * as batch_query lists them. Where a listing carries no `external_id` at all, the tool's records
 * of earlier runs (`EarlierRecords`) say which interview is which, then the whole body; where
 * neither does and the application holds an interview nothing accounts for, the answer is
 * `untold`, never `absent`: a create there may duplicate it. Listings are read once per
 * application, in send order, ahead of use.
 */
export class LegacyLookup {
  private readonly listings = new Map<string, Promise<StoredRecord[]>>();
  private readonly order: string[];
  private next = 0;
  private inFlight = 0;
  private wanted = -1;
  /** Per application, the hashes (keys left out) of the file's interviews there, each with its keys: those match no foreign one. */
  private readonly fileBodies = new Map<string, Map<string, string[]>>();
  /** Feishu id → the legacy key this run matched it to: one interview belongs to at most one key. */
  private readonly claimed = new Map<string, string>();
  private readonly createdIds: Set<string>;
  /** Some listing held interviews and none carried `external_id`: the run says how it matched. */
  keyless = false;
  /** Each listing's bodies hashed once, keys left out. */
  private readonly hashes = new WeakMap<StoredRecord, string>();

  constructor(
    private readonly api: InterviewApi,
    items: readonly LegacyItem[],
    /** Legacy key → Feishu id, from the journal and this run's creates. */
    private readonly known: Map<string, string>,
    private readonly records: EarlierRecords = new EarlierRecords(),
    private readonly stopping: () => boolean = () => false,
    /** Feishu ids the file itself names (rows with 外部面试ID): those interviews are theirs, not a legacy key's. */
    named: Iterable<string> = [],
  ) {
    this.order = [...new Set(items.map((i) => i.application))];
    for (const i of items) {
      const bodies = this.fileBodies.get(i.application) ?? new Map<string, string[]>();
      const hash = bodyHash(withoutKeys(i.body));
      const keys = bodies.get(hash) ?? [];
      if (!keys.includes(i.key)) keys.push(i.key);
      bodies.set(hash, keys);
      this.fileBodies.set(i.application, bodies);
    }
    this.createdIds = new Set(known.values());
    for (const id of named) this.claimed.set(id, '');
  }

  /** The applications whose listings the run reads: one batch_query each, more for a listing past 20. */
  get applications(): number {
    return this.order.length;
  }

  /** Remembers an interview this run created, so no later lookup misses it. */
  created(key: string, id: string): void {
    this.known.set(key, id);
    this.createdIds.add(id);
  }

  /**
   * The match of one legacy key; an interview already matched to another key of this run is not
   * this one's (evidence that fits two keys proves neither): `untold`, naming both keys.
   */
  async find(
    key: string,
    applicationId: string,
    externalId: string,
    body: InterviewBody,
    fresh = false,
  ): Promise<LegacyMatch> {
    const match = await this.match(key, applicationId, externalId, body, fresh);
    if (match.kind !== 'found') return match;
    const owner = this.claimed.get(match.id);
    if (owner === '') return { kind: 'untold', ids: [match.id] };
    if (owner !== undefined && owner !== externalId)
      return { kind: 'untold', ids: [match.id], twins: [owner, externalId] };
    this.claimed.set(match.id, externalId);
    return match;
  }

  private async match(
    key: string,
    applicationId: string,
    externalId: string,
    body: InterviewBody,
    fresh: boolean,
  ): Promise<LegacyMatch> {
    const at = this.order.indexOf(applicationId);
    this.wanted = Math.max(this.wanted, at);
    this.pump();
    if (fresh) this.listings.delete(applicationId);
    const records = await this.listing(applicationId);
    const carriesKeys = records.some((r) => typeof r.external_id === 'string');
    const knownId = this.known.get(key);
    const byId = knownId === undefined ? undefined : records.find((r) => r.id === knownId);
    if (byId) return this.found(byId, !carriesKeys);
    if (records.length > 0 && !carriesKeys) this.keyless = true;
    if (!carriesKeys) return this.findWithoutKeys(records, applicationId, externalId, body);
    const matches = records.filter((r) => r.external_id === externalId);
    if (matches.length === 0) return { kind: 'absent' };
    if (matches.length > 1) return { kind: 'ambiguous', ids: matches.map((r) => r.id!) };
    return { kind: 'found', id: matches[0]!.id!, record: matches[0]! };
  }

  /**
   * Keys the run knows in an application (its listing's, the records', the file's) that are close
   * to `key`: one edit or swap apart, or the same once leading zeros go (`0001077` → `000107`).
   * Asked only when a create is refused, so the listing is the one already read.
   */
  async nearKeys(application: string, key: string): Promise<string[]> {
    const known = new Set<string>(this.records.keysIn(application));
    for (const keys of this.fileBodies.get(application)?.values() ?? []) for (const k of keys) known.add(k);
    for (const r of await this.listing(application)) if (typeof r.external_id === 'string') known.add(r.external_id);
    known.delete(key);
    const trimmed = (k: string) => k.replace(/^0+/, '');
    return [...known]
      .map((k) => ({ k, d: trimmed(k) === trimmed(key) ? 0 : editDistance(k, key) }))
      .filter((x) => x.d <= NEAR_EDITS)
      .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
      .slice(0, NEAR_SHOWN)
      .map((x) => x.k);
  }

  /** A found interview; read without keys, with the keys the tool's records say it wrote there. */
  private found(record: StoredRecord, keysUnread: boolean): Extract<LegacyMatch, { kind: 'found' }> {
    if (!keysUnread) return { kind: 'found', id: record.id!, record };
    return {
      kind: 'found',
      id: record.id!,
      record: withKnownKeys(record, this.records.keysOf(record.id!)),
      keysUnread,
    };
  }

  /** A listing without keys: the records of earlier runs, then the body, then refuse to guess. */
  private findWithoutKeys(
    records: readonly StoredRecord[],
    application: string,
    externalId: string,
    body: InterviewBody,
  ): LegacyMatch {
    const named = this.records.named(externalId, application);
    const held = records.filter((r) => named.includes(r.id!));
    const gone = named.filter((id) => !held.some((r) => r.id === id));
    const goneOrNot = gone.length > 0 ? { gone } : {};
    if (held.length > 1) return { kind: 'ambiguous', ids: held.map((r) => r.id!) };
    if (held.length === 1) {
      // Records that give one interview to two keys prove neither.
      const keys = this.records.keysNaming(held[0]!.id!, application);
      if (keys.length > 1) return { kind: 'untold', ids: [held[0]!.id!], twins: keys };
      return this.found(held[0]!, true);
    }
    // An interview the records give another key is that one's, whatever its body.
    const hash = bodyHash(withoutKeys(body));
    const matches = records.filter((r) => !this.accountedFor(r, externalId) && this.hashOf(r) === hash);
    // A body the file gives two keys fits both: it tells neither apart (twins: a slot booked twice).
    const twins = this.fileBodies.get(application)?.get(hash) ?? [];
    if (matches.length > 0 && twins.length > 1) return { kind: 'untold', ids: matches.map((r) => r.id!), twins };
    if (matches.length > 1) return { kind: 'ambiguous', ids: matches.map((r) => r.id!) };
    if (matches.length === 1) return { ...this.found(matches[0]!, true), ...goneOrNot };
    const mine = this.fileBodies.get(application);
    const untold = records.filter((r) => !this.accountedFor(r, externalId) && !mine?.has(this.hashOf(r)));
    if (untold.length > 0) return { kind: 'untold', ids: untold.map((r) => r.id!) };
    return { kind: 'absent', ...goneOrNot };
  }

  /** A record or this run gives the interview to a legacy key (to another key, where this one's records did not name it). */
  private accountedFor(r: StoredRecord, externalId: string): boolean {
    const owner = this.claimed.get(r.id!);
    return this.records.accounts(r.id!) || this.createdIds.has(r.id!) || (owner !== undefined && owner !== externalId);
  }

  private hashOf(r: StoredRecord): string {
    let h = this.hashes.get(r);
    if (h === undefined) {
      h = bodyHash(withoutKeys(canonicalBody(r)));
      this.hashes.set(r, h);
    }
    return h;
  }

  private listing(applicationId: string): Promise<StoredRecord[]> {
    let p = this.listings.get(applicationId);
    if (!p) {
      p = readApplication(this.api, applicationId);
      p.catch(() => {});
      this.listings.set(applicationId, p);
    }
    return p;
  }

  /** Starts listings of the applications next in send order, a few at a time. */
  private pump(): void {
    while (
      this.inFlight < LISTINGS_IN_FLIGHT &&
      this.next < this.order.length &&
      this.next <= this.wanted + LOOKAHEAD &&
      !this.stopping()
    ) {
      const application = this.order[this.next++]!;
      if (this.listings.has(application)) continue;
      this.inFlight++;
      void this.listing(application)
        .catch(() => {})
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}

/** A body as a read without `external_id` shows it: compared whole, the keys left out on both sides. */
export function withoutKeys(body: InterviewBody): InterviewBody {
  const { external_id: _e, interview_assessments, ...rest } = body;
  const out: InterviewBody = { ...rest };
  if (interview_assessments) out.interview_assessments = interview_assessments.map(({ external_id: _a, ...a }) => a);
  return out;
}

/** Every interview of one application, following page tokens; a failed read stops the caller. */
function readApplication(api: InterviewApi, applicationId: string): Promise<StoredRecord[]> {
  const failed = (result: CallResult) =>
    new ToolError(
      'HTTP_READ_FAILED',
      say(
        FEISHU.listingFailed({
          application: applicationId,
          code: String(result.errorCode),
          message: result.message,
          logId: result.logId ?? 'none',
        }),
      ),
      { status: result.httpStatus, logId: result.logId },
    );
  return readPages((token) => api.listApplication(applicationId, token), failed);
}
