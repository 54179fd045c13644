/**
 * An undo asked in two steps: first its preview (a dry run: what it would restore, delete and
 * leave alone, and why), then, confirmed, the undo itself. For this import and for earlier ones.
 */
import type { Flow } from './flow.js';
import type { ResultView } from '../views.js';
import { RunChanges } from './corrections.js';
import { Confirm } from './confirm.js';
import { RunError } from './run-lines.js';
import { type Key, type Lang, t } from './strings.js';

/** What the confirmation says: the preview's counts, and why the ones left alone are. */
function undoQuestion(lang: Lang, result: ResultView): string {
  const u = result.undo;
  if (!u) return t(lang, 'confirmUndo');
  const alone = u.left_alone + u.already_as_before + u.already_gone;
  const why: [Key, number][] = [
    ['why_changed', u.left_alone_why.changed_since],
    ['why_already', u.already_as_before],
    ['why_gone', u.already_gone],
    ['why_read', u.left_alone_why.only_read],
    ['why_deleted', u.left_alone_why.deleted_by_run],
  ];
  const reasons = why.filter(([, n]) => n > 0).map(([k, n]) => t(lang, k, { n }));
  const text = t(lang, 'confirmUndoCounts', { restore: u.restored, delete: u.deleted, alone });
  return reasons.length > 0
    ? `${text} ${t(lang, 'aloneWhy', { why: reasons.join(lang === 'zh' ? '；' : '; ') })}`
    : text;
}

/** 撤销 pressed for `backup`: its preview while it runs, then the question with what it would do. */
export function UndoQuestion({ flow, backup, onClose }: { flow: Flow; backup: string; onClose(): void }) {
  const { lang } = flow;
  const view = flow.runs.undoPreview;
  if (!view || view.file !== backup) return null;
  if (view.state === 'running')
    return (
      <p class="busy" data-testid="undo-checking">
        {t(lang, 'undoChecking')}
      </p>
    );
  if (view.state === 'error' || !view.result) return <RunError view={view} lang={lang} testid="undo-preview-error" />;
  return (
    <div class="undo-ask" data-testid="undo-preview">
      <Confirm
        lang={lang}
        text={undoQuestion(lang, view.result)}
        onYes={() => {
          onClose();
          flow.start('undo', { backup });
        }}
        onNo={onClose}
      />
      <RunChanges view={view} chosen={flow.tz} lang={lang} switches={false} />
    </div>
  );
}
