import { CLI, CLI_TEXT, DEMO } from './cli/messages.js';
import { ANSWER, FEISHU } from './feishu/messages.js';
import { DRAFT, EDITS, INPUT, MAPPING, PROFILE, REPORT, SHEETS } from './input/messages.js';
import { OPTION } from './option-messages.js';
import { DIFF, EXPECT, FIX, GOT, MERGE, NAME, ROW } from './plan/messages.js';
import { FILES, PRINTED, SHEET, SUMMARY } from './report/messages.js';
import { RUN, STOPPED } from './run/messages.js';
import { OUTCOME } from './run/outcome-messages.js';

/**
 * Every message entry of every domain, for test/catalogue.test.ts, which renders each in both
 * languages. Nothing in src/ imports this: each domain imports its own messages.
 */
export const CATALOGUE = {
  EXPECT,
  GOT,
  FIX,
  ROW,
  MERGE,
  NAME,
  OUTCOME,
  INPUT,
  EDITS,
  SUMMARY,
  RUN,
  STOPPED,
  OPTION,
  FILES,
  FEISHU,
  ANSWER,
  MAPPING,
  PROFILE,
  DRAFT,
  CLI,
  CLI_TEXT,
  SHEET,
  PRINTED,
  REPORT,
  SHEETS,
  DEMO,
  DIFF,
} as const;
