import { OUTCOME } from '../run/outcome-messages.js';
import { RUN } from '../run/messages.js';
import { say } from '../messages.js';
import { dirname, resolve } from 'node:path';
import type { VerifyArgs } from '../options.js';
import { BATCH_QUERY_MAX_IDS, type StoredRecord, readCurrent } from '../feishu/read-current.js';
import { bodyHash, canonicalBody } from '../plan/canonical.js';
import { keepKeys } from '../plan/keep-keys.js';
import { type MergeRefusal, diffBodies, mergeBody } from '../plan/merge.js';
import { columnsOf } from '../input/table.js';
import type { MergePlanned, Plan, RowOutcome, WholePlanned } from '../plan/types.js';
import { finishRun } from '../report/finish-run.js';
import type { InterviewBody } from '../feishu/body.js';
import { readEarlierRecords } from '../run/earlier-records.js';
import { proveIds } from '../run/prove-ids.js';
import { LegacyLookup, type LegacyMatch, withoutKeys } from '../run/legacy-lookup.js';
import { connect } from './connect.js';
import type { RunResult } from '../report/run-result.js';
import { refuseInputAsOutput, withClaimedReport } from './outputs.js';
import { inputLines, readPlan } from './read-plan.js';
import { applicationOf } from '../run/decide.js';

/**
 * `verify FILE`: read-only sign-off. Reads every interview of the file (by Feishu id, or by
 * application and `external_id`) and reports per row `match` or the field-level difference
 * between what Feishu holds and what the file says. Writes nothing to Feishu.
 */
export async function verifyCommand(asked: Readonly<VerifyArgs>): Promise<RunResult> {
  refuseInputAsOutput(asked.file, { report: asked.reportFile ? asked.report : undefined });
  const { options, beside } = withClaimedReport(asked, 'verify');
  const read = await readPlan(options);
  const { warnings } = read;
  // Beside the verify report sit the import's report, journal and backup: they say which interview is which.
  const records = read.plan.interviews.some((p) => p.legacy)
    ? await readEarlierRecords(dirname(resolve(options.report)), options.records, read.plan.mapping)
    : undefined;
  const plan = proveIds(read.plan, records);
  const hardStop = new AbortController();
  const { base, client, api } = await connect(options, hardStop.signal, () => false);
  try {
    const valid = plan.interviews.filter(
      (p): p is WholePlanned | MergePlanned => p.kind === 'replace' || p.kind === 'merge',
    );
    const byId = await readByIds(
      api,
      valid.filter((p) => !p.legacy).map((p) => p.id),
    );
    const legacy = valid.filter((p) => p.legacy);
    const lookup = new LegacyLookup(
      api,
      legacy.map((p) => ({ application: applicationOf(p), key: p.legacy!.externalId, body: bodyToFind(p) })),
      new Map(),
      records,
      undefined,
      valid.filter((p) => !p.legacy).map((p) => p.id),
    );
    const outcomes = plan.outcomes.slice();
    let matched = 0;
    for (const p of valid) {
      const match: LegacyMatch = p.legacy
        ? await lookup.find(p.id, applicationOf(p), p.legacy.externalId, bodyToFind(p))
        : found(p.id, byId.get(p.id));
      const outcome = compare(p, match, plan);
      if (outcome.status === 'ok') matched++;
      for (const i of p.rows) outcomes[i] = outcome;
    }
    const lines = [
      say(
        RUN.verified({ origin: base.origin, reads: api.stats.requests, matched, interviews: plan.interviews.length }),
      ),
    ];
    if (lookup.keyless) lines.push(say(RUN.readsWithoutKeys(records?.files ?? 0)));
    return await finishRun({
      plan,
      outcomes,
      command: 'verify',
      report: options.reportFile ? options.report : undefined,
      reportFacts: { origin: base.origin, requests: api.stats.requests },
      head: inputLines(plan),
      warnings,
      lines,
      beside,
      json: { origin: base.origin, matched },
    });
  } finally {
    await client.close();
  }
}

async function readByIds(
  api: Parameters<typeof readCurrent>[0],
  ids: readonly string[],
): Promise<Map<string, StoredRecord>> {
  const all = new Map<string, StoredRecord>();
  for (let i = 0; i < ids.length; i += BATCH_QUERY_MAX_IDS * 5)
    for (const [k, v] of await readCurrent(api, ids.slice(i, i + BATCH_QUERY_MAX_IDS * 5))) all.set(k, v);
  return all;
}

const found = (id: string, record: StoredRecord | undefined): LegacyMatch =>
  record ? { kind: 'found', id, record } : { kind: 'absent' };

/** What a legacy interview is found by: the file's body, or for a correction its key and application. */
const bodyToFind = (p: WholePlanned | MergePlanned): InterviewBody =>
  p.body ?? { external_id: p.legacy?.externalId, external_application_id: applicationOf(p) };

/**
 * `--merge`: what Feishu would hold after the correction is laid over what it holds now; the
 * correction matches when that is what it holds (only the fields the file names can differ).
 */
function wanted(
  p: WholePlanned | MergePlanned,
  held: Record<string, unknown>,
  plan: Plan,
): InterviewBody | MergeRefusal {
  if (p.kind !== 'merge') return p.body;
  const first = { index: p.rows[0]!, row: plan.table.rows[p.rows[0]!]!.row };
  const merged = mergeBody(held, p.patch, { add: false, replace: false, columns: columnsOf(plan.table) }, first);
  return merged.kind === 'merged' ? merged.body : merged.refusal;
}

function compare(p: WholePlanned | MergePlanned, match: LegacyMatch, plan: Plan): RowOutcome {
  const zone = plan.zone;
  if (match.kind === 'absent')
    return {
      status: 'failed',
      errorCode: 'VERIFY_MISSING',
      message: say(OUTCOME.verifyMissing(p.legacy?.externalId)),
    };
  if (match.kind === 'ambiguous')
    return {
      status: 'failed',
      errorCode: 'RUN_EXTERNAL_ID_AMBIGUOUS',
      message: say(OUTCOME.verifyAmbiguous({ externalId: p.legacy!.externalId, ids: match.ids.join(', ') })),
    };
  if (match.kind === 'untold')
    return {
      status: 'failed',
      errorCode: 'VERIFY_NOT_LOCATED',
      message: say(
        OUTCOME.verifyNotLocated({
          externalId: p.legacy!.externalId,
          application: applicationOf(p),
          ids: match.ids.join(', '),
        }),
      ),
    };
  // A read without the keys cannot show them: compared without, and the row says so.
  const seen = match.keysUnread ? withoutKeys : (b: InterviewBody) => b;
  const current = canonicalBody(match.record);
  const held = seen(current);
  const feishuId = p.legacy ? match.id : undefined;
  const unread = match.keysUnread ? ` (${say(OUTCOME.keysUnchecked)})` : '';
  const want = wanted(p, match.record, plan);
  // A correction naming what Feishu lacks (an assessment, a dimension) does not match: it says which.
  if ('at' in want)
    return {
      status: 'failed',
      feishuId: feishuId,
      errorCode: want.code,
      errorColumn: want.column,
      message: want.message,
    };
  // A key cell left blank keeps the key Feishu holds, as an import would (keepKeys).
  const expected = seen(p.kind === 'merge' ? want : keepKeys(want, current, p.cleared));
  if (bodyHash(held) === bodyHash(expected))
    return { status: 'ok', feishuId: feishuId, message: `${say(OUTCOME.verifyMatch)}${unread}` };
  return {
    status: 'failed',
    feishuId: feishuId,
    errorCode: 'VERIFY_DIFFERENT',
    message: `${say(OUTCOME.verifyDiffers(diffBodies(held, expected, zone).join('; ')))}${unread}`,
  };
}
