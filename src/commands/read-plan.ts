import { readFile } from 'node:fs/promises';
import { ToolError } from '../errors.js';
import { type HeaderMapping, REQUIRED_COLUMNS, REQUIRED_FOR_MERGE } from '../input/headers.js';
import { readInput } from '../input/table.js';
import { buildPlan } from '../plan/validate.js';
import type { Plan } from '../plan/types.js';

export interface InputOptions {
  readonly file: string;
  readonly sheet?: string;
  readonly encoding?: string;
  readonly map?: string;
  readonly tz: string;
  /** `--merge`: only the interview id column is required; blanks keep current values. */
  readonly merge?: boolean;
}

/** The input half shared by `validate` and `import`: read the file, group and validate it. */
export async function readPlan(options: InputOptions): Promise<{ plan: Plan; warnings: readonly string[] }> {
  const mapping = options.map ? await readMapping(options.map) : undefined;
  const required = options.merge ? REQUIRED_FOR_MERGE : REQUIRED_COLUMNS;
  const table = await readInput(options.file, { sheet: options.sheet, encoding: options.encoding, mapping, required });
  return { plan: buildPlan(table, options.tz, { merge: options.merge }), warnings: table.warnings };
}

async function readMapping(path: string): Promise<HeaderMapping> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ToolError('USAGE_BAD_MAPPING', `expected --map to name a JSON file like {"Legacy header": "external_interview_id"}, got ${(error as Error).message} for ${path}`, { file: path });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new ToolError('USAGE_BAD_MAPPING', `expected --map to hold one object of "legacy header": "template column" pairs, got something else in ${path}`, { file: path });
  }
  return parsed as HeaderMapping;
}

export function inputLines(plan: Plan, warnings: readonly string[]): string[] {
  const t = plan.table;
  const lines = [`input: ${t.file}${t.sheet ? `, sheet "${t.sheet}"` : ''}${t.encoding ? `, encoding ${t.encoding}` : ''}, header on row ${t.headerRow}`];
  for (const w of warnings) lines.push(`warning: ${w}`);
  if (plan.usedZone) lines.push(`times without an offset were read as wall-clock time in ${plan.zone} (change with --tz)`);
  return lines;
}
