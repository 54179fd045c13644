import { checkHeaders, mappingLookup } from './headers.js';
import type { InputTable, SourceRow } from './table.js';

/** The columns an undo's report shows of each interview: which, when it was read, what it held. */
const HEADERS = ['external_interview_id', 'taken_at', 'body'];

/** An interview of the backup, at its first line of the run being undone. */
export interface BackupRow {
  readonly id: string;
  /** The line's number in the backup file (1 is the first). */
  readonly line: number;
  readonly takenAt?: string;
  readonly body: unknown;
}

/**
 * A backup file as the table an undo's report is written against: one row per interview of the
 * run, numbered by its line in the backup, so the report points at the line it undoes.
 */
export function backupTable(file: string, interviews: readonly BackupRow[]): InputTable {
  const rows: SourceRow[] = interviews.map((b) => ({
    row: b.line,
    cells: [b.id, b.takenAt ?? '', JSON.stringify(b.body)],
  }));
  return {
    file,
    format: 'json',
    headerRow: 0,
    headers: HEADERS,
    columns: checkHeaders(HEADERS, mappingLookup(undefined), ['external_interview_id']).resolved!,
    rows,
    warnings: [],
  };
}
