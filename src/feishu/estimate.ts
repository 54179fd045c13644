import type { Pair } from '../messages.js';

/**
 * The calls a run makes, by API. `createsOrPuts`: interviews found or created by their legacy
 * key, each one or the other, which a run knows only once it has looked them up.
 */
export interface CallCounts {
  readonly creates?: number;
  readonly puts?: number;
  readonly createsOrPuts?: number;
  readonly deletes?: number;
  readonly reads?: number;
}

/**
 * Seconds the calls take at `rate` per API, 0 when unpaced: each API has its own gate and they
 * run side by side, so the run lasts as long as its busiest API needs; a create-or-PUT is
 * counted on whichever of the two that makes the busier, so the figure is never short.
 */
export function estimateSeconds(counts: CallCounts, rate: number): number | undefined {
  if (rate <= 0) return undefined;
  const { creates = 0, puts = 0, createsOrPuts = 0, deletes = 0, reads = 0 } = counts;
  const busiest = Math.max(creates + createsOrPuts, puts + createsOrPuts, deletes, reads);
  return busiest / rate;
}

/** "about 2 min 20 s" / "约 2 分 20 秒": seconds to the second under a minute, to ten seconds under an hour, then minutes. */
export function durationWords(seconds: number): Pair {
  if (seconds < 59.5) {
    const s = Math.max(1, Math.round(seconds));
    return { en: `about ${s} s`, zh: `约 ${s} 秒` };
  }
  if (seconds < 3595) {
    const tens = Math.round(seconds / 10) * 10;
    const [m, s] = [Math.floor(tens / 60), tens % 60];
    return s === 0
      ? { en: `about ${m} min`, zh: `约 ${m} 分钟` }
      : { en: `about ${m} min ${s} s`, zh: `约 ${m} 分 ${s} 秒` };
  }
  const minutes = Math.round(seconds / 60);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return m === 0
    ? { en: `about ${h} h`, zh: `约 ${h} 小时` }
    : { en: `about ${h} h ${m} min`, zh: `约 ${h} 小时 ${m} 分` };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "791 creates and 399 reads" / "791 次创建和 399 次读取": the kinds that occur, in a fixed order. */
function callWords(counts: CallCounts): Pair {
  const { creates = 0, puts = 0, createsOrPuts = 0, deletes = 0, reads = 0 } = counts;
  const parts: Pair[] = [];
  if (createsOrPuts > 0)
    parts.push({
      en: `${plural(createsOrPuts, 'create or PUT', 'creates or PUTs')}`,
      zh: `${createsOrPuts} 次创建或 PUT`,
    });
  if (creates > 0) parts.push({ en: plural(creates, 'create', 'creates'), zh: `${creates} 次创建` });
  if (puts > 0) parts.push({ en: plural(puts, 'PUT', 'PUTs'), zh: `${puts} 次 PUT` });
  if (deletes > 0) parts.push({ en: plural(deletes, 'delete', 'deletes'), zh: `${deletes} 次删除` });
  if (reads > 0) parts.push({ en: plural(reads, 'read', 'reads'), zh: `${reads} 次读取` });
  if (parts.length === 0) return { en: 'no calls', zh: '不调用接口' };
  const join = (lang: 'en' | 'zh', between: string, last: (before: string) => string) => {
    const words = parts.map((p) => p[lang]);
    if (words.length === 1) return words[0]!;
    const head = words.slice(0, -1).join(between);
    return `${head}${last(head)}${words.at(-1)}`;
  };
  // Chinese: a space between 和 and a figure or a Latin word (PUT), none beside a Chinese character.
  return {
    en: join('en', ', ', () => ' and '),
    zh: join('zh', '、', (h) => (/[A-Za-z0-9]$/.test(h) ? ' 和 ' : '和 ')),
  };
}

/**
 * How long the calls take at the pace the run uses. `upTo`: the start of a run, which knows only
 * the most it may send (an interview found unchanged is not written). `dryRun`: what the real
 * run after this dry run would send.
 */
export function paceLine(counts: CallCounts, rate: number, mode: 'upTo' | 'dryRun'): Pair {
  const calls = callWords(counts);
  const seconds = estimateSeconds(counts, rate);
  const head = mode === 'dryRun' ? { en: 'a real run: ', zh: '正式运行：' } : { en: 'up to ', zh: '最多 ' };
  if (seconds === undefined)
    return {
      en: `${head.en}${calls.en} with no client-side pace (--rate 0)`,
      zh: `${head.zh}${calls.zh}，客户端不限速（--rate 0）`,
    };
  const time = durationWords(seconds);
  const most = mode === 'upTo' ? { en: ' at most', zh: '' } : { en: '', zh: '' };
  const zhTime = mode === 'upTo' ? `最多${time.zh}` : time.zh;
  return {
    en: `${head.en}${calls.en} at ${rate}/s: ${time.en}${most.en}`,
    zh: `${head.zh}${calls.zh}，每个接口每秒 ${rate} 次：${zhTime}`,
  };
}
