import { optionName } from '../lang.js';
import type { Pair } from '../messages.js';

/** The summary's lines on what a run sent and where its files are. */
export const RUN = {
  readsWithoutKeys: (files: number): Pair => ({
    en: `Feishu's reads carry no external_id: legacy interviews were found by ${files} file(s) of earlier runs' records (journals, backups, reports beside the report and in ${optionName('records')}), then by body; see "Migrating legacy records" in the README`,
    zh: `飞书的查询结果不含外部系统面试ID：没有飞书 ID 的面试先按之前运行的记录（报告所在文件夹及 ${optionName('records')} 中的日志、备份和报告，共 ${files} 个文件）查找，再按内容查找；详见 README 的“迁移旧系统记录”`,
  }),
  noBackup: {
    en: '--no-backup: what was overwritten was not saved, so this run cannot be undone',
    zh: '--no-backup：被覆盖的内容没有备份，这次运行无法撤销',
  },
  requests: (p: {
    dryRun: boolean;
    origin: string;
    puts: number;
    /** Interviews created, as the journal records them (lost answers found landed included). */
    creates: number;
    /** Create requests sent: more than `creates` where one was refused or retried, fewer where the resumed run's landed. */
    posts: number;
    deletes: number;
    reads: number;
    limited: number;
    retried: number;
    pace: string;
    unit: 'create' | 'PUT';
    seconds: string;
  }): Pair => ({
    en: `${p.dryRun ? 'read from' : 'sent to'} ${p.origin}: ${p.puts} PUT(s)${p.creates + p.posts > 0 ? `, ${p.creates} create(s) landed${p.posts !== p.creates ? ` (${p.posts} POST(s) sent)` : ''}` : ''}${p.deletes > 0 ? `, ${p.deletes} delete(s)` : ''} and ${p.reads} batch_query read(s), ${p.limited} answered 429, ${p.retried} retried${p.puts + p.creates > 0 ? `, ${p.pace} ${p.unit}/s over ${p.seconds} s` : ''}`,
    zh: `${p.dryRun ? '读取自' : '发送到'} ${p.origin}：${p.puts} 次 PUT${p.creates + p.posts > 0 ? `、${p.creates} 次创建成功${p.posts !== p.creates ? `（发出 ${p.posts} 次创建请求）` : ''}` : ''}${p.deletes > 0 ? `、${p.deletes} 次删除` : ''}，${p.reads} 次 batch_query 读取，${p.limited} 次被限流（429），${p.retried} 次重试${p.puts + p.creates > 0 ? `，${p.seconds} 秒内每秒 ${p.pace} 次${p.unit === 'create' ? '创建' : ' PUT'}` : ''}`,
  }),
  kinds: (p: {
    dryRun: boolean;
    showCreated: boolean;
    created: number;
    changed: number;
    unchanged: number;
    missing: number;
    ambiguous: number;
    refused: number;
    left?: number;
  }): Pair => ({
    en: `${p.showCreated ? `${p.dryRun ? 'would create' : 'created'} ${p.created} · ` : ''}${p.dryRun ? 'would change' : 'changed'} ${p.changed} · unchanged ${p.unchanged} · missing ${p.missing}${p.ambiguous > 0 ? ` · ambiguous ${p.ambiguous}` : ''}${p.refused > 0 ? ` · refused ${p.refused}` : ''}${p.left ? ` · left out ${p.left}` : ''} interview(s)`,
    zh: `面试：${p.showCreated ? `${p.dryRun ? '将创建' : '已创建'} ${p.created} · ` : ''}${p.dryRun ? '将修改' : '已修改'} ${p.changed} · 无变化 ${p.unchanged} · 不存在 ${p.missing}${p.ambiguous > 0 ? ` · 无法确定 ${p.ambiguous}` : ''}${p.refused > 0 ? ` · 被拒绝 ${p.refused}` : ''}${p.left ? ` · 未导入 ${p.left}` : ''}`,
  }),
  undone: (p: {
    dryRun: boolean;
    total: number;
    restored: number;
    deleted: number;
    already: number;
    gone: number;
    changedSince: number;
    onlyRead: number;
    deletedByRun: number;
    failed: number;
    notSent: number;
  }): Pair => {
    const alone = p.changedSince + p.onlyRead + p.deletedByRun;
    const why = (parts: [number, string][]) =>
      parts
        .filter(([n]) => n > 0)
        .map(([n, w]) => `${w} ${n}`)
        .join(', ');
    const en = why([
      [p.changedSince, 'changed since the undone run'],
      [p.onlyRead, 'only read by it'],
      [p.deletedByRun, 'deleted by it'],
    ]);
    const zh = why([
      [p.changedSince, '之后又被改过'],
      [p.onlyRead, '那次运行只读取未写入'],
      [p.deletedByRun, '那次运行删除的'],
    ]);
    return {
      en: `${p.dryRun ? 'undo --dry-run' : 'undo'}, ${p.total} interview(s): ${p.dryRun ? 'would restore' : 'restored'} ${p.restored} · ${p.dryRun ? 'would delete' : 'deleted'} ${p.deleted} · already as before ${p.already}${p.gone > 0 ? ` · already gone ${p.gone}` : ''} · ${p.dryRun ? 'would leave alone' : 'left alone'} ${alone}${alone > 0 ? ` (${en})` : ''}${p.failed > 0 ? ` · failed ${p.failed}` : ''}${p.notSent > 0 ? ` · not sent ${p.notSent}` : ''}`,
      zh: `${p.dryRun ? '撤销试运行' : '撤销'}，共 ${p.total} 场面试：${p.dryRun ? '将恢复' : '已恢复'} ${p.restored} · ${p.dryRun ? '将删除' : '已删除'} ${p.deleted} · 本来就是原样 ${p.already}${p.gone > 0 ? ` · 已不存在 ${p.gone}` : ''} · ${p.dryRun ? '将不处理' : '未处理'} ${alone}${alone > 0 ? `（${zh}）` : ''}${p.failed > 0 ? ` · 失败 ${p.failed}` : ''}${p.notSent > 0 ? ` · 未发送 ${p.notSent}` : ''}`,
    };
  },
  nothingToUndo: {
    en: 'nothing to undo: every interview that run wrote already holds what it held before that run (was it undone already?); nothing was written',
    zh: '无需撤销：那次运行写过的每场面试都已是运行之前的样子（是否已经撤销过？）；没有写入任何内容',
  },
  removed: (p: { dryRun: boolean; values: number; assessments: number; dimensions: number }): Pair => ({
    en: `${p.dryRun ? 'would remove' : 'removed'} ${p.values} value(s), ${p.assessments} assessment(s) and ${p.dimensions} dimension(s) that Feishu held`,
    zh: `${p.dryRun ? '将删除' : '已删除'}飞书中原有的 ${p.values} 个字段值、${p.assessments} 个评价和 ${p.dimensions} 个维度`,
  }),
  wouldRemoveBlocked: (n: number): Pair => ({
    en: `${n} interview(s) not sent (RUN_WOULD_REMOVE): the file would remove what Feishu holds; import with ${optionName('merge')} to keep it, or ${optionName('replace')} to remove it`,
    zh: `${n} 场面试未发送（RUN_WOULD_REMOVE）：文件会删掉飞书中原有的内容；要保留请加 ${optionName('merge')}，要删除请加 ${optionName('replace')}`,
  }),
  resumed: (n: number): Pair => ({
    en: `skipped ${n} interview(s) that already landed with the same body (${optionName('resume')})`,
    zh: `跳过了 ${n} 场已写入相同内容的面试（${optionName('resume')}）`,
  }),
  landedEarlier: (n: number): Pair => ({
    en: `${n} interview(s) landed in the earlier run and were not reached again: their rows stay ok`,
    zh: `${n} 场面试在之前的运行中已写入，本次未再处理：这些行仍为 ok`,
  }),
  interruptedBy: (by: string | undefined): Pair => ({
    en: `interrupted${by ? ` by ${by}` : ''}: the requests in flight finished, the rest were not sent`,
    zh: `已中断${by ? `（${by}）` : ''}：进行中的请求已完成，其余未发送`,
  }),
  stoppedEarly: (why: string): Pair => ({ en: `stopped early: ${why}`, zh: `提前停止：${why}` }),
  interrupted: (): Pair => ({
    en: `interrupted: unsent rows are not_sent; run the same command with ${optionName('resume')} REPORT to finish`,
    zh: `已中断：未发送的行标为 not_sent；加 ${optionName('resume')} 报告路径 重新运行同一命令即可继续`,
  }),
  backup: (p: { path: string; run: string; relative: string }): Pair => ({
    en: `backup: ${p.path}, run ${p.run} (undo with: feishu-interview-import undo ${p.relative})`,
    zh: `备份：${p.path}，运行 ${p.run}（撤销：feishu-interview-import undo ${p.relative}）`,
  }),
  journal: (path: string): Pair => ({ en: `journal: ${path}`, zh: `日志：${path}` }),
  verified: (p: { origin: string; reads: number; matched: number; interviews: number }): Pair => ({
    en: `read from ${p.origin}: ${p.reads} batch_query read(s); ${p.matched} of ${p.interviews} interview(s) match the file`,
    zh: `读取自 ${p.origin}：${p.reads} 次 batch_query 读取；${p.interviews} 场面试中有 ${p.matched} 场与文件一致`,
  }),
} as const;

/** Why a run stopped, or a create's answer was lost and could not be looked up. */
export const STOPPED = {
  afterCode: (p: { code: string; message: string }): Pair => ({
    en: `stopped after code ${p.code}: ${p.message}`,
    zh: `收到代码 ${p.code} 后停止：${p.message}`,
  }),
  lookupAfterCreateFailed: (p: { message: string; problem: string }): Pair => ({
    en: `${p.message}; looking it up afterwards failed too (${p.problem}): import again to find it before anything is created`,
    zh: `${p.message}；之后查找它也失败了（${p.problem}）：请重新导入，先找到它再新建任何面试`,
  }),
} as const;
