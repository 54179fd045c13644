import type { SimulateArgs } from '../options.js';
import { DEFAULT_APP_ID, startSimulator } from '../simulator/server.js';
import type { CommandIo, CommandResult } from './io.js';

/** `simulate`: serve the local stand-in for Feishu until Ctrl-C. */
export async function simulateCommand(options: Readonly<SimulateArgs>, io: CommandIo): Promise<CommandResult> {
  const sim = await startSimulator({
    port: options.port,
    rateLimit: options.rateLimit,
    failRate: options.failRate,
    dropRate: options.dropRate,
    latencyMs: options.latency,
    tokenTtlSeconds: options.tokenTtl,
    appId: options.appId,
    appSecret: options.appSecret,
  });
  io.stdout.write(
    [
      `simulator: ${sim.url} (Feishu Open API stand-in: token, external_interviews PUT and batch_query)`,
      `  rate limit ${options.rateLimit || 'none'}/s · fail rate ${options.failRate} · drop rate ${options.dropRate} · latency ${options.latency} ms`,
      `  app id ${options.appId ?? DEFAULT_APP_ID}; app secret as given with --app-secret (the default is in the README)`,
      `  state: GET ${sim.url}/__simulator/state`,
      `  import into it: FEISHU_BASE_URL=${sim.url} feishu-interview-import import FILE`,
      'press Ctrl-C to stop',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    if (!io.interrupt || io.interrupt.aborted) return resolve();
    io.interrupt.addEventListener('abort', () => resolve(), { once: true });
  });
  await sim.close();
  return { exitCode: 0 };
}
