import { readFile, writeFile } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeishuClient, proxySettings } from '../../src/feishu/client.js';
import { TOKEN_PATH } from '../../src/feishu/endpoints.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { APP1, HEADER_EN, ID1, csv, row, runCli, tempDir } from '../helpers.js';

/**
 * Proxies: a local proxy (CONNECT tunnels) in front of
 * the simulator, which answers as `open.feishu.test`. That name resolves nowhere (RFC 2606), so a
 * request that reaches the simulator went through the proxy. The simulator's certificate is
 * signed by a test CA (test/fixtures/tls/make-certs.sh), trusted through NODE_EXTRA_CA_CERTS.
 */
const TLS = join(import.meta.dirname, '..', 'fixtures', 'tls');
const HOST = 'open.feishu.test';
const SECRET = 'Proxy-Test-Secret-1';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

interface Proxy {
  readonly url: string;
  /** `CONNECT host:port` and any other request it got, in order. */
  readonly seen: string[];
}

/** A forward proxy that sends everything for `open.feishu.test` to the simulator's port. */
async function startProxy(targetPort: number): Promise<Proxy> {
  const seen: string[] = [];
  // undici reaches every origin through a CONNECT tunnel, http too: nothing else is proxied.
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(405).end();
  });
  server.on('connect', (req: IncomingMessage, socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    if (!req.url?.startsWith(`${HOST}:`)) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

async function httpsSimulator(): Promise<RunningSimulator> {
  const [key, cert] = await Promise.all([readFile(join(TLS, `${HOST}.key`)), readFile(join(TLS, `${HOST}.crt`))]);
  const sim = await startSimulator({
    appId: 'cli_proxy',
    appSecret: SECRET,
    rateLimit: 0,
    createOnPut: true,
    tls: { key, cert },
    hostName: HOST,
  });
  closers.push(() => sim.close());
  return sim;
}

async function oneInterview(): Promise<string> {
  const file = join(await tempDir(), 'one.csv');
  await writeFile(
    file,
    csv([[...HEADER_EN], row({ external_interview_id: ID1, external_application_id: APP1, participate_status: '2' })]),
  );
  return file;
}

const cliEnv = (proxy: Record<string, string>) => ({ FEISHU_APP_ID: 'cli_proxy', FEISHU_APP_SECRET: SECRET, ...proxy });

describe('proxySettings', () => {
  it('reads the lower-case names first, and never proxies loopback', () => {
    expect(
      proxySettings({
        https_proxy: 'http://a:1',
        HTTPS_PROXY: 'http://b:2',
        HTTP_PROXY: 'http://c:3',
        NO_PROXY: '.corp.example',
      }),
    ).toEqual({
      httpProxy: 'http://c:3',
      httpsProxy: 'http://a:1',
      noProxy: '.corp.example,localhost,127.0.0.1,[::1]',
    });
    expect(proxySettings({})).toEqual({ httpProxy: '', httpsProxy: '', noProxy: 'localhost,127.0.0.1,[::1]' });
    expect(proxySettings({ no_proxy: ' * ' }).noProxy).toBe('*');
  });
});

describe('an import through a proxy', () => {
  it('tunnels https with CONNECT, checks the certificate against NODE_EXTRA_CA_CERTS, and lands', async () => {
    const sim = await httpsSimulator();
    const proxy = await startProxy(sim.port);
    const file = await oneInterview();
    const env = cliEnv({ HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: join(TLS, 'test-ca.crt') });
    const run = await runCli(['import', file, '--base-url', `https://${HOST}`, '--quiet', '--no-backup'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sent to https://${HOST}: 1 PUT(s)`);
    expect(sim.store.get(ID1)).toMatchObject({ external_application_id: APP1, participate_status: 2 });
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(new Set(proxy.seen)).toEqual(new Set([`CONNECT ${HOST}:443`]));
  });

  it('refuses a certificate it cannot check, saying where a company CA goes', async () => {
    const sim = await httpsSimulator();
    const proxy = await startProxy(sim.port);
    const run = await runCli(
      ['import', await oneInterview(), '--base-url', `https://${HOST}`, '--quiet', '--retries', '0'],
      { env: cliEnv({ HTTPS_PROXY: proxy.url }) },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[AUTH_TOKEN_UNAVAILABLE\]: .*\((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN)\).*NODE_EXTRA_CA_CERTS/,
    );
    expect(sim.stats.requests.token).toBe(0);
  }, 30_000);

  it('goes direct for a host in NO_PROXY (and so cannot reach a name only the proxy knows)', async () => {
    const sim = await httpsSimulator();
    const proxy = await startProxy(sim.port);
    const env = cliEnv({
      HTTPS_PROXY: proxy.url,
      NO_PROXY: 'feishu.test',
      NODE_EXTRA_CA_CERTS: join(TLS, 'test-ca.crt'),
    });
    const run = await runCli(
      ['import', await oneInterview(), '--base-url', `https://${HOST}`, '--quiet', '--retries', '0'],
      { env },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error \[AUTH_TOKEN_UNAVAILABLE\]: .*(ENOTFOUND|EAI_AGAIN)/);
    expect(proxy.seen).toEqual([]);
  }, 30_000);
});

describe('FeishuClient through HTTP_PROXY', () => {
  it('tunnels a plain-http origin through HTTP_PROXY too (undici opens a CONNECT tunnel for http as well)', async () => {
    const sim = await startSimulator({ appId: 'cli_proxy', appSecret: SECRET, hostName: HOST });
    closers.push(() => sim.close());
    const proxy = await startProxy(sim.port);
    const client = new FeishuClient(new URL(`http://${HOST}`), {
      connections: 1,
      timeoutMs: 5000,
      env: { HTTP_PROXY: proxy.url },
    });
    closers.push(() => client.close());
    const res = await client.request('POST', TOKEN_PATH, { body: { app_id: 'cli_proxy', app_secret: SECRET } });
    expect(res.body.code).toBe(0);
    expect(proxy.seen).toEqual([`CONNECT ${HOST}:80`]);
  });
});

describe('FeishuClient to loopback', () => {
  it('goes direct to any 127.x.y.z, the hosts plain http is allowed to, never through HTTP_PROXY', async () => {
    const sim = await startSimulator({
      appId: 'cli_proxy',
      appSecret: SECRET,
      host: '127.0.0.2',
      hostName: '127.0.0.2',
    });
    closers.push(() => sim.close());
    const proxy = await startProxy(sim.port);
    const origin = new URL(sim.url.replace('127.0.0.1', '127.0.0.2'));
    const client = new FeishuClient(origin, { connections: 1, timeoutMs: 5000, env: { HTTP_PROXY: proxy.url } });
    closers.push(() => client.close());
    const res = await client.request('POST', TOKEN_PATH, { body: { app_id: 'cli_proxy', app_secret: SECRET } });
    expect(res.body.code).toBe(0);
    expect(proxy.seen).toEqual([]);
  });
});
