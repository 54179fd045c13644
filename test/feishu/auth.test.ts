import { afterEach, describe, expect, it } from 'vitest';
import { TokenProvider } from '../../src/feishu/auth.js';
import { FeishuClient } from '../../src/feishu/client.js';
import { speaking } from '../../src/lang.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';

let sim: RunningSimulator | undefined;
let client: FeishuClient | undefined;
afterEach(async () => {
  await client?.close();
  await sim?.close();
  sim = client = undefined;
});

async function setUp(options: Parameters<typeof startSimulator>[0] = {}) {
  sim = await startSimulator({ appId: 'cli_a', appSecret: 's3cr3t-for-test', ...options });
  client = new FeishuClient(new URL(sim.url), { connections: 4, timeoutMs: 5000 });
  return { sim, client };
}

describe('TokenProvider', () => {
  it('fetches once, however many ask at the same time', async () => {
    const { sim, client } = await setUp();
    const tokens = new TokenProvider({ kind: 'app', appId: 'cli_a', appSecret: 's3cr3t-for-test' }, client);
    const got = await Promise.all(Array.from({ length: 20 }, () => tokens.get()));
    expect(new Set(got).size).toBe(1);
    expect(sim.stats.requests.token).toBe(1);
    expect(tokens.fetches).toBe(1);
  });

  it('refreshes once after invalidate, even with many callers', async () => {
    const { sim, client } = await setUp({ tokenTtlSeconds: 100 });
    const tokens = new TokenProvider({ kind: 'app', appId: 'cli_a', appSecret: 's3cr3t-for-test' }, client);
    const first = await tokens.get();
    for (let i = 0; i < 5; i++) tokens.invalidate(first);
    await Promise.all(Array.from({ length: 10 }, () => tokens.get()));
    expect(sim.stats.requests.token).toBe(2);
  });

  it('refreshes ahead of expiry', async () => {
    const { sim, client } = await setUp({ tokenTtlSeconds: 2 });
    let now = Date.now();
    const clock = { now: () => now, sleep: async () => {} };
    const tokens = new TokenProvider({ kind: 'app', appId: 'cli_a', appSecret: 's3cr3t-for-test' }, client, clock);
    await tokens.get();
    now += 1000; // within the last quarter? no: 1 s left of 2
    await tokens.get();
    expect(sim.stats.requests.token).toBe(1);
    now += 600; // 0.4 s left: under a quarter of the lifetime
    await tokens.get();
    expect(sim.stats.requests.token).toBe(2);
  });

  it('names the code, never the secret, for a wrong app secret', async () => {
    const { client } = await setUp();
    const tokens = new TokenProvider({ kind: 'app', appId: 'cli_a', appSecret: 'wrong-secret-value' }, client);
    // As the CLI runs it: the fix names its environment (a library run names appId and appSecret).
    const error = await speaking({ cli: true }, () => tokens.get()).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'AUTH_BAD_CREDENTIALS', exitCode: 2 });
    expect((error as Error).message).toMatch(
      /^expected a tenant access token for app cli_a, got code 10014 \(app secret invalid, log id \d+\): check FEISHU_APP_ID and FEISHU_APP_SECRET/,
    );
    expect((error as Error).message).not.toContain('wrong-secret-value');
  });

  it('uses a ready token as it is and cannot refresh it', async () => {
    const { sim, client } = await setUp();
    const tokens = new TokenProvider({ kind: 'token', token: 't-given' }, client);
    expect(await tokens.get()).toBe('t-given');
    tokens.invalidate('t-given');
    expect(await tokens.get()).toBe('t-given');
    expect(tokens.canRefresh).toBe(false);
    expect(sim.stats.requests.token).toBe(0);
  });
});
