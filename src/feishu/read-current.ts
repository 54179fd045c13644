import { ToolError } from '../errors.js';
import type { InterviewApi } from './interview-api.js';

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
    let pageToken: string | undefined;
    do {
      const result = await api.batchQuery(chunk, pageToken);
      if (result.outcome !== 'ok') {
        throw new ToolError(
          'HTTP_READ_FAILED',
          `expected the current records of ${chunk.length} interview(s) from batch_query, got ${result.errorCode}: ${result.message} (log id ${result.logId ?? 'none'}, attempt ${result.attempts})`,
          { attempt: result.attempts, status: result.httpStatus, logId: result.logId },
        );
      }
      const data = (result.data ?? {}) as { items?: StoredRecord[]; has_more?: boolean; page_token?: string };
      for (const item of data.items ?? []) if (typeof item.id === 'string') found.set(item.id, item);
      pageToken = data.has_more && data.page_token ? data.page_token : undefined;
    } while (pageToken);
  }
  return found;
}
