import { open, readFile } from 'node:fs/promises';
import { REPORT_FORMATS, type ReportFormat, reportFormatOf } from '../report-formats.js';
import { SHEET } from '../report/messages.js';
import { cellText, unprotectCell } from '../input/cells.js';
import { parseCsvText } from '../input/csv.js';
import { decodeCsvBytes } from '../input/encoding.js';
import { type HeaderMapping, checkHeaders, mappingLookup } from '../input/headers.js';
import { openWorkbook } from '../input/xlsx.js';

/** What one report row says of a legacy interview: its key, its application (first row only) and its Feishu id. */
export interface ReportLine {
  readonly externalId: string;
  readonly application: string;
  readonly feishuId: string;
}

/** Bytes looked at to tell one of our reports from any other file (src/report-formats.ts, `recognise`). */
const SNIFF_BYTES = 64;

/** Each format's rows, as text, from a file already recognised as our report; undefined when it has none. */
const READERS: Readonly<
  Record<ReportFormat, (file: string, mapping: HeaderMapping | undefined) => Promise<ReportLine[] | undefined>>
> = {
  csv: async (file, mapping) => {
    const { records } = parseCsvText(decodeCsvBytes(await readFile(file), file).content, file);
    return linesOf(
      records.map((r) => r.cells.map(unprotectCell)),
      mapping,
    );
  },
  json: async (file, mapping) => {
    const rows = (JSON.parse(await readFile(file, 'utf8')) as { rows?: unknown }).rows;
    if (!Array.isArray(rows) || rows.length === 0) return undefined;
    const cells = rows.map((r) => ((r as { cells?: Record<string, unknown> }).cells ?? {}) as Record<string, unknown>);
    const headers = Object.keys(cells[0]!);
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return linesOf([headers, ...cells.map((c) => headers.map((h) => text(c[h])))], mapping, true);
  },
  xlsx: (file, mapping) => workbookLines(file, mapping),
};

/**
 * The rows of a report this tool wrote (any format of src/report-formats.ts), as text; undefined
 * for any other file. Other files are told apart as that table says (first bytes, or a
 * workbook's summary sheet), so an input of 100,000 rows beside the reports is not parsed.
 */
export async function readReportLines(file: string, mapping?: HeaderMapping): Promise<ReportLine[] | undefined> {
  const format = reportFormatOf(file);
  if (format === undefined) return undefined;
  const { recognise } = REPORT_FORMATS[format];
  if ('firstBytes' in recognise && !recognise.firstBytes.test(await firstBytes(file))) return undefined;
  return READERS[format](file, mapping);
}

async function firstBytes(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** An .xlsx report: its first sheet, when the workbook has our summary sheet beside it (its `recognise`). */
async function workbookLines(file: string, mapping: HeaderMapping | undefined): Promise<ReportLine[] | undefined> {
  const workbook = await openWorkbook(file);
  try {
    const names = new Set(workbook.sheets.map((s) => s.name));
    const first = workbook.sheets[0];
    if (!first || !(names.has(SHEET.summary.en) || names.has(SHEET.summary.zh))) return undefined;
    const { rows } = await workbook.read(first);
    return linesOf(
      rows.map((r) => r.cells.map((c) => cellText(c))),
      mapping,
    );
  } finally {
    await workbook.close();
  }
}

/** Where a report's key, ID and application columns are, read with `mapping`; undefined when it lacks the key or ID. */
function reportIndex(headers: readonly string[], mapping: HeaderMapping | undefined, trusted: boolean) {
  let check: ReturnType<typeof checkHeaders>;
  try {
    check = checkHeaders(headers, mappingLookup(mapping), []);
  } catch {
    return undefined;
  }
  const index = check.resolved?.index;
  if (!check.resolved || !(trusted || check.resolved.isReport) || !index) return undefined;
  return index.external_id === undefined || index.external_interview_id === undefined ? undefined : index;
}

/**
 * The legacy key, application and Feishu id of each row, when the header is a report's and has
 * the key and ID columns. An interview's application is on its first row: later rows take it.
 */
function linesOf(
  rows: readonly (readonly string[])[],
  mapping: HeaderMapping | undefined,
  trusted = false,
): ReportLine[] | undefined {
  const [headers, ...data] = rows;
  if (!headers) return undefined;
  // The report keeps its run's headers (a mapped file's own) and adds the ID column in the
  // template's name: read with the run's mapping, else as the template names them.
  const index =
    reportIndex(headers, mapping, trusted) ?? (mapping ? reportIndex(headers, undefined, trusted) : undefined);
  if (!index) return undefined;
  const { external_id: keyAt, external_interview_id: idAt, external_application_id: appAt } = index;
  if (keyAt === undefined || idAt === undefined) return undefined;
  const out: ReportLine[] = [];
  const applications = new Map<string, string>();
  for (const row of data) {
    const externalId = (row[keyAt] ?? '').trim();
    const feishuId = (row[idAt] ?? '').trim();
    const given = appAt === undefined ? '' : (row[appAt] ?? '').trim();
    if (externalId === '') continue;
    if (given !== '') applications.set(externalId, given);
    if (feishuId === '') continue;
    out.push({ externalId, feishuId, application: given || (applications.get(externalId) ?? '') });
  }
  return out;
}
