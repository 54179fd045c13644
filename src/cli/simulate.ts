import { PRINTED } from '../report/messages.js';
import { say } from '../messages.js';
import { currentLang } from '../lang.js';
import type { SimulateArgs } from '../options.js';
import type { InterviewBody } from '../feishu/body.js';
import { readPlan } from '../commands/read-plan.js';
import { DEFAULT_APP_ID, startSimulator } from '../simulator/server.js';
import type { CommandIo, CommandResult } from './io.js';
import { portBusy } from './port-busy.js';

/** `simulate`: serve the local stand-in for Feishu until Ctrl-C. */
export async function simulateCommand(options: Readonly<SimulateArgs>, io: CommandIo): Promise<CommandResult> {
  const seed = options.seed ? await existingFrom(options.seed) : [];
  const sim = await startSimulator({
    seed,
    createOnPut: options.createOnPut,
    port: options.port,
    rateLimit: options.rateLimit,
    failRate: options.failRate,
    dropRate: options.dropRate,
    latencyMs: options.latency,
    tokenTtlSeconds: options.tokenTtl,
    appId: options.appId,
    appSecret: options.appSecret,
  }).catch(portBusy('SIMULATE_PORT_BUSY', options.port));
  if (currentLang() === 'zh') {
    io.stdout.write(
      `${say(PRINTED.simulatorListening({ url: sim.url, seeded: seed.length, createOnPut: Boolean(options.createOnPut) }))}\n`,
    );
  } else
    io.stdout.write(
      [
        `simulator: ${sim.url} (Feishu Open API stand-in: token, external_interviews PUT and batch_query)`,
        `  rate limit ${options.rateLimit || 'none'}/s · fail rate ${options.failRate} · drop rate ${options.dropRate} · latency ${options.latency} ms`,
        `  app id ${options.appId ?? DEFAULT_APP_ID}; app secret as given with --app-secret (the default is in the README)`,
        `  ${seed.length} interview(s) exist${options.createOnPut ? '; a PUT to any other id creates it' : '; a PUT to any other id is refused, as in Feishu'}`,
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

/**
 * The interviews of a template file, as records that already exist (Feishu's update API
 * needs them created first): each with its application id and nothing else.
 */
export async function existingFrom(file: string): Promise<[string, InterviewBody][]> {
  const { plan } = await readPlan({ file, tz: 'UTC', merge: true });
  return plan.interviews.map((p) => [
    p.id,
    { external_application_id: (p.kind === 'merge' ? p.patch.set.external_application_id : undefined) ?? '0' },
  ]);
}
