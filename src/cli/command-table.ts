import type { Pair } from '../messages.js';
import { checkOptions, profileSchema, simulateSchema, templateSchema, uiSchema } from '../options.js';
import type { CommandIo, CommandResult } from './io.js';
import { libraryRun } from './library-run.js';
import {
  DEMO_OPTIONS,
  IMPORT_OPTIONS,
  INPUT_OPTIONS,
  type OptionTable,
  PROFILE_OPTIONS,
  SEND_OPTIONS,
  SIMULATE_OPTIONS,
  TEMPLATE_OPTIONS,
  UI_OPTIONS,
  UNDO_OPTIONS,
  VALIDATE_OPTIONS,
  VERIFY_OPTIONS,
} from './option-table.js';

/**
 * The CLI's commands, one entry each (docs/architecture.md, "A new command"): what yargs shows
 * and what runs. A command that sends or serves is `interruptible`: Ctrl-C lets it finish its
 * requests in flight and write its journal.
 */
export interface CommandSpec {
  /** The yargs command string: name and positionals. */
  readonly command: string;
  readonly help: Pair;
  readonly positional?: { readonly name: string; readonly help?: Pair };
  /** Groups of options, later groups overriding earlier ones of the same name. */
  readonly options: readonly OptionTable[];
  readonly interruptible?: boolean;
  readonly run: (args: Record<string, unknown>, io: CommandIo) => Promise<CommandResult>;
}

const api = () => import('../api.js');
const file = (args: Record<string, unknown>) => args.file as string;

export const COMMANDS: readonly CommandSpec[] = [
  {
    command: 'template',
    help: {
      en: 'write a blank template (.xlsx with instructions and drop-downs, or .csv)',
      zh: '写出空白模板（带说明和下拉列表的 .xlsx，或 .csv）',
    },
    options: [TEMPLATE_OPTIONS],
    run: async (args, io) => (await import('./template.js')).templateCommand(checkOptions(templateSchema, args), io),
  },
  {
    command: 'profile <file>',
    help: {
      en: 'write a draft mapping profile for a file as it is, and say what it guessed and what is left to decide',
      zh: '为原样的文件写出映射方案草稿，并说明猜测了什么、还有什么待你决定',
    },
    positional: { name: 'file' },
    options: [PROFILE_OPTIONS],
    run: async (args, io) => (await import('./profile.js')).profileDraftCommand(checkOptions(profileSchema, args), io),
  },
  {
    command: 'validate <file>',
    help: {
      en: 'read, group and validate a file; write the per-row report; send nothing',
      zh: '读取、分组并检查文件；写出逐行报告；不发送任何内容',
    },
    positional: { name: 'file' },
    options: [INPUT_OPTIONS, VALIDATE_OPTIONS],
    run: async (args, io) => libraryRun(async (o) => (await api()).runValidate(file(args), o), args, io, false),
  },
  {
    command: 'import <file>',
    help: {
      en: 'send every valid interview to Feishu (PUT, which replaces the whole interview) and write the report',
      zh: '把每场有效的面试发送到飞书（PUT，会覆盖整场面试）并写出报告',
    },
    positional: { name: 'file' },
    options: [INPUT_OPTIONS, SEND_OPTIONS, IMPORT_OPTIONS],
    interruptible: true,
    run: async (args, io) => libraryRun(async (o) => (await api()).runImport(file(args), o), args, io, true),
  },
  {
    command: 'undo <file>',
    help: {
      en: 'put back every interview in a backup written by import (itself backed up first)',
      zh: '把 import 写的备份中的每场面试恢复原样（恢复前同样先备份）',
    },
    positional: {
      name: 'file',
      help: { en: 'the backup: <report>.backup.jsonl', zh: '备份文件：<报告>.backup.jsonl' },
    },
    options: [SEND_OPTIONS, UNDO_OPTIONS],
    interruptible: true,
    run: async (args, io) => libraryRun(async (o) => (await api()).runUndo(file(args), o), args, io, true),
  },
  {
    command: 'verify <file>',
    help: {
      en: 'read every interview of the file from Feishu and report per row whether it matches (writes nothing)',
      zh: '从飞书读取文件中的每场面试，逐行报告是否一致（不写入任何内容）',
    },
    positional: { name: 'file' },
    options: [INPUT_OPTIONS, SEND_OPTIONS, VERIFY_OPTIONS],
    run: async (args, io) => libraryRun(async (o) => (await api()).runVerify(file(args), o), args, io, true),
  },
  {
    command: 'simulate',
    help: {
      en: 'serve a local stand-in for Feishu (token, PUT, batch_query) on 127.0.0.1 until Ctrl-C',
      zh: '在 127.0.0.1 上运行飞书的本地替身（令牌、PUT、batch_query），直到按 Ctrl-C',
    },
    options: [SIMULATE_OPTIONS],
    interruptible: true,
    run: async (args, io) => (await import('./simulate.js')).simulateCommand(checkOptions(simulateSchema, args), io),
  },
  {
    command: 'ui',
    help: {
      en: 'serve a page on 127.0.0.1 to validate, preview, import and undo without a terminal, until Ctrl-C',
      zh: '在 127.0.0.1 上提供一个网页，不用命令行即可检查、预览、导入和撤销，按 Ctrl-C 停止',
    },
    options: [UI_OPTIONS],
    interruptible: true,
    run: async (args, io) => (await import('./ui.js')).uiCommand(checkOptions(uiSchema, args), io),
  },
  {
    command: 'demo',
    help: {
      en: 'import the bundled sample into the bundled simulator and print where the report is',
      zh: '把自带的示例导入自带的模拟器，并显示报告位置',
    },
    options: [DEMO_OPTIONS],
    interruptible: true,
    run: async (_args, io) => (await import('./demo.js')).demoCommand(io),
  },
];
