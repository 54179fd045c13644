import { type Server, createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type RunningSimulator, type SimulatorOptions, newStats } from './options.js';
import { Routes } from './routes.js';

export type { RunningSimulator, SimulatorOptions, SimulatorStats } from './options.js';
export { DEFAULT_APP_ID, DEFAULT_APP_SECRET } from './options.js';

/**
 * A local stand-in for Feishu's token endpoint and the external-interview calls (src/simulator/routes.ts),
 * listening on 127.0.0.1 only unless a test says otherwise.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const routes = new Routes(options, newStats());
  const listener = routes.listen.bind(routes);
  const server: Server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createServer(listener);
  server.keepAliveTimeout = 60_000;
  const host = options.host ?? '127.0.0.1';
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  await listen(options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    store: routes.store,
    stats: routes.stats,
    options,
    async restart(downMs: number) {
      await stop();
      await new Promise((r) => setTimeout(r, downMs));
      await listen(port);
    },
    close: stop,
  };
}
