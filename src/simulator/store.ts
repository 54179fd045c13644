import type { InterviewBody } from '../feishu/body.js';

/** An interview as batch_query returns it: the body that landed plus Feishu's own ids. */
export interface StoredInterview extends Omit<InterviewBody, 'interview_assessments'> {
  id: string;
  interview_assessments?: (NonNullable<InterviewBody['interview_assessments']>[number] & { id: string })[];
}

/** The simulator's tenant: interviews by id, replaced whole by every PUT, as Feishu does. */
export class InterviewStore {
  readonly interviews = new Map<string, StoredInterview>();
  private nextId = 7_100_000_000_000_000_000n;
  /** When each external_id was last created: the same one is refused for 24 hours (docs/feishu-api.md, "Create"). */
  readonly createdExternalIds = new Map<string, number>();

  /** A new interview with a new id, as the create call makes it. */
  create(body: InterviewBody, now: number): StoredInterview {
    if (body.external_id !== undefined) this.createdExternalIds.set(body.external_id, now);
    return this.put(this.newId(), body);
  }

  /** True when `external_id` was created within the last 24 hours. */
  recentlyCreated(externalId: string | undefined, now: number): boolean {
    const at = externalId === undefined ? undefined : this.createdExternalIds.get(externalId);
    return at !== undefined && now - at < 86_400_000;
  }

  /** The interviews of one application, in creation order. */
  ofApplication(applicationId: string): StoredInterview[] {
    return [...this.interviews.values()].filter((i) => i.external_application_id === applicationId);
  }

  private newId(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  put(id: string, body: InterviewBody): StoredInterview {
    const stored: StoredInterview = {
      id,
      ...structuredClone(body),
      interview_assessments: body.interview_assessments?.map((a) => ({ id: this.newId(), ...structuredClone(a) })),
    };
    // An empty list is an interview without assessments, as a read shows it.
    if (!stored.interview_assessments?.length) delete stored.interview_assessments;
    this.interviews.set(id, stored);
    return stored;
  }

  get(id: string): StoredInterview | undefined {
    return this.interviews.get(id);
  }

  /** The body that would recreate a stored interview: ids removed. */
  static bodyOf(stored: StoredInterview): InterviewBody {
    const { id: _id, interview_assessments, ...rest } = structuredClone(stored);
    const body: InterviewBody = { ...rest };
    if (interview_assessments) body.interview_assessments = interview_assessments.map(({ id: _a, ...a }) => a);
    return body;
  }
}
