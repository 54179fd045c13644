/**
 * The library: what the CLI runs, for another Node program. Every function checks its options
 * as the CLI checks its flags, prints nothing, and resolves to per-row results; a run that cannot
 * start or go on throws a `ToolError` with a stable `code`.
 *
 *   import { importFile } from 'feishu-interview-import';
 *   const result = await importFile('interviews.xlsx', { appId, appSecret, tz: 'Asia/Shanghai' });
 */
export {
  checkRows,
  importFile,
  suggestProfile,
  undoBackup,
  validateFile,
  verifyFile,
  writeEditedFile,
} from './api.js';
export type { CheckedRow, RowsToCheck } from './commands/check-rows.js';
export type { CellEdit } from './input/edits.js';
export type {
  ImportFileOptions,
  ReadOptions,
  SendOptions,
  UndoBackupOptions,
  ValidateFileOptions,
  VerifyFileOptions,
} from './api.js';
export { ToolError, isToolError } from './errors.js';
export type { ErrorContext, ProblemFacts } from './errors.js';
export { WARNING_CODES } from './warnings.js';
export type { NamedSheet, Warning, WarningCode, WarningFacts } from './warnings.js';
export type {
  InterviewsByKind,
  RequestCounts,
  RowResult,
  RunResult,
  RunSummary,
  UndoSummary,
} from './report/run-result.js';
export type { MappingProfile, WideDimensionEntry } from './input/profile.js';
export type { Guess, ProfileSuggestion, Undecided } from './input/suggest-profile.js';
export type { RowStatus } from './plan/types.js';
export { ROW_STATUSES } from './plan/types.js';
export type { AssessmentBody, DimensionBody, InterviewBody } from './feishu/body.js';
export type { ProgressEvent } from './run/progress.js';
export type { ReadProgress } from './input/read-progress.js';
export { startSimulator } from './simulator/server.js';
export type { RunningSimulator, SimulatorOptions, SimulatorStats } from './simulator/server.js';
