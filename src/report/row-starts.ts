/**
 * Where each row of the JSON report starts in its file, noted as the report is written, for a
 * caller that reads the rows next (the page's grid, src/ui/report-rows.ts): reading back the 55 MB
 * just written for 100,000 rows took 180 to 215 ms in the page's checks' thread and finding its
 * rows in them 119 to 172 ms (measured on the 2-core machine), most of what the page's check added
 * to the CLI's validate. Asked for around a run (`notingRowStarts`), not by an option: no caller of
 * the library sees it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const noting = new AsyncLocalStorage<number[]>();

/**
 * Runs `run`, noting the byte offset of each row of the JSON report it writes, then where its
 * rows end: `starts` holds one more than the report's rows. Empty when it wrote no JSON report.
 */
export async function notingRowStarts<T>(run: () => Promise<T>): Promise<{ result: T; starts: number[] }> {
  const starts: number[] = [];
  const result = await noting.run(starts, run);
  return { result, starts };
}

/** Where the JSON report being written notes its rows' starts, when its run asked (`notingRowStarts`). */
export const rowStartsNote = (): number[] | undefined => noting.getStore();
