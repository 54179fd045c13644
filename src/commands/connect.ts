import { TokenProvider } from '../feishu/auth.js';
import { FeishuClient } from '../feishu/client.js';
import { resolveBaseUrl } from '../feishu/endpoints.js';
import { InterviewApi } from '../feishu/interview-api.js';
import { RateGate } from '../feishu/rate-gate.js';
import { DEFAULT_RETRY } from '../feishu/retry-policy.js';
import type { ImportArgs } from '../options.js';

/** batch_query, create and delete each have their own limit of 10 calls/s (docs/feishu-api.md, "Limits"). */
const PER_API_RATE = 10;

export type ConnectOptions = Pick<
  ImportArgs,
  'concurrency' | 'rate' | 'retries' | 'timeoutMs' | 'domain' | 'baseUrl' | 'credentials'
>;

export interface Connection {
  readonly base: URL;
  readonly client: FeishuClient;
  readonly api: InterviewApi;
}

/**
 * The client, a token (fetched now: wrong credentials stop the run before anything is read or
 * written) and the API with a rate gate per API. `hardStop` cuts requests in flight; `stopping`
 * says no new attempt may start.
 */
export async function connect(
  options: Readonly<ConnectOptions>,
  hardStop: AbortSignal,
  stopping: () => boolean,
): Promise<Connection> {
  const base = resolveBaseUrl(options.domain, options.baseUrl);
  const client = new FeishuClient(base, { connections: options.concurrency, timeoutMs: options.timeoutMs });
  try {
    const tokens = new TokenProvider(options.credentials!, client);
    await tokens.get();
    const own = () => new RateGate(options.rate === 0 ? 0 : PER_API_RATE);
    const api = new InterviewApi({
      client,
      tokens,
      gate: new RateGate(options.rate),
      readGate: own(),
      createGate: own(),
      deleteGate: own(),
      retry: { ...DEFAULT_RETRY, retries: options.retries },
      abort: hardStop,
      stopping,
    });
    return { base, client, api };
  } catch (error) {
    await client.close();
    throw error;
  }
}
