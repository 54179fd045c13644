import type { InterviewBody } from '../feishu/body.js';
import type { InterviewStore } from './store.js';

/** The simulator's options, what it counts, and its handle: shared by its modules and its callers. */
export interface SimulatorOptions {
  readonly port?: number;
  /** Always loopback unless a test says otherwise. */
  readonly host?: string;
  readonly appId?: string;
  readonly appSecret?: string;
  /** PUTs per second per app (a sliding one-second window); 0 for none. Feishu: 10. */
  readonly rateLimit?: number;
  /** batch_query calls per second; 0 for none. Feishu: 10. */
  readonly readRateLimit?: number;
  /** Share of PUTs answered HTTP 500 / 1002001. */
  readonly failRate?: number;
  /** Share of PUTs whose connection is dropped without an answer (half of them after landing). */
  readonly dropRate?: number;
  /** Share of PUTs answered only after `stallMs` (they land first). */
  readonly stallRate?: number;
  readonly stallMs?: number;
  /** Added to every answer. */
  readonly latencyMs?: number;
  /** Lifetime of a tenant token; Feishu: 7200 s. */
  readonly tokenTtlSeconds?: number;
  /** Revoke every token after this many PUTs have landed, as if it expired mid-run. */
  readonly expireTokenAfterPuts?: number;
  /** Answer 99991672 (scope missing) to every PUT. */
  readonly missingScope?: boolean;
  /** Application ids the tenant does not have: a PUT naming one is refused (1002002). */
  readonly missingApplications?: Iterable<string>;
  /**
   * Like Feishu, a PUT to an interview that does not exist is refused (1002002); with this set,
   * the first PUT creates it instead (handy for trying the tool against an empty simulator).
   */
  readonly createOnPut?: boolean;
  /** Interviews present before the run (bodies as sent). */
  readonly seed?: Iterable<[string, InterviewBody]>;
  /** Creates per second (the create API's own limit); 0 for none. Feishu: 10. */
  readonly createRateLimit?: number;
  /** Deletes per second (the delete API's own limit; default `rateLimit`'s number); 0 for none. Feishu: 10. */
  readonly deleteRateLimit?: number;
  /**
   * Reads leave out `external_id` (on the interview and its assessments): Feishu's documentation
   * page may not list it in batch_query's answer, while the SDKs' types do (docs/feishu-api.md).
   */
  readonly readsWithoutExternalId?: boolean;
  /**
   * A PUT that leaves `interview_assessments` out keeps the assessments held: docs/feishu-api.md
   * does not say whether an omitted list means none or "unchanged", so the tool must send `[]`
   * where it means none; this mode catches a body that leaves it to Feishu's reading.
   */
  readonly keepsOmittedAssessments?: boolean;
  /** PRNG seed for the injected faults, so a failing test can be replayed. */
  readonly randomSeed?: number;
  /** Serve HTTPS with this key and certificate (PEM), as Feishu does; the proxy tests use it. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** One more host name it answers to besides loopback: the name a `tls` certificate is for. */
  readonly hostName?: string;
}

export interface SimulatorStats {
  /** Every request that reached the simulator, by kind. */
  requests: { token: number; put: number; batchQuery: number; create: number; delete: number; other: number };
  /** Interviews created, by new id. */
  created: Map<string, InterviewBody>;
  deleted: string[];
  /** Arrival times (ms) of creates that were not rate-limited. */
  createTimes: number[];
  /** PUTs that changed the store, by interview id. */
  accepted: Map<string, number>;
  /** PUTs received, by interview id (whatever their answer). */
  received: Map<string, number>;
  rateLimited: number;
  failed: number;
  dropped: number;
  stalled: number;
  tokensIssued: number;
  /** Arrival times (ms) of PUTs that were not rate-limited, for pace measurements. */
  putTimes: number[];
}

export interface RunningSimulator {
  readonly url: string;
  readonly port: number;
  readonly store: InterviewStore;
  readonly stats: SimulatorStats;
  readonly options: SimulatorOptions;
  /** Drops every connection, stays down for `downMs`, and listens again on the same port (the store survives). */
  restart(downMs: number): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_APP_ID = 'cli_simulator';
/** Not a secret: the simulator's own demo credential, documented in the README. */
export const DEFAULT_APP_SECRET = 'simulator-secret';

export function newStats(): SimulatorStats {
  return {
    requests: { token: 0, put: 0, batchQuery: 0, create: 0, delete: 0, other: 0 },
    created: new Map(),
    deleted: [],
    createTimes: [],
    accepted: new Map(),
    received: new Map(),
    rateLimited: 0,
    failed: 0,
    dropped: 0,
    stalled: 0,
    tokensIssued: 0,
    putTimes: [],
  };
}

/** The stats as the state endpoint shows them. */
export function statsJson(stats: SimulatorStats): Record<string, unknown> {
  return {
    ...stats,
    accepted: Object.fromEntries(stats.accepted),
    received: Object.fromEntries(stats.received),
    putTimes: undefined,
  };
}
