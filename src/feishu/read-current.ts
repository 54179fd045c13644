import { FEISHU } from './messages.js';
import { say } from '../messages.js';
import { ToolError } from '../errors.js';
import type { CallResult, InterviewApi } from './interview-api.js';

/** batch_query takes at most 20 ids a call (docs/feishu-api.md, "Batch query"). */
export const BATCH_QUERY_MAX_IDS = 20;

export type StoredRecord = Record<string, unknown> & { id?: string };

/**
 * Reads the current records of `ids` with batch_query, 20 ids a call, following page tokens.
 * Ids that do not exist are simply absent from the map. A call that fails after its retries
 * stops the caller: acting on a partial read could overwrite what was not read.
 */
export async function readCurrent(api: InterviewApi, ids: readonly string[]): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  for (let i = 0; i < ids.length; i += BATCH_QUERY_MAX_IDS) {
    const chunk = ids.slice(i, i + BATCH_QUERY_MAX_IDS);
    const failed = (result: CallResult) =>
      new ToolError(
        'HTTP_READ_FAILED',
        say(
          FEISHU.readFailed({
            n: chunk.length,
            code: String(result.errorCode),
            message: result.message,
            logId: result.logId ?? 'none',
            attempts: result.attempts,
          }),
        ),
        {
          attempt: result.attempts,
          status: result.httpStatus,
          logId: result.logId,
          // Feishu's own code, when it answered: the page says it in words (src/ui/page-words.ts).
          code: /^\d+$/.test(String(result.errorCode)) ? Number(result.errorCode) : undefined,
        },
      );
    for (const item of await readPages((token) => api.batchQuery(chunk, token), failed)) found.set(item.id!, item);
  }
  return found;
}

/**
 * Every record of a paged batch_query, following page tokens (docs/feishu-api.md, "Batch query"):
 * those with an id. A page that fails after its retries is thrown as `failed` says.
 */
export async function readPages(
  call: (pageToken: string | undefined) => Promise<CallResult>,
  failed: (result: CallResult) => ToolError,
): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  let pageToken: string | undefined;
  do {
    const result = await call(pageToken);
    if (result.outcome !== 'ok') throw failed(result);
    const page = pageOf(result);
    for (const item of page.items) if (typeof item.id === 'string') out.push(item);
    pageToken = page.next;
  } while (pageToken);
  return out;
}

/**
 * One page of a batch_query answer. An answer without an `items` array is not "none found": it
 * is not the answer the API gives (docs/feishu-api.md, "Batch query"), and acting on it could
 * overwrite or create what was not read.
 */
export function pageOf(result: CallResult): { items: StoredRecord[]; next?: string } {
  const data = (result.data ?? {}) as { items?: unknown; has_more?: boolean; page_token?: string };
  if (!Array.isArray(data.items)) {
    throw new ToolError(
      'HTTP_BAD_ANSWER',
      say(
        FEISHU.noItems({ got: data.items === undefined ? 'none' : typeof data.items, logId: result.logId ?? 'none' }),
      ),
      {
        logId: result.logId,
      },
    );
  }
  return { items: data.items as StoredRecord[], next: data.has_more && data.page_token ? data.page_token : undefined };
}
