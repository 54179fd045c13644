import {
  ASSESSMENT_VALUES,
  type Column,
  DIMENSION_FIELDS,
  type EnumSpec,
  type FieldSpec,
  INTERVIEW_VALUES,
} from '../schema.js';
import { DIMENSION_KEYS } from '../feishu/body.js';

/**
 * A field as the row parser reads it. Every reader has the same shape (FIELDS' entries differ in
 * theirs), so the loops that read a row's cells by field meet one kind of object at each step (a
 * loop over the entries themselves reads objects of as many shapes as there are fields).
 */
export interface CellReader<C extends Column = Column> {
  readonly column: C;
  readonly type: FieldSpec['type'];
  readonly enum: EnumSpec | undefined;
  /** Trimmed unless the field is kept exactly as written (`FieldSpec.exact`). */
  readonly trim: boolean;
  readonly max: number | undefined;
  /** `<clear>` removes it (`FieldSpec.merge`). */
  readonly clearable: boolean;
}

function readerOf<C extends Column>(f: FieldSpec & { column: C }): CellReader<C> {
  return { column: f.column, type: f.type, enum: f.enum, trim: !f.exact, max: f.max, clearable: f.merge === 'clear' };
}

export const INTERVIEW_READ = INTERVIEW_VALUES.map(readerOf);
export const ASSESSMENT_READ = ASSESSMENT_VALUES.map(readerOf);
/** The dimension fields (src/schema.ts) in the body's key order, `DIMENSION_KEYS`. */
export const DIMENSION_READ = DIMENSION_KEYS.map((key) => ({
  key,
  read: readerOf(DIMENSION_FIELDS.find((f) => f.key === key)!),
}));

/** Where each template column sits in a row, -1 when absent (`ColumnPositions`, src/plan/row-fields.ts). */
type Positions = Readonly<Record<Column, number>>;

/** Each reader list's cell positions, in the list's order. */
interface ReaderPositions {
  readonly interview: Int32Array;
  readonly assessment: Int32Array;
  readonly dimension: Int32Array;
}

let lastPositions: { readonly pos: Positions; readonly at: ReaderPositions } | undefined;

/**
 * The readers' positions in `pos`, worked out once per file (its rows share one `pos`), so that the
 * per-row loops index an array rather than read one property site by as many names as there are
 * fields. Alone it did not move the paired CPU ratio measurably (docs/benchmarks.md, issue 28).
 */
export function readerPositions(pos: Positions): ReaderPositions {
  if (lastPositions?.pos !== pos) {
    const of = (readers: readonly { readonly column: Column }[]) => Int32Array.from(readers, (r) => pos[r.column]);
    const at = {
      interview: of(INTERVIEW_READ),
      assessment: of(ASSESSMENT_READ),
      dimension: of(DIMENSION_READ.map((d) => d.read)),
    };
    lastPositions = { pos, at };
  }
  return lastPositions.at;
}
