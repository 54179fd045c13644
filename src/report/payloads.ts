import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ToolError } from '../errors.js';
import type { Plan } from '../plan/types.js';

/** One request body per valid interview, as JSON lines: exactly what `import` would send. */
export async function writePayloads(path: string, plan: Plan): Promise<number> {
  const lines: string[] = [];
  for (const interview of plan.interviews) {
    if (interview.body) lines.push(`${JSON.stringify({ external_interview_id: interview.id, body: interview.body })}\n`);
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, lines.join(''));
  } catch (error) {
    throw new ToolError('REPORT_UNWRITABLE', `expected to write the payloads to ${path}, got ${(error as NodeJS.ErrnoException).code ?? String(error)}: check the folder is writable`, { file: path });
  }
  return lines.length;
}
