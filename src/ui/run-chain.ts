/**
 * The runs of one flow, by action: a check, its preview, the import, the undo's preview, the undo.
 * Starting one drops the runs that came after it, which described what it replaces. The server
 * keeps the flow so a reopened tab shows it whole; the page keeps the same flow for its own tab.
 */

/** `undoPreview`: an undo's dry run, what it would restore, delete and leave alone, asked before the undo. */
export type RunAction = 'validate' | 'preview' | 'import' | 'undoPreview' | 'undo';

const LATER: Readonly<Record<RunAction, readonly RunAction[]>> = {
  validate: ['preview', 'import', 'undoPreview', 'undo'],
  preview: ['import', 'undoPreview', 'undo'],
  import: ['undoPreview', 'undo'],
  undoPreview: ['undo'],
  undo: [],
};

/** The flow once `action` starts as `entry`: what came after it is dropped, and it is the action's own. */
export function startedIn<T>(
  flow: Partial<Record<RunAction, T>>,
  action: RunAction,
  entry: T | undefined,
): Partial<Record<RunAction, T>> {
  const next = { ...flow };
  for (const later of LATER[action]) delete next[later];
  if (entry === undefined) delete next[action];
  else next[action] = entry;
  return next;
}
