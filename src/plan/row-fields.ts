import { type RowProblem, describeValueProblem } from '../errors.js';
import type { Cell } from '../input/cells.js';
import type { Column } from '../input/headers.js';
import type { SourceRow } from '../input/table.js';
import { ASSESSMENT_TYPE, CONCLUSION, PARTICIPATE_STATUS, type Parsed, parseEnum, parseId, parseOptions, parseScore, parseText, parseTime } from './normalise.js';
import type { DimensionBody } from './types.js';

/** Everything one row says, parsed; `undefined` where its cell was blank. */
export interface RowFields {
  interviewId?: string;
  applicationId?: string;
  participateStatus?: number;
  beginTime?: number;
  endTime?: number;
  assessmentNo?: string;
  username?: string;
  conclusion?: number;
  assessmentContent?: string;
  dimension?: DimensionBody;
  usedZone: boolean;
  problems: RowProblem[];
}

const ASSESSMENT_TYPE_NEEDS: Readonly<Record<number, { field: keyof DimensionBody; column: Column; label: string }>> = {
  1: { field: 'score', column: 'score', label: '打分题 (score) needs a score' },
  2: { field: 'option', column: 'option', label: '单选题 (single_choice) needs an option' },
  3: { field: 'content', column: 'dimension_content', label: '描述题 (description) needs content' },
  4: { field: 'options', column: 'options', label: '多选题 (multi_choice) needs options' },
};

/** Parses the cells of one row; problems are collected, never thrown. */
export function readRowFields(source: SourceRow, index: Readonly<Partial<Record<Column, number>>>, zone: string, width: number): RowFields {
  const problems: RowProblem[] = [];
  const row = source.row;
  const fields: RowFields = { usedZone: false, problems };
  const cell = (column: Column): Cell | undefined => {
    const at = index[column];
    return at === undefined ? undefined : source.cells[at];
  };
  const take = <T>(column: Column, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    problems.push(describeValueProblem(parsed.problem, row, column));
    return undefined;
  };

  fields.interviewId = take('external_interview_id', parseId(cell('external_interview_id')));
  fields.applicationId = take('external_application_id', parseId(cell('external_application_id')));
  fields.participateStatus = take('participate_status', parseEnum(cell('participate_status'), PARTICIPATE_STATUS));
  const begin = take('begin_time', parseTime(cell('begin_time'), zone));
  const end = take('end_time', parseTime(cell('end_time'), zone));
  fields.beginTime = begin?.ms;
  fields.endTime = end?.ms;
  fields.usedZone = Boolean(begin?.usedZone || end?.usedZone);
  fields.assessmentNo = take('assessment_no', parseText(cell('assessment_no'), true));
  fields.username = take('username', parseText(cell('username'), true));
  fields.conclusion = take('conclusion', parseEnum(cell('conclusion'), CONCLUSION));
  fields.assessmentContent = take('assessment_content', parseText(cell('assessment_content'), false));

  const dim: DimensionBody = {};
  const score = take('score', parseScore(cell('score')));
  const option = take('option', parseText(cell('option'), true));
  const options = take('options', parseOptions(cell('options')));
  const content = take('dimension_content', parseText(cell('dimension_content'), false));
  const type = take('assessment_type', parseEnum(cell('assessment_type'), ASSESSMENT_TYPE));
  const title = take('dimension_title', parseText(cell('dimension_title'), true));
  const description = take('dimension_description', parseText(cell('dimension_description'), false));
  if (score !== undefined) dim.score = score;
  if (option !== undefined) dim.option = option;
  if (options !== undefined) dim.options = options;
  if (content !== undefined) dim.content = content;
  if (type !== undefined) dim.assessment_type = type;
  if (title !== undefined) dim.title = title;
  if (description !== undefined) dim.description = description;
  if (Object.keys(dim).length > 0) {
    fields.dimension = dim;
    if (dim.assessment_type === undefined && problems.every((p) => p.column !== 'assessment_type')) {
      problems.push({
        code: 'ROW_MISSING_ASSESSMENT_TYPE',
        column: 'assessment_type',
        message: `expected an assessment_type (1 打分题 · 2 单选题 · 3 描述题 · 4 多选题) for dimension ${dim.title ? `"${dim.title}"` : 'on this row'}, got a blank cell (row ${row}, column assessment_type): fill in the type`,
      });
    } else if (dim.assessment_type !== undefined) {
      const need = ASSESSMENT_TYPE_NEEDS[dim.assessment_type]!;
      if (dim[need.field] === undefined && problems.every((p) => p.column !== need.column)) {
        problems.push({
          code: 'ROW_DIMENSION_INCOMPLETE',
          column: need.column,
          message: `expected a value in ${need.column}, got a blank cell (row ${row}, column ${need.column}): a dimension of type ${need.label}`,
        });
      }
    }
  }

  if (source.cells.length > width && source.cells.slice(width).some((c) => c !== '' && !(typeof c === 'string' && c.trim() === ''))) {
    problems.push({
      code: 'ROW_EXTRA_CELLS',
      message: `expected at most ${width} cells (one per header), got ${source.cells.length} (row ${row}): a value probably holds an unquoted comma that split it; put that cell in double quotes or save the file from Excel again`,
    });
  }
  if (fields.interviewId === undefined && problems.every((p) => p.column !== 'external_interview_id')) {
    problems.push({
      code: 'ROW_MISSING_ID',
      column: 'external_interview_id',
      message: `expected an external_interview_id, got a blank cell (row ${row}, column external_interview_id): every row needs the ID of the interview it belongs to`,
    });
  }
  return fields;
}
