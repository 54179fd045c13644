import type { InterviewApi } from '../feishu/interview-api.js';
import type { StoredRecord } from '../feishu/read-current.js';
import { bodyHash, canonicalBody } from '../plan/canonical.js';
import { diffBodies } from '../plan/merge.js';
import type { InterviewBody, PlannedInterview } from '../plan/types.js';
import type { CreateOne, Prepared, SendOutcome } from '../run/dispatch.js';
import type { LegacyLookup, LegacyMatch } from '../run/legacy-lookup.js';
import type { Backup } from '../run/pre-images.js';

/** What preparing a legacy interview needs from the run. */
export interface LegacyContext {
  readonly lookup: LegacyLookup;
  readonly backup: Backup | undefined;
  readonly createMissing: boolean;
  readonly dryRun: boolean;
  readonly zone: string;
  readonly landed?: ReadonlyMap<string, string>;
  readonly wouldSend: Map<string, InterviewBody>;
  /** The body for a record: the file's (plain) or the file's merged onto it (`--merge`). */
  readonly bodyFor: (p: PlannedInterview, current: Record<string, unknown>) => { body: InterviewBody } | { done: SendOutcome };
}

export function applicationOf(p: PlannedInterview): string {
  return p.body?.external_application_id ?? p.patch?.set.external_application_id ?? '';
}

/**
 * An interview the file names by its legacy key (`external_id`, no Feishu id): found in Feishu,
 * it is updated like any other (backed up, skipped when unchanged); absent, it is created with
 * `--create-missing`, else reported missing; found twice, it is reported and left alone.
 */
export async function prepareLegacy(p: PlannedInterview, c: LegacyContext): Promise<Prepared> {
  const application = applicationOf(p);
  const externalId = p.legacy!.externalId;
  const match = await c.lookup.find(p.id, application, externalId, p.body ?? { external_application_id: application, external_id: externalId });
  if (match.kind === 'ambiguous') {
    return { done: { status: 'failed', kind: 'ambiguous', errorCode: 'RUN_EXTERNAL_ID_AMBIGUOUS', message: `not sent: external_id ${JSON.stringify(externalId)} matches ${match.ids.length} interviews of application ${application} in Feishu (${match.ids.join(', ')}); put that interview's Feishu ID in external_interview_id, or delete the duplicate in Feishu` } };
  }
  if (match.kind === 'absent') return prepareCreate(p, application, externalId, c);
  return prepareFound(p, match.id, match.record, c);
}

function prepareCreate(p: PlannedInterview, application: string, externalId: string, c: LegacyContext): Prepared {
  if (!c.createMissing) {
    return { done: { status: 'failed', kind: 'missing', errorCode: 'RUN_NOT_FOUND', message: `not sent: application ${application} has no interview with external_id ${JSON.stringify(externalId)} in Feishu; import with --create-missing to create it, or put its Feishu ID in external_interview_id` } };
  }
  const built = c.bodyFor(p, { external_application_id: application });
  if ('done' in built) return built;
  const hash = bodyHash(built.body);
  if (c.dryRun) {
    c.wouldSend.set(p.id, built.body);
    return { done: { status: 'ok', kind: 'created', message: 'would create' } };
  }
  return { create: built.body, hash };
}

function prepareFound(p: PlannedInterview, id: string, record: StoredRecord, c: LegacyContext): Prepared {
  const built = c.bodyFor(p, record);
  if ('done' in built) return { done: { ...built.done, feishuId: id } };
  const hash = bodyHash(built.body);
  const before = canonicalBody(record);
  if (bodyHash(before) === hash) return { done: { status: 'skipped', kind: 'unchanged', feishuId: id, message: 'unchanged: Feishu already holds exactly this' }, hash };
  if (c.dryRun) {
    c.wouldSend.set(p.id, built.body);
    return { done: { status: 'ok', kind: 'changed', feishuId: id, message: `would change: ${diffBodies(before, built.body, c.zone).join('; ')}` } };
  }
  // The pre-image is on disk before the PUT goes out, as for every other interview.
  if (c.backup) {
    c.backup.write({ external_interview_id: id, taken_at: new Date().toISOString(), body: before, record });
    c.backup.flush();
  }
  return { send: built.body, hash, to: id };
}

/**
 * Creates one interview. A create is never repeated blindly: after any failure it is looked up
 * again, and a create whose answer was lost and that is not found is tried again, at most
 * `tries` times. Each creation goes to the backup (so `undo` deletes it) before it is reported.
 */
export function createWith(api: InterviewApi, lookup: LegacyLookup, backup: Backup | undefined, byKey: ReadonlyMap<string, PlannedInterview>, tries: number): CreateOne {
  const remember = (key: string, id: string, body: InterviewBody) => {
    lookup.created(key, id);
    if (backup) {
      backup.write({ external_interview_id: id, taken_at: new Date().toISOString(), body, created: true });
      backup.flush();
    }
  };
  return async (item, body) => {
    const p = byKey.get(item.id)!;
    for (let attempt = 1; ; attempt++) {
      const result = await api.create(body);
      const id = (result.data as { external_interview?: { id?: unknown } } | undefined)?.external_interview?.id;
      if (result.outcome === 'ok' && typeof id === 'string') {
        remember(item.id, id, body);
        return { result, id };
      }
      if (result.outcome === 'stop-run') return { result };
      let again: LegacyMatch;
      try {
        again = await lookup.find(item.id, applicationOf(p), p.legacy!.externalId, body, true);
      } catch (error) {
        // Whether it landed is unknown: say so; a re-run or --resume looks it up before creating.
        return { result: { ...result, message: `${result.message}; looking it up afterwards failed too (${(error as Error).message}): import again to find it before anything is created` } };
      }
      if (again.kind === 'found') {
        remember(item.id, again.id, body);
        return { result: { ...result, outcome: 'ok', message: 'created (found after an answer that was lost)' }, id: again.id };
      }
      if (!result.mayHaveLanded || attempt >= tries) return { result };
    }
  };
}
