// Preloaded with `node --import ./bench/cpu-trace.mjs ...` by bench/import.mjs: samples the
// process's CPU time every 20 ms and prints the samples on exit, so that the CPU a run spent
// between two moments (its first and last PUT, as the simulator saw them) can be told apart
// from start-up and reading.
import { writeSync } from 'node:fs';

const samples = [];
const sample = () => {
  const u = process.cpuUsage();
  samples.push([Date.now(), u.user + u.system]);
};
sample();
setInterval(sample, 20).unref();
process.on('exit', () => {
  sample();
  writeSync(2, `\nBENCH_CPU_TRACE=${JSON.stringify(samples)}\n`);
});
