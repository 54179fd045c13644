import { afterEach, describe, expect, it } from 'vitest';
import { TokenProvider } from '../../src/feishu/auth.js';
import { FeishuClient } from '../../src/feishu/client.js';
import { InterviewApi } from '../../src/feishu/interview-api.js';
import { RateGate } from '../../src/feishu/rate-gate.js';
import { readCurrent } from '../../src/feishu/read-current.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/server.js';

let sim: RunningSimulator | undefined;
let client: FeishuClient | undefined;
afterEach(async () => {
  await client?.destroy();
  await sim?.close();
  sim = client = undefined;
});

const fast = { retries: 5, baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5 };
const body = { external_application_id: '6960663240925956437', participate_status: 2 };

async function setUp(
  options: SimulatorOptions = {},
  timeoutMs = 5000,
  more: Partial<ConstructorParameters<typeof InterviewApi>[0]> = {},
) {
  sim = await startSimulator({ rateLimit: 0, createOnPut: true, ...options });
  client = new FeishuClient(new URL(sim.url), { connections: 4, timeoutMs });
  const tokens = new TokenProvider({ kind: 'app', appId: 'cli_simulator', appSecret: 'simulator-secret' }, client);
  return { sim, api: new InterviewApi({ client, tokens, gate: new RateGate(0), retry: fast, ...more }) };
}

describe('InterviewApi.put', () => {
  it('lands the exact body', async () => {
    const { sim, api } = await setUp();
    const result = await api.put('7000000000000000001', body);
    expect(result).toMatchObject({
      outcome: 'ok',
      httpStatus: 200,
      attempts: 1,
      logId: expect.stringMatching(/^\d+$/),
    });
    expect(sim.store.get('7000000000000000001')).toEqual({ id: '7000000000000000001', ...body });
  });

  it("never retries a parameter error and reports Feishu's code, message and violations", async () => {
    const { sim, api } = await setUp();
    const result = await api.put('7000000000000000001', { external_application_id: '1', participate_status: 7 });
    expect(result).toMatchObject({
      outcome: 'failed',
      errorCode: '1002002',
      httpStatus: 400,
      attempts: 1,
      message: '参数错误; participate_status: must be one of 1, 2, 3 (got 7)',
    });
    expect(sim.stats.requests.put).toBe(1);
  });

  it('retries 500s and dropped connections until the call lands', async () => {
    const { sim, api } = await setUp({ failRate: 0.3, dropRate: 0.2, randomSeed: 3 });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => api.put(String(7000000000000000100n + BigInt(i)), body)),
    );
    expect(results.every((r) => r.outcome === 'ok')).toBe(true);
    expect(sim.stats.failed + sim.stats.dropped).toBeGreaterThan(0);
    expect(sim.store.interviews.size).toBe(30);
  });

  it('gives up after the retries with the last error', async () => {
    const { api } = await setUp({ failRate: 1 });
    expect(await api.put('7000000000000000001', body)).toMatchObject({
      outcome: 'failed',
      errorCode: '1002001',
      attempts: 6,
      message: '系统异常 internal error (gave up after 6 attempts)',
    });
  });

  it('fails a call on a network that stays down, unless asked to wait the outage out: then it lands once Feishu is back', async () => {
    const down = await setUp();
    await down.api.put('7000000000000000001', body);
    const cut = down.sim.restart(400);
    expect(await down.api.put('7000000000000000002', body)).toMatchObject({
      outcome: 'failed',
      errorCode: 'HTTP_NETWORK',
    });
    expect(down.api.stats.trouble).toMatchObject({ kind: 'network', waiting: false });
    await cut;
    await client?.destroy();
    await sim?.close();

    const said: unknown[] = [];
    const { sim: back, api } = await setUp({}, 5000, { waitWhileUnreachable: true });
    api.onTrouble = () => said.push(api.stats.trouble);
    await api.put('7000000000000000001', body);
    const outage = back.restart(400);
    expect(await api.put('7000000000000000002', body)).toMatchObject({ outcome: 'ok' });
    await outage;
    expect(back.store.get('7000000000000000002')).toBeDefined();
    // Named as it began, said to be waited out once the retries were spent, and cleared by the answer.
    expect(said[0]).toEqual({ kind: 'network', retries: 0, waiting: false });
    expect(said).toContainEqual(expect.objectContaining({ kind: 'network', waiting: true }));
    expect(said.at(-1)).toBeUndefined();
    expect(api.stats.trouble).toBeUndefined();
  });

  it('stops waiting out an outage as soon as the run stops', async () => {
    let stopping = false;
    const { sim, api } = await setUp({}, 5000, { waitWhileUnreachable: true, stopping: () => stopping });
    await api.put('7000000000000000001', body);
    const outage = sim.restart(3000);
    setTimeout(() => {
      stopping = true;
    }, 300);
    const started = Date.now();
    expect(await api.put('7000000000000000002', body)).toMatchObject({ outcome: 'failed', errorCode: 'HTTP_NETWORK' });
    expect(Date.now() - started).toBeLessThan(1500);
    await outage;
  });

  it('fails alone a call Feishu keeps failing while others land, even when asked to wait out outages', async () => {
    const { api } = await setUp({ failRate: 1 }, 5000, { waitWhileUnreachable: true });
    let landed = 0;
    // Another call getting an answer between each of its tries ends each spell it meets.
    const other = setInterval(() => {
      api.stats.trouble = undefined;
      landed++;
    }, 0);
    try {
      expect(await api.put('7000000000000000001', body)).toMatchObject({ outcome: 'failed', errorCode: '1002001' });
    } finally {
      clearInterval(other);
    }
    expect(landed).toBeGreaterThan(0);
  });

  it('refreshes an expired token once and lands the call', async () => {
    const { sim, api } = await setUp({ expireTokenAfterPuts: 3 });
    for (let i = 0; i < 7; i++) expect((await api.put(`700000000000000000${i}`, body)).outcome).toBe('ok');
    expect(sim.stats.requests.token).toBe(3);
  });

  it('stops the run when the scope is missing', async () => {
    const { api } = await setUp({ missingScope: true });
    expect(await api.put('7000000000000000001', body)).toMatchObject({
      outcome: 'stop-run',
      errorCode: '99991672',
      message: expect.stringContaining('hire:external_application'),
    });
  });

  it('times out a stalled answer and retries', async () => {
    const { sim, api } = await setUp({ stallRate: 1, stallMs: 2000 }, 200);
    const result = await api.put('7000000000000000001', body);
    expect(result).toMatchObject({ outcome: 'failed', errorCode: 'HTTP_TIMEOUT', attempts: 6 });
    expect(sim.stats.accepted.get('7000000000000000001')).toBe(6);
  });
});

describe('readCurrent (batch_query)', () => {
  it('reads 45 interviews in pages of 20 ids, skipping ids that do not exist', async () => {
    const seed = Array.from(
      { length: 45 },
      (_, i) =>
        [String(7000000000000001000n + BigInt(i)), { ...body, participate_status: 1 + (i % 3) }] as [
          string,
          typeof body,
        ],
    );
    const { sim, api } = await setUp({ seed });
    const ids = [...seed.map(([id]) => id), '7999999999999999999'];
    const found = await readCurrent(api, ids);
    expect(found.size).toBe(45);
    expect(found.get(seed[44]![0])).toEqual({ id: seed[44]![0], ...seed[44]![1] });
    // 46 ids: chunks of 20, 20 and 6, each answered in one page of up to 20
    expect(sim.stats.requests.batchQuery).toBe(3);
  });
});

describe('InterviewApi stats', () => {
  it('counts the creates that landed, apart from the attempts answered 429 and retried', async () => {
    // The simulator's create window allows 2 a second: 6 creates at once meet 429s and retry.
    const { sim, api } = await setUp({ createRateLimit: 2 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api.create({ ...body, external_id: `legacy-${i}` })),
    );
    expect(results.every((r) => r.outcome === 'ok')).toBe(true);
    expect(sim.stats.rateLimited).toBeGreaterThan(0);
    expect(api.stats.creates).toBe(6);
    expect(api.stats.rateLimited).toBe(sim.stats.rateLimited);
    expect(api.stats.createAttempts).toBe(6 + api.stats.rateLimited);
    expect(api.stats.retried).toBe(api.stats.rateLimited);
  });
});

describe('InterviewApi pace', () => {
  it("follows the limit a 429 states on that API's own gate, and leaves the other APIs' gates alone", async () => {
    sim = await startSimulator({ rateLimit: 0, createRateLimit: 2, createOnPut: true });
    client = new FeishuClient(new URL(sim.url), { connections: 4, timeoutMs: 5000 });
    const tokens = new TokenProvider({ kind: 'app', appId: 'cli_simulator', appSecret: 'simulator-secret' }, client);
    const [gate, createGate] = [new RateGate(10), new RateGate(10)];
    const api = new InterviewApi({ client, tokens, gate, createGate, retry: fast });
    // Three creates in one second: the third is refused with x-ogw-ratelimit-limit: 2.
    const results = await Promise.all(
      Array.from({ length: 3 }, (_, i) => api.create({ ...body, external_id: `legacy-${i}` })),
    );
    expect(results.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(api.stats.rateLimited).toBe(1);
    expect(createGate.pace.limit).toBe(2);
    expect(gate.pace.limit).toBe(10);
  });
});
