import { optionName } from '../lang.js';
import { type Pair, shown } from '../messages.js';
import { OUTCOME as PLAN_OUTCOME } from '../plan/messages.js';

/** What the report says of rows that are not invalid: the plan's words, and the run's own. */
export const OUTCOME = {
  ...PLAN_OUTCOME,
  blockedByRefusal: (p: { row: number; id: string }): Pair => ({
    en: `not sent: row ${p.row} of interview ${p.id} cannot be applied to its current record; fix it and import again`,
    zh: `未发送：面试 ${p.id} 的第 ${p.row} 行无法应用到飞书中的现有记录。请改正后重新导入`,
  }),
  beyondLimit: (limit: number | undefined): Pair => ({
    en: `not sent: beyond --limit ${limit}`,
    zh: `未发送：超出 --limit ${limit}`,
  }),
  landed: (backup: string | undefined): Pair =>
    backup
      ? { en: `landed; the previous version is in ${backup}`, zh: `已写入飞书；原来的版本保存在 ${backup}` }
      : { en: 'landed', zh: '已写入飞书' },
  created: (id: string | undefined): Pair => ({ en: `created in Feishu as ${id}`, zh: `已在飞书中创建，ID 为 ${id}` }),
  deleted: { en: 'deleted: the undone run had created it', zh: '已删除：这是被撤销的那次运行创建的' },
  foundAfterLostAnswer: { en: 'found after an answer that was lost', zh: '应答丢失后查询确认已创建' },
  resumed: (): Pair => ({
    en: `already landed in an earlier run with the same body (${optionName('resume')})`,
    zh: `之前的运行已写入相同内容（${optionName('resume')}）`,
  }),
  leftOut: {
    en: 'left as it is: switched off in the preview',
    zh: '未导入：在预览中已关闭，保持原样',
  },
  landedEarlier: {
    en: 'landed in an earlier run of this file (its journal says so); this run stopped before it reached it',
    zh: '之前对这个文件的运行已写入（日志有记录）；本次运行在处理到它之前就停止了',
  },
  unchanged: { en: 'unchanged: Feishu already holds exactly this', zh: '无变化：飞书中已是完全相同的内容' },
  wouldChange: (diff: string): Pair => ({ en: `would change: ${diff}`, zh: `将会修改：${diff}` }),
  wouldBeSent: { en: 'would be sent', zh: '将会发送' },
  wouldRemove: (p: { values: string; assessments: string; dimensions: string }): Pair => ({
    en: `not sent: the file does not name what Feishu holds for this interview, and a plain import would remove it — values: ${p.values}; assessments: ${p.assessments}; dimensions: ${p.dimensions}. To keep it and change only what the file names, import with --merge; to remove it (the file is the whole truth for this interview), import with --replace; to remove the status or a time alone, write <clear> in its cell`,
    zh: `未发送：飞书中这场面试有文件里没有写的内容，普通导入会把它删掉——字段：${p.values}；评价：${p.assessments}；维度：${p.dimensions}。要保留它、只修改文件写到的内容，请加 --merge 导入；要删掉它（以文件为这场面试的全部内容），请加 --replace 导入；只删参与状态或某个时间，请在该单元格填 <clear>`,
  }),
  nothingNamed: { en: 'none', zh: '无' },
  wouldCreate: { en: 'would create', zh: '将会创建' },
  missing: (id: string): Pair => ({
    en: `not sent: interview ${id} does not exist in Feishu (batch_query found no such external interview); check the ID, or create it first`,
    zh: `未发送：飞书中没有面试 ${id}（batch_query 查不到这个外部面试）。请检查 ID，或先创建它`,
  }),
  newInterviewIncomplete: (p: {
    externalId: string;
    application: string;
    columns: string;
    near: string;
    row: number;
  }): Pair => ({
    en: `expected ${p.columns} on the rows of a new interview (application ${p.application} has no interview with external_id ${JSON.stringify(p.externalId)}, so this run would create one), got them blank (row ${p.row}): ${p.near ? `did you mean ${p.near}? ` : ''}correct the key if it names an interview Feishu holds, or fill in those columns to create it`,
    zh: `第 ${p.row} 行：投递 ${p.application} 下没有外部系统面试ID为 ${JSON.stringify(p.externalId)} 的面试，本次导入会新建一场，而新建的面试需要填写${p.columns}，这些列却是空的。${p.near ? `是不是 ${p.near}？` : ''}如果它指的是飞书中已有的面试，请改正 ID；否则请填上这些列再新建`,
  }),
  missingLegacy: (p: { application: string; externalId: string }): Pair => ({
    en: `not sent: application ${p.application} has no interview with external_id ${shown(p.externalId, 'en')} in Feishu; import with --create-missing to create it, or put its Feishu ID in external_interview_id`,
    zh: `未发送：飞书中投递 ${p.application} 下没有外部系统面试ID为 ${shown(p.externalId, 'zh')} 的面试。请加 --create-missing 导入以创建它，或在外部面试ID列填上它在飞书中的 ID`,
  }),
  ambiguous: (p: { externalId: string; count: number; application: string; ids: string }): Pair => ({
    en: `not sent: external_id ${shown(p.externalId, 'en')} matches ${p.count} interviews of application ${p.application} in Feishu (${p.ids}); put that interview's Feishu ID in external_interview_id, or delete the duplicate in Feishu`,
    zh: `未发送：飞书中投递 ${p.application} 下有 ${p.count} 场面试的外部系统面试ID都是 ${shown(p.externalId, 'zh')}（${p.ids}）。请在外部面试ID列填上要改的那场面试的飞书 ID，或在飞书中删掉重复的那场`,
  }),
  notSent: (reason: string): Pair => ({ en: `not sent: ${reason}`, zh: `未发送：${reason}` }),
  untold: (p: { externalId: string; application: string; ids: string }): Pair => ({
    en: `not sent: Feishu's read carries no external_id, no record of an earlier run names the interview with external_id ${shown(p.externalId, 'en')}, and application ${p.application} holds interviews no record accounts for (${p.ids}) whose body differs from the file's: any of them may be this one, so it is neither created nor changed; put its Feishu ID in external_interview_id (the migration's report has it), or pass --records with the folder of the run that created it`,
    zh: `未发送：飞书的查询结果不含外部系统面试ID，之前运行的记录里也没有外部系统面试ID为 ${shown(p.externalId, 'zh')} 的面试；投递 ${p.application} 下有记录无法说明来历、内容又与文件不同的面试（${p.ids}），其中任何一场都可能就是它，所以既不创建也不修改。请在外部面试ID列填上它在飞书中的 ID（迁移时的报告里有），或用 --records 指定创建它的那次运行所在的文件夹`,
  }),
  twins: (p: { keys: string; application: string; ids: string }): Pair => ({
    en: `not sent: Feishu's read carries no external_id, and interview ${p.ids} of application ${p.application} fits the file's interviews with external_id ${p.keys} alike (the same body, or records naming it for each): which one it is cannot be told, so neither is created nor changed; put its Feishu ID in external_interview_id on the rows of the one it is (the migration's report has it), or pass --records with the folder of the run that created it`,
    zh: `未发送：飞书的查询结果不含外部系统面试ID，投递 ${p.application} 下的面试 ${p.ids} 与文件中外部系统面试ID为 ${p.keys} 的几场面试同样相符（内容相同，或记录把它同时记在这几场名下），无法判断它是哪一场，所以这几场既不创建也不修改。请在它所属那场面试的行上，于外部面试ID列填上它在飞书中的 ID（迁移时的报告里有），或用 --records 指定创建它的那次运行所在的文件夹`,
  }),
  recordGone: (p: { application: string; ids: string }): Pair => ({
    en: `an earlier run's records gave it Feishu ID ${p.ids}, which application ${p.application} no longer holds`,
    zh: `之前运行的记录中它的飞书 ID 是 ${p.ids}，但投递 ${p.application} 下已没有这场面试`,
  }),
  interrupted: (): Pair => ({
    en: `not sent: interrupted before it was sent; import again with ${optionName('resume')}`,
    zh: `未发送：发送前运行被中断。请加 ${optionName('resume')} 重新导入`,
  }),
  stopped: (why: string | undefined): Pair => ({
    en: `not sent: ${why ?? 'the run stopped early'}; import again with ${optionName('resume')}`,
    zh: `未发送：${why ?? '运行提前停止'}。请加 ${optionName('resume')} 重新导入`,
  }),
  stoppedBeforeRead: {
    en: 'not sent: the run stopped before its current record was read',
    zh: '未发送：读取飞书中的现有记录之前运行已停止',
  },
  verifyMissing: (externalId: string | undefined): Pair => ({
    en: `missing: Feishu holds no such interview${externalId !== undefined ? ` (external_id ${shown(externalId, 'en')})` : ''}`,
    zh: `缺失：飞书中没有这场面试${externalId !== undefined ? `（外部系统面试ID ${shown(externalId, 'zh')}）` : ''}`,
  }),
  verifyAmbiguous: (p: { externalId: string; ids: string }): Pair => ({
    en: `ambiguous: external_id ${shown(p.externalId, 'en')} matches ${p.ids}`,
    zh: `无法确定：外部系统面试ID ${shown(p.externalId, 'zh')} 对应多场面试 ${p.ids}`,
  }),
  verifyMatch: { en: 'match', zh: '一致' },
  verifyNotLocated: (p: { externalId: string; application: string; ids: string }): Pair => ({
    en: `not located: Feishu's read carries no external_id, no record of an earlier run names the interview with external_id ${shown(p.externalId, 'en')}, and no interview of application ${p.application} holds the file's body; it may be one of ${p.ids}: put its Feishu ID in external_interview_id (the migration's report has it), or pass --records with the folder of the run that imported it`,
    zh: `无法定位：飞书的查询结果不含外部系统面试ID，之前运行的记录里也没有外部系统面试ID为 ${shown(p.externalId, 'zh')} 的面试，投递 ${p.application} 下也没有内容与文件相同的面试；它可能是 ${p.ids} 之一。请在外部面试ID列填上它在飞书中的 ID（迁移时的报告里有），或用 --records 指定导入它的那次运行所在的文件夹`,
  }),
  keysUnchecked: {
    en: "external_id keys not checked: Feishu's read does not return them",
    zh: '未核对外部系统面试ID和外部系统面评ID：飞书的查询结果不返回它们',
  },
  verifyDiffers: (diff: string): Pair => ({
    en: `differs (Feishu → file): ${diff}`,
    zh: `不一致（飞书 → 文件）：${diff}`,
  }),
  wouldDelete: {
    en: 'would delete: the undone run created it and it holds what that run created',
    zh: '将删除：这是被撤销的那次运行创建的，内容与创建时相同',
  },
  wouldRestore: (diff: string): Pair => ({ en: `would restore: ${diff}`, zh: `将恢复：${diff}` }),
  alreadyGone: {
    en: 'already gone: the interview the undone run created no longer exists',
    zh: '已不存在：被撤销的那次运行创建的面试已经没有了',
  },
  alreadyBefore: {
    en: 'skipped: already as it was before the undone run',
    zh: '跳过：已经是被撤销的那次运行之前的样子',
  },
  writtenChangedSince: (p: { id: string; fields: string; dryRun: boolean }): Pair => ({
    en: `${p.dryRun ? 'would leave alone' : 'left alone'}: expected interview ${p.id} to hold what the undone run wrote, got later changes to fields that run changed too: ${p.fields} (as Feishu holds them now); nothing of it was written: correct those fields in Feishu yourself, or import a correction`,
    zh: `${p.dryRun ? '将不处理' : '未处理'}：面试 ${p.id} 中被撤销的那次运行改过的字段之后又被改过：${p.fields}（括号内是飞书中现在的值）。这场面试没有写入任何内容：请在飞书中手动改正这些字段，或导入一份更正文件`,
  }),
  createdBeforeInterrupt: {
    en: 'the run resumed had created it; its answer was lost when that run stopped',
    zh: '被续传的那次运行已创建它；那次运行中断时应答丢失',
  },
  notOwned: (dryRun: boolean): Pair => ({
    en: `${dryRun ? 'would leave alone' : 'left alone'}: the undone run read this interview but did not write it`,
    zh: `${dryRun ? '将不处理' : '未处理'}：被撤销的那次运行只读取了这场面试，没有写入`,
  }),
  notRecreated: (p: { id: string; dryRun: boolean }): Pair => ({
    en: `${p.dryRun ? 'would leave alone' : 'left alone'}: the undone run deleted interview ${p.id}; undo does not create it again: import its rows with --create-missing if it should come back`,
    zh: `${p.dryRun ? '将不处理' : '未处理'}：被撤销的那次运行删除了面试 ${p.id}；撤销不会重新创建它。如需恢复，请加 --create-missing 重新导入它的行`,
  }),
  changedSince: (p: { id: string; dryRun: boolean }): Pair => ({
    en: `${p.dryRun ? 'would leave alone' : 'left alone'}: interview ${p.id} changed after the undone run created it; delete it in Feishu yourself if it should go`,
    zh: `${p.dryRun ? '将不处理' : '未处理'}：面试 ${p.id} 在被撤销的那次运行创建之后又被改过；如确实要删除，请在飞书中手动删除`,
  }),
} as const;
