/**
 * What an earlier import did, as the page's list of them says it: its kind (the command its
 * journal names) and its interviews by what happened, counted from its journal's lines. Read
 * once per journal version (size and time), so the list stays quick however often it is asked.
 */
import { lstat, readFile } from 'node:fs/promises';
import { untrusted } from '../report/private-file.js';

export interface RunCounts {
  /** `correct`: the page's one correction run (`import --correct`); `import`: any other import. */
  readonly kind: 'correct' | 'import';
  readonly created: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly failed: number;
}

const cache = new Map<string, { stamp: string; counts: RunCounts }>();

/** The journal's counts, or undefined when it is missing or not the user's own (the list shows none then). */
export async function runCounts(journal: string): Promise<RunCounts | undefined> {
  const info = await lstat(journal).catch(() => undefined);
  if (!info || untrusted(info)) return undefined;
  const stamp = `${info.size}:${info.mtimeMs}`;
  const kept = cache.get(journal);
  if (kept?.stamp === stamp) return kept.counts;
  const counts = countJournal(await readFile(journal, 'utf8'));
  cache.set(journal, { stamp, counts });
  return counts;
}

/** Each interview once, by its last result: a skipped one held that body already (docs/run-files.md). */
export function countJournal(text: string): RunCounts {
  let kind: RunCounts['kind'] = 'import';
  const ops = new Map<string, string>();
  const last = new Map<string, { status?: string; skipped?: boolean; op?: string }>();
  for (const line of text.split('\n')) {
    let entry: { t?: string; id?: string; op?: string; status?: string; skipped?: boolean; command?: string };
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // a torn last line
    }
    if (entry.t === 'run' && entry.command?.includes('--correct')) kind = 'correct';
    if (entry.t === 'sending' && entry.id) ops.set(entry.id, entry.op ?? 'put');
    if (entry.t === 'result' && entry.id) last.set(entry.id, { ...entry, op: ops.get(entry.id) });
  }
  const n = { kind, created: 0, changed: 0, unchanged: 0, deleted: 0, failed: 0 };
  for (const r of last.values()) {
    if (r.skipped) n.unchanged++;
    else if (r.status !== 'ok') n.failed++;
    else if (r.op === 'create') n.created++;
    else if (r.op === 'delete') n.deleted++;
    else n.changed++;
  }
  return n;
}
