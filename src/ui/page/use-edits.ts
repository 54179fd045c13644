/**
 * Fixing the file in place, as the check step holds it: the changes made so far, each sent to the
 * server (which keeps them with the upload and re-checks the edited cell's rows at once), the
 * counts as they stand after them, and the whole file's check started again once the user pauses
 * (a change to many cells at once starts it at once). Starting the check clears the preview: an
 * edit makes it stale.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResultView, RunView } from '../views.js';
import { CallError } from './api.js';
import { type CellEdit, type EditAnswer, listEdits, sendEdit, undoEdit } from './edit-api.js';
import type { Flow } from './flow.js';

/** A pause in typing after which the whole file is checked again (a cell's rows are at once). */
const QUIET_MS = 1500;

export interface EditState {
  readonly edits: readonly CellEdit[];
  /** The check being shown: the last one done, kept on screen while the next one runs. */
  readonly shown?: RunView;
  /** The counts and commonest problems after the edits re-checked since that check. */
  readonly result?: ResultView;
  /** Bumped when rows of the grid changed on the server: the grid reads them again. */
  readonly version: number;
  /** The whole file is being checked again, or will be once the user pauses. */
  readonly rechecking: boolean;
  readonly error?: string;
  edit(edit: CellEdit): Promise<boolean>;
  undo(): void;
}

/**
 * The check on screen: the last one done, kept while the one started after an edit (`mine`) is
 * asked for (no run yet) and runs, so the grid keeps its place and selection.
 */
function useShownCheck(flow: Flow) {
  const view = flow.runs.validate;
  const upload = flow.upload?.id;
  const done = view?.result ? view : undefined;
  /** The last check done, and the file it read. */
  const last = useRef<{ view: RunView; upload?: string }>();
  const mine = useRef(false);
  if (done) {
    last.current = { view: done, upload };
    mine.current = false;
  }
  const waiting = mine.current && (view === undefined || view.state === 'running');
  const shown = done ?? (waiting && last.current?.upload === upload ? last.current?.view : undefined);
  return { upload, shown, waiting, mine };
}

export function useEdits(flow: Flow): EditState {
  const { upload, shown, waiting, mine } = useShownCheck(flow);
  const [edits, setEdits] = useState<readonly CellEdit[]>([]);
  /** The shown check's counts and commonest problems as the edits re-checked since leave them. */
  const [counts, setCounts] = useState<{
    run: string;
    counts: ResultView['counts'];
    problems?: ResultView['problems'];
  }>();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string>();
  /** Edits the shown check has not read yet: the whole file is to be checked again. */
  const [dirty, setDirty] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    setEdits([]);
    setDirty(false);
  }, [upload]);
  const said = (e: unknown) => (e instanceof CallError ? e.answer.message[flow.lang] : String(e));
  // The edits already made to the file (a reopened tab's), and the counts the shown check has with
  // them; a check that has not read them all is done again. Once per file.
  const loaded = useRef<string>();
  const shownId = shown?.id;
  useEffect(() => {
    if (!upload || !shownId || loaded.current === upload) return;
    loaded.current = upload;
    listEdits(upload, shownId).then(
      (a) => {
        // An edit made meanwhile answered with the list as it is now.
        setEdits((now) => (now.length > 0 ? now : a.edits));
        if (a.counts) setCounts({ run: shownId, counts: a.counts, problems: a.problems });
        if (a.stale) setDirty(true);
      },
      (e: unknown) => setError(said(e)),
    );
  }, [upload, shownId]);
  const running = flow.current?.state === 'running';
  const busy = useRef(running);
  busy.current = running;
  const recheck = (after: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      // A run going (the check of an earlier edit): this one is checked once it is done (below).
      if (busy.current) return;
      setDirty(false);
      mine.current = true;
      flow.start('validate');
    }, after);
  };
  // A check going when the user paused: check again once it is done.
  useEffect(() => {
    if (dirty && !running && timer.current === undefined) recheck(0);
  }, [dirty, running]);
  const change = async (send: () => Promise<EditAnswer>, at: number) => {
    if (!shown) return false;
    setError(undefined);
    try {
      const answer = await send();
      setEdits(answer.edits);
      if (answer.counts) setCounts({ run: shown.id, counts: answer.counts, problems: answer.problems });
      setVersion((v) => v + 1);
      setDirty(true);
      recheck(at);
      return true;
    } catch (e) {
      setError(said(e));
      return false;
    }
  };
  const result =
    shown?.result && counts?.run === shown.id
      ? { ...shown.result, counts: counts.counts, problems: counts.problems ?? shown.result.problems }
      : shown?.result;
  return {
    edits,
    shown,
    result,
    version,
    rechecking: dirty || waiting,
    error,
    edit: (edit) =>
      upload && shown
        ? change(() => sendEdit(upload, shown.id, edit), edit.kind === 'cell' ? QUIET_MS : 0)
        : Promise.resolve(false),
    undo: () => {
      if (upload && shown) void change(() => undoEdit(upload, shown.id), 0);
    },
  };
}
