import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/commands/read-plan.js';
import { cellText } from '../../src/input/cells.js';
import { ROOT, erasedColumnWarnings } from '../helpers.js';

/**
 * The corpus of files written by real writers (test/fixtures/writers, made by make-fixtures.sh)
 * against the bodies and statuses written by hand beside each file (the warnings of missing template
 * columns are computed from the schema, so a new column changes no fixture).
 */
const DIR = join(ROOT, 'test', 'fixtures', 'writers');

interface ExpectedRow {
  row: number;
  status: string;
  error_code?: string;
  message?: string;
  messageIncludes?: string;
  /** What the report echoes, by header as the file names it. */
  cells?: Record<string, string>;
}

interface Expected {
  file: string;
  writer: string;
  tz: string;
  sheet?: string;
  headerRow: number;
  warnings: string[];
  rows: ExpectedRow[];
  bodies: Record<string, unknown>;
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Expected);

describe('files written by real writers', () => {
  it('has a case for each writer the reader issue names', () => {
    expect(cases.map((c) => c.file).sort()).toEqual([
      'gnumeric.xlsx',
      'libreoffice.csv',
      'libreoffice.xlsx',
      'openpyxl.xlsx',
      'xlsxwriter-constant-memory.xlsx',
      'xlsxwriter.xlsx',
    ]);
  });

  for (const c of cases) {
    it(`${c.file}: ${c.writer}`, async () => {
      const { plan, warnings } = await readPlan({ file: join(DIR, c.file), tz: c.tz });
      const t = plan.table;
      expect({ sheet: t.sheet, headerRow: t.headerRow, warnings: warnings.map((w) => w.message) }).toEqual({
        sheet: c.sheet,
        headerRow: c.headerRow,
        // A plain import's warnings of the template columns the file lacks follow from the schema.
        warnings: [...c.warnings, ...erasedColumnWarnings(t.headers)],
      });
      const rows = t.rows.map((r, i) => {
        const want = c.rows.find((w) => w.row === r.row);
        const o = plan.outcomes[i]!;
        const got: Record<string, unknown> = { row: r.row, status: o.status };
        if (o.errorCode && o.status !== 'ok') got.error_code = o.errorCode;
        if (want?.message) got.message = o.message;
        if (want?.messageIncludes)
          got.messageIncludes = o.message?.includes(want.messageIncludes) ? want.messageIncludes : o.message;
        if (want?.cells)
          got.cells = Object.fromEntries(
            Object.keys(want.cells).map((h) => [h, cellText(r.cells[t.headers.indexOf(h)])]),
          );
        return got;
      });
      expect(rows).toEqual(c.rows);
      const bodies = Object.fromEntries(plan.interviews.flatMap((p) => (p.kind === 'replace' ? [[p.id, p.body]] : [])));
      expect(bodies).toEqual(c.bodies);
    });
  }
});
