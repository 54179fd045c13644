import { FEISHU, say } from '../catalogue.js';
import { ToolError } from '../errors.js';
import type { InterviewApi } from '../feishu/interview-api.js';
import { type StoredRecord, pageOf } from '../feishu/read-current.js';
import { bodyHash, canonicalBody } from '../plan/canonical.js';
import type { InterviewBody } from '../feishu/body.js';

/** What Feishu holds under an interview's legacy key. */
export type LegacyMatch =
  | { readonly kind: 'found'; readonly id: string; readonly record: StoredRecord }
  | { readonly kind: 'absent' }
  | { readonly kind: 'ambiguous'; readonly ids: readonly string[] };

/** Listings read at once, ahead of the writes; the read gate paces them (docs/feishu-api.md, "List an application's interviews"). */
const LISTINGS_IN_FLIGHT = 3;
const LOOKAHEAD = 40;

/**
 * Finds interviews by (external_application_id, external_id): the run's own records first (the
 * journal of the run it resumes, and what this run created), then the application's interviews
 * as batch_query lists them. Where a read carries no `external_id` at all, an interview matches by
 * its whole body instead. Listings are read once per application, in send order, ahead of use.
 */
export class LegacyLookup {
  private readonly listings = new Map<string, Promise<StoredRecord[]>>();
  private readonly order: string[];
  private next = 0;
  private inFlight = 0;
  private wanted = -1;

  constructor(
    private readonly api: InterviewApi,
    applicationsInSendOrder: readonly string[],
    /** Legacy key → Feishu id, from the journal and this run's creates. */
    private readonly known: Map<string, string>,
    private readonly stopping: () => boolean = () => false,
  ) {
    this.order = [...new Set(applicationsInSendOrder)];
  }

  /** Remembers an interview this run created, so no later lookup misses it. */
  created(key: string, id: string): void {
    this.known.set(key, id);
  }

  async find(
    key: string,
    applicationId: string,
    externalId: string,
    body: InterviewBody,
    fresh = false,
  ): Promise<LegacyMatch> {
    const at = this.order.indexOf(applicationId);
    this.wanted = Math.max(this.wanted, at);
    this.pump();
    if (fresh) this.listings.delete(applicationId);
    const records = await this.listing(applicationId);
    const knownId = this.known.get(key);
    const byId = knownId === undefined ? undefined : records.find((r) => r.id === knownId);
    if (byId) return { kind: 'found', id: byId.id!, record: byId };
    const carriesKeys = records.some((r) => typeof r.external_id === 'string');
    const hash = carriesKeys ? undefined : bodyHash(withoutKeys(body));
    const matches = records.filter((r) =>
      carriesKeys ? r.external_id === externalId : bodyHash(withoutKeys(canonicalBody(r))) === hash,
    );
    if (matches.length === 0) return { kind: 'absent' };
    if (matches.length > 1) return { kind: 'ambiguous', ids: matches.map((r) => r.id!) };
    return { kind: 'found', id: matches[0]!.id!, record: matches[0]! };
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
async function readApplication(api: InterviewApi, applicationId: string): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  let pageToken: string | undefined;
  do {
    const result = await api.listApplication(applicationId, pageToken);
    if (result.outcome !== 'ok') {
      throw new ToolError(
        'HTTP_READ_FAILED',
        say(
          FEISHU.listingFailed({
            application: applicationId,
            code: String(result.errorCode),
            message: result.message,
            logId: result.logId ?? 'none',
          }),
        ),
        {
          status: result.httpStatus,
          logId: result.logId,
        },
      );
    }
    const page = pageOf(result);
    for (const item of page.items) if (typeof item.id === 'string') out.push(item);
    pageToken = page.next;
  } while (pageToken);
  return out;
}
