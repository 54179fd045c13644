import { CLI } from './messages.js';
import type { Lang } from '../lang.js';

/**
 * Ctrl-C and SIGTERM for a command that sends or serves: the first aborts `interrupt` (the run
 * finishes its requests in flight and writes its journal), the second quits at once.
 */
export function stopOnSignals(interrupt: AbortController, lang: Lang, stderr: NodeJS.WritableStream): void {
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      stderr.write(`\n${CLI.signal(signal)[lang]}\n`);
      // The run's summary says which signal stopped it (`stopped_early`).
      interrupt.abort(signal);
    } else {
      stderr.write(`\n${CLI.signalAgain(signal)[lang]}\n`);
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
