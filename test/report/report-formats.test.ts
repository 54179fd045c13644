import { describe, expect, it } from 'vitest';
import { OPTION } from '../../src/option-messages.js';
import { REPORT_FORMATS, REPORT_FORMAT_NAMES, extensionList, reportFormatOf } from '../../src/report-formats.js';
import { jsonReport, jsonRowAt, jsonRowStarts } from '../../src/report/json-report.js';
import { FILES } from '../../src/report/messages.js';
import { isRecordName } from '../../src/run/earlier-records.js';

describe('the table of report formats', () => {
  it('names each format by its extension, in any case, and nothing else', () => {
    expect(REPORT_FORMAT_NAMES).toEqual(['csv', 'xlsx', 'json']);
    expect(['a.report.csv', 'A.REPORT.XLSX', 'r.Json'].map(reportFormatOf)).toEqual(['csv', 'xlsx', 'json']);
    expect(['a.report.jsonl', 'a.txt', 'a.csv.written', 'csv'].map(reportFormatOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('gives the messages their list of extensions', () => {
    expect(extensionList('en')).toBe('.csv, .xlsx or .json');
    expect(extensionList('zh')).toBe('.csv、.xlsx 或 .json');
    expect(OPTION.reportPath).toEqual({
      en: 'expected a report path ending in .csv, .xlsx or .json',
      zh: '报告路径应以 .csv、.xlsx 或 .json 结尾',
    });
    expect(FILES.reportFormat('r.txt').en).toBe(
      'expected a report path ending in .csv, .xlsx or .json, got "r.txt": pick one of those',
    );
  });

  it('gives the records reader every report format, journals and backups, and no other file', () => {
    for (const f of REPORT_FORMAT_NAMES) expect(isRecordName(`x.report${REPORT_FORMATS[f].extension}`)).toBe(true);
    expect(isRecordName('x.report.xlsx.journal.jsonl')).toBe(true);
    expect(isRecordName('x.report.xlsx.backup.jsonl')).toBe(true);
    expect(isRecordName('x.report.xlsx.written')).toBe(false);
    expect(isRecordName('notes.jsonl')).toBe(false);
    expect(isRecordName('notes.txt')).toBe(false);
  });

  it('writes the JSON report as JSON.stringify(…, null, 1) writes it, to the byte, whatever the rows hold', () => {
    const summary = { command: 'import', problems: [{ code: 'ROW_BAD_SCORE', count: 1 }], note: 'é\u2028"' };
    const rows = [
      { row: 2, status: 'ok', feishu_id: undefined, cells: { a: 'x\n"}', b: '', c: {} } },
      { row: 3, status: 'invalid', attempts: 2, cells: {} },
    ];
    expect(jsonReport(summary, rows)).toBe(`${JSON.stringify({ summary, rows }, null, 1)}\n`);
    expect(jsonReport(summary, [])).toBe(`${JSON.stringify({ summary, rows: [] }, null, 1)}\n`);
  });

  it('recognises a JSON report by the first bytes its writer puts there, and finds its rows as it lays them out', () => {
    const rows = [
      { row: 2, status: 'ok', cells: { a: 'x\n  {', b: '}' } },
      { row: 3, status: 'invalid', message: '  }', cells: { a: '', b: 'y' } },
    ];
    const text = jsonReport({ command: 'validate', rows: 2 }, rows);
    const recognise = REPORT_FORMATS.json.recognise.firstBytes;
    expect(recognise.test(text.slice(0, 64))).toBe(true);
    const bytes = Buffer.from(text);
    const starts = jsonRowStarts(bytes, 2)!;
    expect([jsonRowAt(bytes, starts[0]!), jsonRowAt(bytes, starts[1]!)]).toEqual(rows);
    // Laid out another way (or with another count of rows), the rows are not guessed at.
    expect(jsonRowStarts(Buffer.from(JSON.stringify({ summary: {}, rows })), 2)).toBeUndefined();
    expect(jsonRowStarts(bytes, 3)).toBeUndefined();
  });
});
