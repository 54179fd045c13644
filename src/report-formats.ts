/**
 * The report formats, once: each one's extension, and how a report of ours is told from any other
 * file with that extension (an input of 100,000 rows may sit beside the reports, and is not
 * parsed to find that out). The writer of each is in src/report/report-writer.ts (`WRITERS`), its
 * reader for earlier runs' records in src/run/earlier-reports.ts (`READERS`): both are records
 * keyed by `ReportFormat`, so a format added here is a type error until it has both. The option
 * check and the messages name the extensions from here.
 */
export const REPORT_FORMATS = {
  csv: {
    extension: '.csv',
    /** The CSV writer starts with a BOM and our first two columns. */
    recognise: { firstBytes: /^\uFEFFrow,status,/ },
  },
  xlsx: {
    extension: '.xlsx',
    /** A workbook is a zip: ours has the summary sheet beside the rows. */
    recognise: { summarySheet: true },
  },
  json: {
    extension: '.json',
    /** The JSON writer opens with the run's summary. */
    recognise: { firstBytes: /^\{\s*"summary"/ },
  },
} as const satisfies Record<string, { extension: string; recognise: { firstBytes: RegExp } | { summarySheet: true } }>;

export type ReportFormat = keyof typeof REPORT_FORMATS;

export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as readonly ReportFormat[];

/** The format a report path names by its extension (any case), or undefined. */
export function reportFormatOf(path: string): ReportFormat | undefined {
  const lower = path.toLowerCase();
  return REPORT_FORMAT_NAMES.find((f) => lower.endsWith(REPORT_FORMATS[f].extension));
}

/** The extensions as a message lists them: `.csv, .xlsx or .json`, `.csv、.xlsx 或 .json`. */
export function extensionList(lang: 'zh' | 'en'): string {
  const all = REPORT_FORMAT_NAMES.map((f) => REPORT_FORMATS[f].extension);
  const last = all.pop()!;
  return all.length === 0 ? last : `${all.join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? ' 或 ' : ' or '}${last}`;
}
