import { describe, expect, it } from 'vitest';
import { type ResultView, RunSessions } from '../../src/ui/run-sessions.js';

const RESULT: ResultView = {
  exitCode: 0,
  counts: {},
  interviews: 0,
  problems: [],
  warnings: [],
  rows: 0,
  report: false,
  undoable: false,
};

/** Runs one action to its end, keeping `detail` as its rows would be kept. */
async function ran(sessions: RunSessions<string>, action: 'validate' | 'preview' | 'import' | 'undoPreview' | 'undo') {
  const view = sessions.start({ action, file: 'a.csv', mode: 'correct' }, async (run) => {
    run.keep(`${action} detail`);
    return RESULT;
  });
  await sessions.idle();
  return view!.id;
}

describe('RunSessions', () => {
  it('keeps the flow’s runs by action: a reopened tab finds the check and preview behind an import', async () => {
    const sessions = new RunSessions<string>(() => ({ code: 'X', message: 'x' }));
    const check = await ran(sessions, 'validate');
    const preview = await ran(sessions, 'preview');
    const imported = await ran(sessions, 'import');
    const views = sessions.views();
    expect(Object.keys(views)).toEqual(['validate', 'preview', 'import']);
    expect([views.validate?.id, views.preview?.id, views.import?.id]).toEqual([check, preview, imported]);
    expect(views.validate?.state).toBe('done');
    expect(sessions.view()?.id).toBe(imported);
  });

  it('drops what came after a run started again: a new check leaves no preview or import', async () => {
    const sessions = new RunSessions<string>(() => ({ code: 'X', message: 'x' }));
    await ran(sessions, 'validate');
    await ran(sessions, 'preview');
    await ran(sessions, 'import');
    const again = await ran(sessions, 'validate');
    expect(Object.keys(sessions.views())).toEqual(['validate']);
    expect(sessions.views().validate?.id).toBe(again);
  });

  it('keeps the details of the flow’s runs however many runs came since, and forgets the oldest others', async () => {
    const sessions = new RunSessions<string>(() => ({ code: 'X', message: 'x' }), 2);
    const check = await ran(sessions, 'validate');
    const preview = await ran(sessions, 'preview');
    const imported = await ran(sessions, 'import');
    const undos: string[] = [];
    for (let i = 0; i < 4; i++) undos.push(await ran(sessions, 'undoPreview'));
    expect(sessions.detail(check)).toBe('validate detail');
    expect(sessions.detail(preview)).toBe('preview detail');
    expect(sessions.detail(imported)).toBe('import detail');
    // Out of the flow: the newest two kept, the older ones forgotten.
    expect(undos.map((id) => sessions.detail(id))).toEqual([
      undefined,
      'undoPreview detail',
      'undoPreview detail',
      'undoPreview detail',
    ]);
  });

  it('lets go of what a forgotten run holds, and of every run as the server stops', async () => {
    const released: string[] = [];
    const release = async (detail: string) => {
      released.push(detail);
    };
    const sessions = new RunSessions<string>(() => ({ code: 'X', message: 'x' }), 1, release);
    await ran(sessions, 'validate');
    const first = await ran(sessions, 'undoPreview');
    await ran(sessions, 'undoPreview');
    expect(released).toEqual([]);
    await ran(sessions, 'undoPreview');
    // The flow's check is kept; of the runs out of it, only the newest.
    expect(sessions.detail(first)).toBeUndefined();
    expect(released).toEqual(['undoPreview detail']);
    await sessions.clear();
    expect(released).toEqual(['undoPreview detail', 'validate detail', 'undoPreview detail', 'undoPreview detail']);
  });
});
