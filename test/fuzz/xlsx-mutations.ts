import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ZipArchive } from '../../src/input/zip.js';
import { ROOT } from '../helpers.js';
import type { Member } from '../input/hostile-xlsx.js';

/**
 * The corpus the reader is fuzzed from: every workbook a real writer wrote
 * (test/fixtures/writers), the templates and the sample; and the rewrites and mutations made of them.
 */
export async function corpus(): Promise<{ file: string; members: Member[] }[]> {
  const writers = join(ROOT, 'test', 'fixtures', 'writers');
  const files = [
    ...(await readdir(writers)).filter((f) => f.endsWith('.xlsx')).map((f) => join(writers, f)),
    join(ROOT, 'templates', 'interviews-template.zh.xlsx'),
    join(ROOT, 'samples', 'interviews.xlsx'),
  ];
  return Promise.all(files.map(async (file) => ({ file, members: await membersOf(file) })));
}

async function membersOf(file: string): Promise<Member[]> {
  const zip = await ZipArchive.open(file);
  try {
    const members: Member[] = [];
    for (const entry of zip.entries.values()) {
      const parts: Buffer[] = [];
      for await (const chunk of zip.chunks(entry)) parts.push(chunk);
      members.push({ name: entry.name, data: Buffer.concat(parts) });
    }
    return members;
  } finally {
    await zip.close();
  }
}

const isXml = (m: Member) => /\.(xml|rels)$/i.test(m.name);

// -------------------------------------------------------------------------------------------
// Rewrites that keep the content: the reader must give the same rows.

export type Rewrite = 'prefix' | 'cdata' | 'charRefs' | 'shuffle' | 'stored';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PKG_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Every unprefixed element of a SpreadsheetML part under the prefix `fz:`, bound on its root. */
function prefixed(xml: string): string {
  const ns = xml.includes(`xmlns="${MAIN_NS}"`) ? MAIN_NS : xml.includes(`xmlns="${PKG_NS}"`) ? PKG_NS : undefined;
  if (!ns) return xml;
  let rooted = false;
  return xml.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (_, slash: string, name: string) => {
    if (slash || rooted) return `<${slash}fz:${name}`;
    rooted = true;
    return `<fz:${name} xmlns:fz="${ns}"`;
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decoded(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    return String.fromCodePoint(
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
    );
  });
}

/** The text of each `<t>` and `<v>` as a CDATA section. */
function inCdata(xml: string): string {
  return xml.replace(
    /<((?:\w+:)?[tv])((?:\s[^>]*)?)>([^<]+)<\/\1>/g,
    (whole, name: string, attrs: string, text: string) => {
      const plain = decoded(text);
      return plain.includes(']]>') ? whole : `<${name}${attrs}><![CDATA[${plain}]]></${name}>`;
    },
  );
}

/** Letters and digits of each `<t>` and `<v>` as character references, hexadecimal and decimal in turn. */
function withCharRefs(xml: string): string {
  return xml.replace(
    /<((?:\w+:)?[tv])((?:\s[^>]*)?)>([^<]+)<\/\1>/g,
    (_, name: string, attrs: string, text: string) => {
      let i = 0;
      const refs = text.replace(/&[^;]*;|[A-Za-z0-9]/g, (c) =>
        c.length > 1 ? c : i++ % 2 ? `&#${c.charCodeAt(0)};` : `&#x${c.charCodeAt(0).toString(16)};`,
      );
      return `<${name}${attrs}>${refs}</${name}>`;
    },
  );
}

export function rewrite(members: readonly Member[], rewrites: readonly Rewrite[], seed: number): Member[] {
  let out = [...members];
  const xml = (f: (s: string) => string) => {
    out = out.map((m) => (isXml(m) ? { ...m, data: f(m.data.toString()) } : m));
  };
  for (const r of rewrites) {
    if (r === 'prefix') xml(prefixed);
    else if (r === 'cdata') xml(inCdata);
    else if (r === 'charRefs') xml(withCharRefs);
    else if (r === 'shuffle') out = shuffled(out, seed);
    else out = out.map((m) => ({ ...m, stored: true }));
  }
  return out;
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// -------------------------------------------------------------------------------------------
// Mutations: anything may come of them but a clear ToolError or rows.

/** Fragments hostile files were made of: limits, references, nesting, declarations. */
export const FRAGMENTS = [
  '<c r="ZZZZZZ3"><v>1</v></c>',
  '<c r="a1"><v>1</v></c>',
  '<c r="$B$2" t="s"><v>999999</v></c>',
  '<c r="2"><v>1</v></c>',
  '<row r="1048577"><c><v>1</v></c></row>',
  '<row r="x2"/>',
  '<row r="1"/>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="A2:A99999999999999999"/>',
  `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(200)}</mergeCells>`,
  '<a>'.repeat(5000),
  '</a>',
  '<![CDATA[x]]>',
  '<!DOCTYPE x [<!ENTITY e "ee">]>',
  '&e;',
  '&#0;',
  '_x0000_',
  '="1"',
  '<xf numFmtId="14"/>'.repeat(300),
  '<sheet name="\u202e" sheetId="9" r:id="rId9"/>',
  '<si><t>x</t></si>'.repeat(100),
  '\u0000',
  '\uFFFF',
];

export type Mutation =
  | { kind: 'flip'; member: number; at: number; byte: number }
  | { kind: 'insert'; member: number; at: number; fragment: number }
  | { kind: 'truncate'; member: number; at: number }
  | { kind: 'drop'; member: number }
  | { kind: 'duplicate'; member: number };

/** Positions and members are taken modulo what there is. */
export function mutate(members: readonly Member[], mutations: readonly Mutation[]): Member[] {
  const out = [...members];
  for (const m of mutations) {
    if (out.length === 0) break;
    const i = m.member % out.length;
    const target = out[i]!;
    const data = Buffer.from(target.data);
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'duplicate') out.push({ ...target });
    else if (m.kind === 'truncate') out[i] = { ...target, data: data.subarray(0, m.at % (data.length + 1)) };
    else if (m.kind === 'flip') {
      if (data.length > 0) data[m.at % data.length] = m.byte;
      out[i] = { ...target, data };
    } else insertAfterTag(out, m);
  }
  return out;
}

/** A fragment into an XML member, just after a tag: there it is read as XML rather than breaking it. */
function insertAfterTag(out: Member[], m: Extract<Mutation, { kind: 'insert' }>): void {
  // Half the time into a worksheet: most of what a hostile file can do is done there.
  const sheets = out.filter((x) => /worksheets\/[^/]+\.xml$/i.test(x.name));
  const xml = sheets.length > 0 && m.member % 2 === 0 ? sheets : out.filter(isXml);
  if (xml.length === 0) return;
  const into = xml[(m.member >>> 1) % xml.length]!;
  const bytes = Buffer.from(into.data);
  const ends = [...bytes.keys()].filter((k) => bytes[k] === 0x3e);
  const at = ends.length > 0 ? ends[m.at % ends.length]! + 1 : 0;
  const fragment = Buffer.from(FRAGMENTS[m.fragment % FRAGMENTS.length]!);
  out[out.indexOf(into)] = { ...into, data: Buffer.concat([bytes.subarray(0, at), fragment, bytes.subarray(at)]) };
}

/** The whole archive's bytes, a few of them overwritten: a damaged download. */
export function damaged(bytes: Buffer, flips: readonly { at: number; byte: number }[]): Buffer {
  const out = Buffer.from(bytes);
  for (const f of flips) if (out.length > 0) out[f.at % out.length] = f.byte;
  return out;
}
