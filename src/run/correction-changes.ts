import type { Plan, RowOutcome } from '../plan/types.js';
import type { ChangeGroup, InterviewChange } from '../report/run-result.js';
import type { SendOutcome } from './dispatch.js';

/**
 * A correction run's (or an undo's: `undo`) interviews, each with the group a preview shows it in (新建, 修改, 删除,
 * 无变化, 未导入, 有问题) and what it did or would do: from the run's outcomes alone, pure.
 * `removing`: the interviews whose body removes what Feishu holds.
 */
export function correctionChanges(
  plan: Plan,
  sent: ReadonlyMap<string, SendOutcome>,
  outcomes: readonly RowOutcome[],
  removing: ReadonlySet<string>,
  undo = false,
): InterviewChange[] {
  return plan.interviews.map((p) => {
    const s = p.kind === 'invalid' ? undefined : sent.get(p.id);
    const first = outcomes[p.rows[0]!];
    // A refused row carries the reason; the interview's other rows only say they were blocked.
    const reason = p.rows.map((i) => outcomes[i]!).find((o) => o.status === 'invalid') ?? first;
    const group = undo ? undoGroupOf(s) : groupOf(s, p.kind === 'invalid', removing.has(p.id));
    const feishuId = s?.feishuId ?? first?.feishuId ?? (p.legacy ? undefined : p.id);
    return {
      id: p.id,
      ...(feishuId ? { feishu_id: feishuId } : {}),
      ...(p.legacy ? { external_id: p.legacy.externalId } : {}),
      group,
      rows: p.rows.map((i) => plan.table.rows[i]!.row),
      // The row's words: what landed says where its backup is, a create its new Feishu id.
      detail: (group === 'problem' ? reason?.message : (first?.message ?? s?.message)) ?? '',
      ...(group === 'problem' && reason?.errorCode ? { code: reason.errorCode } : {}),
      ...(group === 'problem' && reason?.errorColumn ? { column: reason.errorColumn } : {}),
      ...(s?.kind === 'changed' && s.landed ? { landed: true } : {}),
      ...(group !== 'problem' && s?.fields ? { fields: s.fields } : {}),
    };
  });
}

/** An undo's interview: restored, deleted (the run created it), left alone (its detail says why), or a problem. */
function undoGroupOf(s: SendOutcome | undefined): ChangeGroup {
  if (!s) return 'problem';
  if (s.kind === 'unchanged' || s.kind === 'gone' || s.kind === 'refused' || s.kind === 'missing') return 'alone';
  if (s.status !== 'ok') return 'problem';
  return s.kind === 'deleted' ? 'delete' : 'restore';
}

function groupOf(s: SendOutcome | undefined, invalid: boolean, removes: boolean): ChangeGroup {
  if (invalid || !s || s.row !== undefined) return 'problem';
  if (s.kind === 'left') return 'left';
  if (s.kind === 'unchanged' || s.kind === 'resumed') return 'unchanged';
  if (s.status !== 'ok') return 'problem';
  if (s.kind === 'created') return 'create';
  return removes ? 'remove' : 'change';
}
