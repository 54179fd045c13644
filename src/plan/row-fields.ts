import { ROW } from './messages.js';
import { col, say } from '../messages.js';
import type { RowProblem } from '../errors.js';
import { describeValueProblem } from './row-problem.js';
import { type Cell, isBlankCell } from '../input/cells.js';
import {
  type AssessmentRowValues,
  type AssessmentValueColumn,
  COLUMN_NAMES,
  type Column,
  type DimensionKey,
  type EnumSpec,
  type InterviewValues,
} from '../schema.js';
import type { SourceRow } from '../input/table.js';
import {
  Invalid,
  type Parsed,
  isClearMarker,
  parseEnum,
  parseId,
  parseKey,
  parseOptions,
  parseScore,
  parseText,
  parseTime,
} from './normalise.js';
import { DIMENSION_KEYS, type DimensionBody } from '../feishu/body.js';
import { ASSESSMENT_READ, type CellReader, DIMENSION_READ, INTERVIEW_READ, readerPositions } from './cell-readers.js';

/**
 * Everything one row says, parsed; `undefined` where its cell was blank. One object is reused
 * for every row (see `readRowFields`), so reading a large file allocates only what it keeps.
 */
export interface RowFields {
  interviewId?: string;
  applicationId?: string;
  /** The legacy system's key of the interview. */
  externalId?: string;
  /** The key cell holds the `<clear>` marker: the interview's key in Feishu is removed. */
  clearExternalId: boolean;
  /**
   * The interview's values (`INTERVIEW_VALUES`), in that list's order (`INTERVIEW_READ`,
   * src/plan/cell-readers.ts); `null`: the cell holds the `<clear>` marker. By position, as
   * `assessmentValues`.
   */
  values: InterviewRowValue[];
  assessmentNo?: string;
  assessmentExternalId?: string;
  /** The assessment key cell holds the `<clear>` marker. */
  clearAssessmentExternalId: boolean;
  /** The 面试官 cell holds `<clear>`: the assessment the row names is removed (`--merge`), or not sent. */
  removeAssessment: boolean;
  username?: string;
  /**
   * The assessment's values (`ASSESSMENT_VALUES`: conclusion, content, …), in that list's order
   * (`ASSESSMENT_READ`, src/plan/cell-readers.ts). By position, not by column name: written and
   * read once per row, an object keyed by each field's name in turn took a generic (megamorphic)
   * keyed store and load at each step (docs/benchmarks.md, issue 28).
   */
  assessmentValues: AssessmentRowValue[];
  dimension?: DimensionBody;
  /** The dimensions of a profile's wide columns (`wide_dimensions`), in their order; undefined when none is filled. */
  wide?: DimensionBody[];
  /** The wide dimensions come before `dimension` (their columns stand left of it). */
  wideFirst?: boolean;
  usedZone: boolean;
  problems: RowProblem[];
}

/** The field and column each assessment type needs (what it says of them: `NEEDS` in plan/messages.ts). */
export const DIMENSION_NEEDS: Readonly<Record<number, { field: keyof DimensionBody; column: Column }>> = {
  1: { field: 'score', column: 'score' },
  2: { field: 'option', column: 'option' },
  3: { field: 'content', column: 'dimension_content' },
  4: { field: 'options', column: 'options' },
};

/** The parsed value, or undefined with the problem recorded (a plain function: no closure per row). */
function take<T>(problems: RowProblem[], row: number, column: string, parsed: Parsed<T>): T | undefined {
  if (!(parsed instanceof Invalid)) return parsed;
  problems.push(describeValueProblem(parsed.problem, row, column));
  return undefined;
}

function hasProblemIn(problems: readonly RowProblem[], column: Column): boolean {
  for (const p of problems) if (p.column === column) return true;
  return false;
}

/** A dimension needs its type, and the value its type needs; unless that cell was already wrong. */
function checkDimension(dim: DimensionBody, problems: RowProblem[], row: number): void {
  if (dim.assessment_type === undefined) {
    if (hasProblemIn(problems, 'assessment_type')) return;
    problems.push({
      code: 'ROW_MISSING_ASSESSMENT_TYPE',
      column: 'assessment_type',
      message: say(ROW.missingType({ title: dim.title, row, column: col('assessment_type') })),
    });
    return;
  }
  const need = DIMENSION_NEEDS[dim.assessment_type]!;
  if (dim[need.field] === undefined && !hasProblemIn(problems, need.column)) {
    problems.push({
      code: 'ROW_DIMENSION_INCOMPLETE',
      column: need.column,
      message: say(ROW.incomplete({ column: col(need.column), row, type: dim.assessment_type })),
    });
  }
}

/** An interview's values as one row gives them: `null` where the cell says `<clear>`. */
export type RowValues = { -readonly [C in keyof InterviewValues]?: InterviewValues[C] | null };
/**
 * One of the interview's values as a row gives it, widened as the store holds them
 * (`GroupStore.interviewValueFields`): by position, a value's own type is not followed.
 */
export type InterviewRowValue = RowValues[keyof RowValues] | string;

/** One of an assessment's values as a row gives it (`ASSESSMENT_VALUES`); undefined when blank. */
export type AssessmentRowValue = AssessmentRowValues[AssessmentValueColumn];

export function newRowFields(): RowFields {
  return {
    values: INTERVIEW_READ.map(() => undefined),
    assessmentValues: ASSESSMENT_READ.map(() => undefined),
    usedZone: false,
    problems: [],
    clearExternalId: false,
    clearAssessmentExternalId: false,
    removeAssessment: false,
  };
}

/** A profile's wide column: its cell is one dimension of the row's assessment (src/input/profile.ts). */
export interface WideColumn {
  readonly position: number;
  /** The header as the file writes it: problems name it. */
  readonly header: string;
  readonly title: string;
  readonly type: number;
  readonly description?: string;
}

/** How a row's words and wide columns are read: the tool's vocabularies, or a profile's. */
export interface RowReading {
  /** A profile's vocabularies by column; a column without one reads its field's own (`FieldSpec.enum`). */
  readonly vocabulary: Readonly<Partial<Record<Column, EnumSpec>>>;
  readonly wide: readonly WideColumn[];
  /** The wide columns stand left of the dimension columns: a row's dimensions keep the file's left-to-right order. */
  readonly wideFirst?: boolean;
}

export const PLAIN_READING: RowReading = { vocabulary: {}, wide: [] };

/** Where each template column sits in a row; -1 when the file has no such column. */
export type ColumnPositions = Readonly<Record<Column, number>>;

export function columnPositions(index: Readonly<Partial<Record<Column, number>>>): ColumnPositions {
  return Object.fromEntries(COLUMN_NAMES.map((c) => [c, index[c] ?? -1])) as Record<Column, number>;
}

/**
 * No spreadsheet cell holds more than 32,767 characters (Excel's specifications and limits; WPS
 * and LibreOffice the same or less), and Feishu documents no longer field: a longer cell came
 * from a damaged or hostile file, and is never sent.
 */
const MAX_CELL_CHARS = 32_767;

function checkCellLengths(source: SourceRow, width: number, problems: RowProblem[]): void {
  const cells = source.cells;
  for (let i = 0; i < cells.length && i < width; i++) {
    const c = cells[i];
    if (typeof c !== 'string' || c.length <= MAX_CELL_CHARS) continue;
    problems.push({
      code: 'ROW_CELL_TOO_LONG',
      message: say(ROW.tooLong({ max: MAX_CELL_CHARS, got: c.length, row: source.row, column: String(i + 1) })),
    });
  }
}

/**
 * A dimension with its keys added in the API page's order, so the body needs no reordering copy
 * (positional: this runs for every row of a large file, and makes no object but the body).
 */
export function dimensionBody(
  score?: number,
  option?: string,
  options?: string[],
  content?: string,
  type?: number,
  title?: string,
  description?: string,
): DimensionBody {
  const dim: DimensionBody = {};
  if (score !== undefined) dim.score = score;
  if (option !== undefined) dim.option = option;
  if (options !== undefined) dim.options = options;
  if (content !== undefined) dim.content = content;
  if (type !== undefined) dim.assessment_type = type;
  if (title !== undefined) dim.title = title;
  if (description !== undefined) dim.description = description;
  return dim;
}

function at(cells: readonly Cell[], position: number): Cell | undefined {
  return position < 0 ? undefined : cells[position];
}

/**
 * Parses the cells of one row into `fields` (reset first); problems are collected, never thrown.
 * With `merge` a dimension need not be complete: it is laid over the current one.
 * This runs once per row of files with 100,000 rows: no closures, no throwaway arrays.
 */
export function readRowFields(
  source: SourceRow,
  pos: ColumnPositions,
  zone: string,
  width: number,
  fields: RowFields = newRowFields(),
  merge = false,
  reading: RowReading = PLAIN_READING,
): RowFields {
  const problems = fields.problems;
  problems.length = 0;
  fields.dimension = undefined;
  const row = source.row;
  const cells = source.cells;

  fields.interviewId = take(problems, row, 'external_interview_id', parseId(at(cells, pos.external_interview_id)));
  fields.applicationId = take(
    problems,
    row,
    'external_application_id',
    parseId(at(cells, pos.external_application_id)),
  );
  const keyCell = at(cells, pos.external_id);
  fields.clearExternalId = isClearMarker(keyCell);
  fields.externalId = fields.clearExternalId ? undefined : take(problems, row, 'external_id', parseKey(keyCell));
  const where = readerPositions(pos);
  fields.usedZone = readValues(cells, where.interview, zone, row, problems, fields.values, reading);
  fields.assessmentNo = take(problems, row, 'assessment_no', parseKey(at(cells, pos.assessment_no)));
  const assessmentKeyCell = at(cells, pos.assessment_external_id);
  fields.clearAssessmentExternalId = isClearMarker(assessmentKeyCell);
  fields.assessmentExternalId = fields.clearAssessmentExternalId
    ? undefined
    : take(problems, row, 'assessment_external_id', parseKey(assessmentKeyCell));
  const usernameCell = at(cells, pos.username);
  fields.removeAssessment = isClearMarker(usernameCell);
  fields.username = fields.removeAssessment
    ? undefined
    : take(problems, row, 'username', parseText(usernameCell, true));
  // Each value by its type (`readValue`), into the reused array: a blank cell clears last row's.
  const assessment = fields.assessmentValues;
  for (let i = 0; i < ASSESSMENT_READ.length; i++) {
    const read = ASSESSMENT_READ[i]!;
    assessment[i] = readValue(read, at(cells, where.assessment[i]!), row, problems, reading);
  }

  fields.dimension = readDimension(cells, where.dimension, row, problems, merge, reading);
  fields.wide = reading.wide.length === 0 ? undefined : readWide(cells, reading.wide, row, problems);
  fields.wideFirst = reading.wideFirst;

  checkRowShape(source, width, fields, problems);
  return fields;
}

/**
 * The interview's values (`INTERVIEW_VALUES`) into `values`, each by its type; `<clear>` is null.
 * Returns whether a time had no offset and `zone` decided it.
 */
function readValues(
  cells: readonly Cell[],
  positions: Int32Array,
  zone: string,
  row: number,
  problems: RowProblem[],
  out: InterviewRowValue[],
  reading: RowReading,
): boolean {
  let usedZone = false;
  for (let i = 0; i < INTERVIEW_READ.length; i++) {
    const f = INTERVIEW_READ[i]!;
    const cell = at(cells, positions[i]!);
    if (f.clearable && isClearMarker(cell)) {
      out[i] = null;
      continue;
    }
    if (f.type === 'time') {
      const time = take(problems, row, f.column, parseTime(cell, zone));
      out[i] = time?.ms;
      if (time?.usedZone) usedZone = true;
    } else out[i] = readValue(f, cell, row, problems, reading);
  }
  return usedZone;
}

/** One cell of a field other than a time, parsed as its type says. */
function readValue(
  f: CellReader,
  cell: Cell | undefined,
  row: number,
  problems: RowProblem[],
  reading: RowReading,
): number | string | undefined {
  // Blank, as every parser says (src/plan/normalise.ts), without the calls.
  if (cell === undefined || cell === '') return undefined;
  if (f.type === 'enum') return take(problems, row, f.column, parseEnum(cell, reading.vocabulary[f.column] ?? f.enum!));
  if (f.type === 'number') return take(problems, row, f.column, parseScore(cell));
  if (f.type === 'key') return take(problems, row, f.column, parseKey(cell));
  return take(problems, row, f.column, parseText(cell, f.trim, f.max));
}

/** The row's dimension, when any of its cells is filled. */
function readDimension(
  cells: readonly Cell[],
  positions: Int32Array,
  row: number,
  problems: RowProblem[],
  merge: boolean,
  reading: RowReading,
): DimensionBody | undefined {
  let dim: DimensionBody | undefined;
  // In the body's key order: the dimension needs no reordering copy, and its problems come in that order.
  for (let i = 0; i < DIMENSION_READ.length; i++) {
    const { key, read } = DIMENSION_READ[i]!;
    const cell = at(cells, positions[i]!);
    // Blank, as every parser says, without the calls: most of a dimension row's cells are.
    if (cell === undefined || cell === '') continue;
    const value =
      read.type === 'texts'
        ? take(problems, row, read.column, parseOptions(cell))
        : readValue(read, cell, row, problems, reading);
    if (value === undefined) continue;
    dim ??= {};
    put(dim, key, value);
  }
  // A correction names only what changes (a score, not its type): the merged body is checked instead.
  if (dim !== undefined && !merge) checkDimension(dim, problems, row);
  return dim;
}

type DimensionValue = NonNullable<DimensionBody[DimensionKey]>;

function put(dim: Partial<Record<DimensionKey, DimensionValue>>, key: DimensionKey, value: DimensionValue): void {
  dim[key] = value;
}

/** `d`'s fields as a dimension body with its keys in the API page's order. */
export function inBodyOrder(d: DimensionBody): DimensionBody {
  const out: DimensionBody = {};
  for (const key of DIMENSION_KEYS) {
    const value = d[key];
    if (value !== undefined) put(out, key, value);
  }
  return out;
}

/** Each filled wide cell as the dimension its column names: the cell is the score, option, options or text. */
function readWide(
  cells: readonly Cell[],
  wide: readonly WideColumn[],
  row: number,
  problems: RowProblem[],
): DimensionBody[] | undefined {
  let out: DimensionBody[] | undefined;
  for (const w of wide) {
    const cell = at(cells, w.position);
    let dim: DimensionBody | undefined;
    if (w.type === 1) {
      const score = take(problems, row, w.header, parseScore(cell));
      if (score !== undefined) dim = dimensionBody(score, undefined, undefined, undefined, 1, w.title, w.description);
    } else if (w.type === 2) {
      const option = take(problems, row, w.header, parseText(cell, true));
      if (option !== undefined) dim = dimensionBody(undefined, option, undefined, undefined, 2, w.title, w.description);
    } else if (w.type === 4) {
      const options = take(problems, row, w.header, parseOptions(cell));
      if (options !== undefined)
        dim = dimensionBody(undefined, undefined, options, undefined, 4, w.title, w.description);
    } else {
      const content = take(problems, row, w.header, parseText(cell, false));
      if (content !== undefined)
        dim = dimensionBody(undefined, undefined, undefined, content, 3, w.title, w.description);
    }
    if (!dim) continue;
    out ??= [];
    out.push(dim);
  }
  return out;
}

/** Problems of the row as a whole: cells too long, cells past the headers, no way to name its interview. */
function checkRowShape(source: SourceRow, width: number, fields: RowFields, problems: RowProblem[]): void {
  const row = source.row;
  checkCellLengths(source, width, problems);
  if (source.cells.length > width && source.cells.slice(width).some((c) => !isBlankCell(c))) {
    problems.push({
      code: 'ROW_EXTRA_CELLS',
      message: say(ROW.extraCells({ width, got: source.cells.length, row })),
    });
  }
  if (
    fields.interviewId === undefined &&
    fields.externalId === undefined &&
    !hasProblemIn(problems, 'external_interview_id') &&
    !hasProblemIn(problems, 'external_id')
  ) {
    problems.push({
      code: 'ROW_MISSING_ID',
      column: 'external_interview_id',
      message: say(ROW.missingId({ row, column: col('external_interview_id') })),
    });
  }
}
