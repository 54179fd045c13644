// The house rules that a reader cannot check by eye across 100 files (docs/architecture.md):
// no import cycle, nothing imports a room above it, no function over 100 lines, the library's
// reach free of CLI packages, Feishu's answer codes written as numbers in one table only, no
// source file over 450 lines, and a field's name written where its field is defined (src/fields.ts),
// not in every module that handles it.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(SRC);
const name = (path: string) => relative(SRC, path).replaceAll('\\', '/');
const parsed = new Map(
  FILES.map((f) => [f, ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true)]),
);

/** Whether the file's code (not its comments) names `word`: an identifier, a property's name or a string. */
function namesInCode(node: ts.Node, word: string): boolean {
  if ((ts.isIdentifier(node) || ts.isStringLiteralLike(node)) && node.text === word) return true;
  return ts.forEachChild(node, (child) => namesInCode(child, word) || undefined) ?? false;
}

/** Each file's imports: relative ones resolved to files of src/, packages by name. */
function importsOf(file: string): { files: string[]; packages: string[] } {
  const files: string[] = [];
  const packages: string[] = [];
  for (const node of parsed.get(file)!.statements) {
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : undefined;
    if (spec === undefined) continue;
    if (spec.startsWith('.')) files.push(resolved(resolve(dirname(file), spec)));
    else if (!spec.startsWith('node:')) packages.push(spec.startsWith('@') ? spec : spec.split('/')[0]!);
  }
  const unknown = files.filter((f) => !parsed.has(f));
  if (unknown.length > 0) throw new Error(`src/${name(file)} imports ${unknown.join(', ')}: no such source file`);
  return { files, packages };
}

/** A relative import's file: `./x.js` is `x.ts` or `x.tsx` (the page's components), `../x.json` is skipped. */
function resolved(path: string): string {
  const base = path.replace(/\.js$/, '');
  return parsed.has(`${base}.ts`) ? `${base}.ts` : parsed.has(`${base}.tsx`) ? `${base}.tsx` : path;
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

function cycles(): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of GRAPH.get(f)!.files) {
      if (state.get(g) === 'open') found.push([...stack.slice(stack.indexOf(g)), g].map(name).join(' → '));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of FILES) if (!state.has(f)) visit(f);
  return found;
}

function reach(from: string): Set<string> {
  const seen = new Set<string>();
  const go = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const g of GRAPH.get(f)!.files) go(g);
  };
  go(from);
  return seen;
}

/** The rooms from the bottom up: a file may import its own room and the rooms below it. */
const FLOORS: readonly (readonly string[])[] = [
  [
    'lang.ts',
    'edit-distance.ts',
    'vocabularies.ts',
    'fields.ts',
    'schema.ts',
    'run-paths.ts',
    'row-statuses.ts',
    'report-formats.ts',
  ],
  ['messages.ts', 'option-messages.ts', 'errors.ts', 'warnings.ts', 'time-zones.ts'],
  ['feishu', 'input'],
  ['plan'],
  ['simulator'],
  ['report'],
  ['run'],
  ['options.ts', 'commands'],
  ['api.ts', 'index.ts'],
  ['ui', 'cli', 'cli.ts', 'catalogue.ts'],
];
const floorOf = (path: string): number => {
  const room = name(path).split('/')[0]!;
  const floor = FLOORS.findIndex((rooms) => rooms.includes(room));
  if (floor < 0) throw new Error(`src/${name(path)}: its room is on no floor of the test's list`);
  return floor;
};

function longFunctions(limit: number): string[] {
  const found: string[] = [];
  for (const [file, source] of parsed) {
    const walk = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (end - start + 1 > limit) found.push(`src/${name(file)}:${start + 1} (${end - start + 1} lines)`);
      }
      ts.forEachChild(node, walk);
    };
    walk(source);
  }
  return found;
}

/**
 * Feishu's answer codes, as docs/feishu-api.md lists them; the four-digit "retry later" codes are
 * left out (5000 is as often five seconds).
 */
const FEISHU_CODE = /^(99991\d{3}|100200[12]|10003|10014|10015|10101)$/;

function codesOutsideTable(): string[] {
  const found: string[] = [];
  for (const [file, source] of parsed) {
    if (name(file) === 'feishu/codes.ts') continue;
    const walk = (node: ts.Node) => {
      if (ts.isNumericLiteral(node) && FEISHU_CODE.test(node.text)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`src/${name(file)}:${line} ${node.text}`);
      }
      ts.forEachChild(node, walk);
    };
    walk(source);
  }
  return found;
}

describe('the house', () => {
  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('has no import from a room to a room above it', () => {
    const upward = [...GRAPH].flatMap(([f, { files }]) =>
      files.filter((g) => floorOf(g) > floorOf(f)).map((g) => `src/${name(f)} → src/${name(g)}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no function over 100 lines', () => {
    expect(longFunctions(100)).toEqual([]);
  });

  it("keeps the library's reach (everything src/index.ts imports) free of CLI packages", () => {
    const library = reach(join(SRC, 'index.ts'));
    const cliPackages = [...library].flatMap((f) =>
      GRAPH.get(f)!
        .packages.filter((p) => p === 'yargs' || p === 'cli-progress')
        .map((p) => `src/${name(f)}: ${p}`),
    );
    expect(cliPackages).toEqual([]);
    expect([...library].map(name).filter((n) => n.startsWith('cli'))).toEqual([]);
  });

  it("writes Feishu's answer codes as numbers in src/feishu/codes.ts only", () => {
    expect(codesOutsideTable()).toEqual([]);
  });

  it('names begin_time and participate_status in at most 4 source files each (the field list is src/fields.ts)', () => {
    for (const field of ['begin_time', 'participate_status']) {
      const naming = FILES.filter((f) => readFileSync(f, 'utf8').includes(field)).map(name);
      expect(naming.length, `${field}: ${naming.join(', ')}`).toBeLessThanOrEqual(4);
      expect(naming).toContain('fields.ts');
    }
  });

  it("names an assessment's or a dimension's value in code in at most 4 source files (the field list is src/fields.ts)", () => {
    // In code, not comments: the words, the template's example rows and the page's vocabularies
    // may name a column; the parser, the grouping, the bodies and --merge loop over the list.
    for (const field of ['conclusion', 'assessment_content', 'dimension_description']) {
      const naming = FILES.filter((f) => namesInCode(parsed.get(f)!, field)).map(name);
      expect(naming.length, `${field}: ${naming.join(', ')}`).toBeLessThanOrEqual(4);
      expect(naming).toContain('fields.ts');
    }
  });

  it('has no source file over 450 lines', () => {
    const long = FILES.map((f) => ({ f, lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 450)
      .map(({ f, lines }) => `src/${name(f)} (${lines} lines)`);
    expect(long).toEqual([]);
  });
});
