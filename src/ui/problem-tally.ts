/**
 * A check's commonest problems (its result's `problems`: a code, how many rows have it, one of
 * them said as an example) kept true while edits re-check rows (src/ui/row-recheck.ts): a fixed
 * row counts its code down, a spoilt one up; an example whose row no longer has its code is said
 * of another row that has it, and a code no row has any more is dropped. Cheap on any size: every
 * code's count comes with the check (src/ui/step-worker.ts), and another example is looked for
 * only when the one shown was fixed, onwards from where it was.
 */
import type { ProblemFacts } from '../errors.js';
import { pageWords } from './page-words.js';
import { type GridRow, type JsonRow, type ReportRows, faultOf, scanRows } from './report-rows.js';

export interface Problem {
  readonly code: string;
  readonly count: number;
  /** One row's message, in the page's words where it has them. */
  readonly example: string;
}

/** A problem as the check's result said it, with the row its example is said of (its index), if one. */
export interface ShownProblem extends Problem {
  readonly at?: number;
}

/** As many as the library's summary lists. */
const LISTED = 5;

/** Problem rows looked at for an example: enough for a code that is common, bounded on a huge file. */
export const EXAMPLE_SCAN = 5000;

/** What an example is said from: the row's number and message, the column at fault as the file names it, its cell. */
interface Said {
  readonly row: number;
  readonly message?: string;
  readonly column?: string;
  readonly cell?: string;
  readonly facts?: ProblemFacts;
}

/** A row's problem as the summary counts it: a blocked row's is its interview's other row's. */
const codeOf = (r: { status: string; code?: string }) => (r.status === 'blocked' ? undefined : r.code);

/**
 * The example said of one row: the page's words for its code at its row, column and cell where it
 * has them, else for its code alone (said of no row), else the row's message.
 */
export function exampleOf(code: string, r: Said, lang: 'zh' | 'en'): string {
  const words = pageWords(code, { row: r.row, column: r.column, cell: r.cell, facts: r.facts }) ?? pageWords(code);
  return words?.[lang] ?? r.message ?? '';
}

/** The example said of a report's row (src/ui/report-rows.ts), or undefined when the row's problem, as the summary counts it, is not `code`. */
export function reportRowExample(code: string, r: JsonRow, lang: 'zh' | 'en'): string | undefined {
  if (codeOf({ status: r.status, code: r.error_code }) !== code) return undefined;
  return exampleOf(code, { ...faultOf(r), message: r.message }, lang);
}

export class ProblemTally {
  private readonly counts: Map<string, number>;
  /**
   * Each code's example and its row; `first`: no row of the report before it that the edits left
   * as it was has the code (so the next is looked for after it).
   */
  private readonly examples = new Map<string, { readonly text: string; readonly at?: number; readonly first?: true }>();
  /** Where among the check's problem rows to look on for a code's next example: those before it do not have it. */
  private readonly scanFrom = new Map<string, number>();

  /** `codes`: every code's count in the check; `shown`: its result's problems. */
  constructor(
    private readonly rows: Pick<ReportRows, 'read' | 'sizeOf' | 'problems' | 'columns'>,
    private readonly overlay: ReadonlyMap<number, GridRow>,
    private readonly lang: 'zh' | 'en',
    codes: Readonly<Record<string, number>>,
    shown: readonly ShownProblem[],
  ) {
    this.counts = new Map(Object.entries(codes));
    for (const p of shown) {
      if (!this.counts.has(p.code)) this.counts.set(p.code, p.count);
      // Said of the first row with its code (src/ui/run-steps.ts), where it is said of one.
      this.examples.set(p.code, { text: p.example, ...(p.at === undefined ? {} : { at: p.at, first: true }) });
    }
  }

  /** The row at index `at`, shown as `before`, is now `after` (both as the grid shows them). */
  change(at: number, before: GridRow, after: GridRow): void {
    const was = codeOf(before);
    const now = codeOf(after);
    if (was !== undefined && was === now) {
      // Still the same problem: an example said of it says it as it is now (its cell, its words).
      const example = this.examples.get(was);
      if (example?.at === at) this.examples.set(was, { ...example, text: this.said(was, after) });
      return;
    }
    if (was !== undefined) {
      const left = (this.counts.get(was) ?? 1) - 1;
      if (left > 0) this.counts.set(was, left);
      else this.counts.delete(was);
      // An example not said of a row (the library's words for the code) stays while the code does.
      const example = this.examples.get(was);
      if (left <= 0 || (example?.at !== undefined && example.at === at)) {
        this.examples.delete(was);
        if (example?.first) this.scanFrom.set(was, this.placeOf(example.at!));
      }
    }
    if (now !== undefined) {
      this.counts.set(now, (this.counts.get(now) ?? 0) + 1);
      if (!this.examples.has(now)) this.examples.set(now, { text: this.said(now, after), at });
    }
  }

  /** The commonest problems now, most frequent first (a tie in the check's order), each with an example. */
  async list(): Promise<Problem[]> {
    const out: Problem[] = [];
    const byCount = [...this.counts].sort((a, b) => b[1] - a[1]);
    for (const [code, count] of byCount) {
      if (out.length === LISTED) break;
      const example = this.examples.get(code) ?? (await this.found(code)) ?? this.unplaced(code);
      // A code whose rows all lie past the scan and without words of its own: not listed rather than said as a code.
      if (example) out.push({ code, count, example: example.text });
    }
    return out;
  }

  private said(code: string, r: GridRow): string {
    const column = r.fault === undefined ? undefined : this.rows.columns[r.fault];
    const cell = r.fault === undefined ? undefined : r.cells[r.fault];
    return exampleOf(code, { row: r.row, message: r.message, column, cell, facts: r.facts }, this.lang);
  }

  /** Another row with `code`, as the grid shows it: the first of the rows checked since, or on from where the last was. */
  private async found(code: string): Promise<{ text: string; at: number; first?: true } | undefined> {
    let best: { text: string; at: number; first?: true } | undefined;
    for (const [at, r] of this.overlay)
      if (codeOf(r) === code && (best === undefined || at < best.at)) best = { text: this.said(code, r), at };
    const { problems } = this.rows;
    const from = this.scanFrom.get(code) ?? 0;
    const end = Math.min(problems.length, from + EXAMPLE_SCAN);
    // Where the look stopped: `end` when no row up to the bound has the code.
    let k = end;
    await scanRows(this.rows, problems.slice(from, end), (r, m) => {
      const at = problems[from + m]!;
      if (best !== undefined && at > best.at) k = from + m;
      else if (this.overlay.has(at)) return false;
      else {
        const text = reportRowExample(code, r, this.lang);
        if (text === undefined) return false;
        k = from + m;
        this.scanFrom.set(code, k);
        best = { text, at };
      }
      return true;
    });
    // Scanned to its bound without finding it: none of those rows has it, the next look goes on from there.
    if (k === end) this.scanFrom.set(code, end);
    // The first row with the code unless the scan stopped short of it (the next is then looked for from the top).
    if (best && (k < end || end === problems.length)) best.first = true;
    if (best) this.examples.set(code, best);
    return best;
  }

  /** The page's words for a code said of no row, kept while the code is: its rows lie past the scan. */
  private unplaced(code: string): { text: string } | undefined {
    const words = pageWords(code)?.[this.lang];
    if (words === undefined) return undefined;
    this.examples.set(code, { text: words });
    return { text: words };
  }

  /** The place of row `at` among the check's problem rows (of the first after it, if it is not one). */
  private placeOf(at: number): number {
    const { problems } = this.rows;
    let lo = 0;
    let hi = problems.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (problems[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
