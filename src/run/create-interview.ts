import { STOPPED } from './messages.js';
import { OUTCOME } from './outcome-messages.js';
import { say } from '../messages.js';
import type { InterviewBody } from '../feishu/body.js';
import type { InterviewApi } from '../feishu/interview-api.js';
import type { SendablePlanned } from '../plan/types.js';
import { applicationOf } from './decide.js';
import type { CreateOne } from './dispatch.js';
import type { LegacyLookup, LegacyMatch } from './legacy-lookup.js';
import type { Backup } from './pre-images.js';

/**
 * Creates one interview. A create is never repeated blindly: after any failure it is looked up
 * again, and a create whose answer was lost and that is not found is tried again, at most
 * `tries` times. Each creation goes to the backup (so `undo` deletes it) before it is reported.
 */
export function createWith(
  api: InterviewApi,
  lookup: LegacyLookup,
  backup: Backup | undefined,
  byKey: ReadonlyMap<string, SendablePlanned>,
  tries: number,
): CreateOne {
  const remember = async (key: string, id: string, body: InterviewBody) => {
    lookup.created(key, id);
    await backup?.write({ external_interview_id: id, taken_at: new Date().toISOString(), body, created: true });
  };
  return async (item, body) => {
    const p = byKey.get(item.id)!;
    for (let attempt = 1; ; attempt++) {
      const result = await api.create(body);
      const id = (result.data as { external_interview?: { id?: unknown } } | undefined)?.external_interview?.id;
      if (result.outcome === 'ok' && typeof id === 'string') {
        await remember(item.id, id, body);
        return { result, id };
      }
      if (result.outcome === 'stop-run') return { result };
      let again: LegacyMatch;
      try {
        again = await lookup.find(item.id, applicationOf(p), p.legacy!.externalId, body, true);
      } catch (error) {
        // Whether it landed is unknown: say so; a re-run or --resume looks it up before creating.
        return {
          result: {
            ...result,
            message: say(
              STOPPED.lookupAfterCreateFailed({ message: result.message ?? '', problem: (error as Error).message }),
            ),
          },
        };
      }
      if (again.kind === 'found') {
        await remember(item.id, again.id, body);
        return {
          result: { ...result, outcome: 'ok', message: 'ok', note: say(OUTCOME.foundAfterLostAnswer) },
          id: again.id,
        };
      }
      if (!result.mayHaveLanded || attempt >= tries) return { result };
    }
  };
}
