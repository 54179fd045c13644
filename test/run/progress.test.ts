import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RUN } from '../../src/run/messages.js';
import { speaking } from '../../src/lang.js';
import { progressPrinter } from '../../src/cli/progress.js';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

const event = { done: 5, total: 5, ok: 2, failed: 1, notSent: 0, skipped: 2, requests: 3, elapsedMs: 1000 };

describe('the progress line', () => {
  it('counts the interviews skipped, unchanged in Feishu', () => {
    const out = sink();
    progressPrinter('auto', out.stream, 'en').onProgress(event);
    expect(out.text()).toBe('progress: 5/5 interviews, ok 2, skipped 2, failed 1, 3.0 req/s\n');
  });

  it("speaks the run's language over the one the CLI started in", () => {
    const out = sink();
    const printer = progressPrinter('auto', out.stream, 'en');
    speaking({ lang: 'zh' }, () => printer.onProgress(event));
    expect(out.text()).toBe('进度：5/5 场面试，成功 2，跳过 2，失败 1，每秒 3.0 次\n');
  });
});

describe('the request summary', () => {
  const base = { origin: 'http://127.0.0.1:1', creates: 0, posts: 0, deletes: 0, reads: 1, limited: 0, retried: 0 };
  const pace = { pace: '0.0', unit: 'PUT', seconds: '0.1' } as const;

  it('says no pace when nothing was written', () => {
    expect(RUN.requests({ ...base, ...pace, dryRun: true, puts: 0 })).toEqual({
      en: 'read from http://127.0.0.1:1: 0 PUT(s) and 1 batch_query read(s), 0 answered 429, 0 retried',
      zh: '读取自 http://127.0.0.1:1：0 次 PUT，1 次 batch_query 读取，0 次被限流（429），0 次重试',
    });
  });

  it('says the creates that landed, by the journal, and the requests sent when they differ', () => {
    const said = RUN.requests({ ...base, ...pace, dryRun: false, puts: 0, creates: 197, posts: 212 });
    expect(said.en).toContain(': 0 PUT(s), 197 create(s) landed (212 POST(s) sent) and 1 batch_query read(s)');
    expect(said.zh).toContain('：0 次 PUT、197 次创建成功（发出 212 次创建请求），1 次 batch_query 读取');
  });

  it('says the pace of what was written', () => {
    expect(RUN.requests({ ...base, ...pace, pace: '2.0', dryRun: false, puts: 2 }).zh).toBe(
      '发送到 http://127.0.0.1:1：2 次 PUT，1 次 batch_query 读取，0 次被限流（429），0 次重试，0.1 秒内每秒 2.0 次 PUT',
    );
  });
});
