import { describe, expect, it } from 'vitest';
import { startedIn } from '../../src/ui/run-chain.js';

describe('startedIn', () => {
  const flow = { validate: 1, preview: 2, import: 3, undoPreview: 4, undo: 5 };

  it('drops the runs after the one started and puts it in its place', () => {
    expect(startedIn(flow, 'preview', 9)).toEqual({ validate: 1, preview: 9 });
    expect(startedIn(flow, 'undoPreview', 9)).toEqual({ validate: 1, preview: 2, import: 3, undoPreview: 9 });
    expect(startedIn(flow, 'validate', 9)).toEqual({ validate: 9 });
  });

  it('leaves the action empty while its run has not been seen, and does not change the flow it was given', () => {
    expect(startedIn(flow, 'import', undefined)).toEqual({ validate: 1, preview: 2 });
    expect(flow).toEqual({ validate: 1, preview: 2, import: 3, undoPreview: 4, undo: 5 });
  });
});
