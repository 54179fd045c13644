/**
 * How the page reads the file chosen: its mapping (mapping.ts) and what each check and preview
 * read (fresh.ts), in one hook so the page (app.tsx) only hands it the runs it starts.
 */
import type { CheckedFile, RunAction, RunView, UploadAnswer } from '../views.js';
import { useFresh } from './fresh.js';
import { useMapping } from './mapping.js';
import { type Lang, t } from './strings.js';

type Start = (action: RunAction, extra?: Record<string, unknown>) => void;

export function useReading() {
  const mapping = useMapping();
  const fresh = useFresh();
  return {
    mapping,
    /** A run's body with the mapping in use (unless it names its own), recorded as what the run reads. */
    stamp<T extends { action: RunAction; upload?: string; mode: string; sheet?: string; tz?: string }>(body: T) {
      const read = { profile: mapping.profile, ...body };
      fresh.stamp(body.action, read);
      return read;
    },
    /**
     * The file the flow's check read, taken up by a reopened tab: its mapping in use, and its check
     * and preview stamped as reading it (a preview is started only on a check that is still fresh).
     */
    resume(checked: CheckedFile, mode: string) {
      mapping.resume(checked.upload, checked.sheet ?? '', checked.profile);
      const read = {
        upload: checked.upload.id,
        mode,
        sheet: checked.sheet ?? '',
        tz: checked.tz,
        profile: checked.profile,
      };
      fresh.stamp('validate', read);
      fresh.stamp('preview', read);
    },
    /** A file, or another sheet of it: its columns mapped first when they are not the template's, then checked. */
    check(upload: UploadAnswer, sheet: string, start: Start) {
      void mapping.consider(upload, sheet).then((r) => {
        if (r) start('validate', { upload: upload.id, sheet, profile: r.profile });
      });
    },
    /** The runs that still describe the file as chosen, and the sheet each step names. */
    view(
      runs: Partial<Record<RunAction, RunView>>,
      upload: UploadAnswer | undefined,
      now: { mode: string; sheet: string; tz?: string },
      lang: Lang,
    ) {
      const about = (action: RunAction) => {
        const r = fresh.reading(action);
        if (!upload?.sheets.length || !r) return undefined;
        return r.sheet || (r.profile as { sheet?: string } | undefined)?.sheet || t(lang, 'sheetDefault');
      };
      return { runs: fresh.fresh(runs, { ...now, upload: upload?.id, profile: mapping.profile }), about };
    },
  };
}
