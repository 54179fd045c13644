import { CLI, CLI_TEXT } from './cli/messages.js';
import { FEISHU } from './feishu/messages.js';
import { INPUT, MAPPING } from './input/messages.js';
import { OPTION } from './option-messages.js';
import { EXPECT, FIX, GOT, MERGE, NAME, OUTCOME, ROW } from './plan/messages.js';
import { FILES, PRINTED, SHEET, SUMMARY } from './report/messages.js';
import { RUN } from './run/messages.js';

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
  SUMMARY,
  RUN,
  OPTION,
  FILES,
  FEISHU,
  MAPPING,
  CLI,
  CLI_TEXT,
  SHEET,
  PRINTED,
} as const;
