import { posix } from 'node:path';
import { INPUT } from './messages.js';
import { PART_BYTES, readPart } from './xlsx-part.js';
import { type ZipArchive, type ZipEntry, overLimit } from './zip.js';

/**
 * Sheets a workbook may list. Each is looked at for a header row (its first rows inflated and
 * read); Excel has no fixed limit, and real workbooks hold tens. 300,000 listed sheets were each
 * searched and named in one warning.
 */
export const MAX_SHEETS = 1000;

/** A worksheet as the workbook lists it: its order, name and state come from `xl/workbook.xml`. */
export interface SheetEntry {
  readonly name: string;
  readonly hidden: boolean;
  readonly part: ZipEntry | undefined;
}

export interface WorkbookInfo {
  /** Worksheets in the workbook's own order (the tabs a person sees), not the zip's. */
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  /** `<calcPr fullCalcOnLoad="1">`: the writer asks for a recalculation, so saved formula results may be stale. */
  readonly recalcOnLoad: boolean;
  readonly sharedStrings: ZipEntry | undefined;
  readonly styles: ZipEntry | undefined;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

// Relationship types end in these names, in both the transitional and the strict namespace (ECMA-376 Part 1, 15.2).
const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

/** The workbook part, its relationships, and from them the sheets, strings and styles parts. */
export async function readWorkbookInfo(zip: ZipArchive): Promise<WorkbookInfo> {
  const workbookPart = await officeDocument(zip);
  const workbook = zip.find(workbookPart);
  if (!workbook) throw zip.unreadable(`its workbook part ${workbookPart} is missing`);
  const rels = await relationships(zip, workbookPart);
  const listed = await parseWorkbook(zip, workbook);
  const byType = (type: RegExp, fallback: string) =>
    zip.find([...rels.values()].find((r) => type.test(r.type))?.target ?? fallback);
  const sheets = listed.sheets.map((s) => {
    const rel = rels.get(s.rid);
    const part = rel && !WORKSHEET.test(rel.type) ? undefined : zip.find(rel?.target ?? '');
    return { name: s.name, hidden: s.state === 'hidden' || s.state === 'veryHidden', part };
  });
  return {
    sheets,
    date1904: listed.date1904,
    recalcOnLoad: listed.recalcOnLoad,
    sharedStrings: byType(SHARED_STRINGS, 'xl/sharedStrings.xml'),
    styles: byType(STYLES, 'xl/styles.xml'),
  };
}

/** `_rels/.rels` names the workbook part; nearly always `xl/workbook.xml`. */
async function officeDocument(zip: ZipArchive): Promise<string> {
  const rels = await relationships(zip, '');
  return [...rels.values()].find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
}

/**
 * A part's relationships, with targets made absolute. A target is relative to the part's folder
 * (`worksheets/sheet1.xml`) or absolute from the package root (`/xl/worksheets/sheet1.xml`, as
 * openpyxl writes): OPC, ECMA-376 Part 2, 9.3.
 */
async function relationships(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const dir = posix.dirname(part);
  const relsName = posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`);
  const entry = zip.find(relsName);
  const map = new Map<string, Relationship>();
  if (!entry) return map;
  const handlers = {
    open(name: string, a: Readonly<Record<string, string>>) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(dir, a.Target));
      map.set(a.Id, { type: a.Type ?? '', target });
    },
    close() {},
    text() {},
  };
  await readPart(zip, entry, `the relationships ${entry.name}`, handlers, { maxBytes: PART_BYTES.relationships });
  return map;
}

interface ListedSheet {
  readonly name: string;
  readonly state: string;
  readonly rid: string;
}

async function parseWorkbook(
  zip: ZipArchive,
  part: ZipEntry,
): Promise<{ sheets: ListedSheet[]; date1904: boolean; recalcOnLoad: boolean }> {
  const sheets: ListedSheet[] = [];
  let date1904 = false;
  let recalcOnLoad = false;
  const scopes = new NamespaceScopes();
  await readPart(
    zip,
    part,
    'the workbook part',
    {
      open(name, a, qualified) {
        // Excel 2013 and later add `<x15:workbookPr chartTrackingRefBase="1"/>` after the real
        // one: an element of another namespace never stands for the workbook's own.
        if (!isMain(scopes.open(a, qualified))) return;
        if (name === 'sheet') {
          if (sheets.length === MAX_SHEETS)
            throw overLimit(zip.file, part.name, INPUT.limitSheets, MAX_SHEETS.toLocaleString('en'));
          sheets.push({ name: a.name ?? '', state: a.state ?? 'visible', rid: a['r:id'] ?? relId(a) });
        } else if (name === 'workbookPr') date1904 = isTrue(a.date1904);
        else if (name === 'calcPr') recalcOnLoad = isTrue(a.fullCalcOnLoad);
      },
      close() {
        scopes.close();
      },
      text() {},
    },
    { maxBytes: PART_BYTES.workbook },
  );
  return { sheets, date1904, recalcOnLoad };
}

/** SpreadsheetML's namespace, transitional and strict (ECMA-376 Part 1, 18.2; Part 1 strict, 8.1). */
const MAIN_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
]);

/** The main namespace, or none at all (a writer that leaves out `xmlns`, read as before). */
function isMain(namespace: string): boolean {
  return namespace === '' || MAIN_NAMESPACES.has(namespace);
}

/** The `xmlns` declarations in scope, element by element (Namespaces in XML 1.0, 6.1). */
class NamespaceScopes {
  private readonly stack: Map<string, string>[] = [new Map()];

  /** Enters an element; returns the namespace its name is in. */
  open(a: Readonly<Record<string, string>>, qualified: string): string {
    const outer = this.stack[this.stack.length - 1]!;
    let scope = outer;
    for (const key in a) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
      if (scope === outer) scope = new Map(outer);
      scope.set(key === 'xmlns' ? '' : key.slice(6), a[key]!);
    }
    this.stack.push(scope);
    const colon = qualified.indexOf(':');
    return scope.get(colon < 0 ? '' : qualified.slice(0, colon)) ?? (colon < 0 ? '' : UNBOUND);
  }

  close(): void {
    if (this.stack.length > 1) this.stack.pop();
  }
}

/** A prefix no `xmlns:` declared: no namespace we know. */
const UNBOUND = 'urn:unbound-prefix';

/** The relationship id under whatever prefix the writer bound the relationships namespace to. */
function relId(a: Readonly<Record<string, string>>): string {
  const key = Object.keys(a).find((k) => k.endsWith(':id'));
  return key ? a[key]! : '';
}

/** xsd:boolean: "1" or "true". */
function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
