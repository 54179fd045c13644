import type { InterviewBody } from '../plan/types.js';

/** An interview as batch_query returns it: the body that landed plus Feishu's own ids. */
export interface StoredInterview {
  id: string;
  external_application_id: string;
  participate_status?: number;
  begin_time?: number;
  end_time?: number;
  interview_assessments?: (NonNullable<InterviewBody['interview_assessments']>[number] & { id: string })[];
}

/** The simulator's tenant: interviews by id, replaced whole by every PUT, as Feishu does. */
export class InterviewStore {
  readonly interviews = new Map<string, StoredInterview>();
  private nextId = 7_100_000_000_000_000_000n;

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
    if (stored.interview_assessments === undefined) delete stored.interview_assessments;
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
