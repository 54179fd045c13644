import { TokenProvider } from '../feishu/auth.js';
import { FeishuClient } from '../feishu/client.js';
import { resolveBaseUrl } from '../feishu/endpoints.js';
import { InterviewApi } from '../feishu/interview-api.js';
import { FEISHU_RATE, RateGate, realClock } from '../feishu/rate-gate.js';
import { DEFAULT_RETRY } from '../feishu/retry-policy.js';
import type { ImportArgs } from '../options.js';

/**
 * A gate for one API: PUT, create, delete and batch_query each have their own limit
 * (docs/feishu-api.md, "Limits"). `--rate N` paces each at N/s and never faster; without it each
 * starts at Feishu's 10/s and follows what Feishu's answers state.
 */
export function gateFor(rate: number | undefined): RateGate {
  return rate === undefined ? new RateGate(FEISHU_RATE) : new RateGate(rate, realClock, rate);
}

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
 * says no new attempt may start; `waitWhileUnreachable`, see `RunContext`.
 */
export async function connect(
  options: Readonly<ConnectOptions>,
  hardStop: AbortSignal,
  stopping: () => boolean,
  waitWhileUnreachable = false,
): Promise<Connection> {
  const base = resolveBaseUrl(options.domain, options.baseUrl);
  const client = new FeishuClient(base, { connections: options.concurrency, timeoutMs: options.timeoutMs });
  try {
    const tokens = new TokenProvider(options.credentials!, client);
    await tokens.get();
    const api = new InterviewApi({
      client,
      tokens,
      gate: gateFor(options.rate),
      readGate: gateFor(options.rate),
      createGate: gateFor(options.rate),
      deleteGate: gateFor(options.rate),
      retry: { ...DEFAULT_RETRY, retries: options.retries },
      abort: hardStop,
      stopping,
      waitWhileUnreachable,
    });
    return { base, client, api };
  } catch (error) {
    await client.close();
    throw error;
  }
}
