import { FILES } from './messages.js';
import { say } from '../messages.js';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ToolError } from '../errors.js';
import type { InterviewBody } from '../feishu/body.js';
import type { Plan } from '../plan/types.js';
import { writePrivate } from './private-file.js';

/** One request body per valid interview, as JSON lines: exactly what `import` would send. */
export function writePayloads(path: string, plan: Plan): Promise<number> {
  return writeBodies(
    path,
    plan.interviews.flatMap((p) => (p.kind === 'replace' ? [{ id: p.id, body: p.body }] : [])),
  );
}

/** `{"external_interview_id": ..., "body": {...}}` per line. */
export async function writeBodies(
  path: string,
  bodies: readonly { id: string; body: InterviewBody }[],
): Promise<number> {
  const lines = bodies.map((b) => `${JSON.stringify({ external_interview_id: b.id, body: b.body })}\n`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writePrivate(path, lines.join(''));
  } catch (error) {
    throw new ToolError(
      'REPORT_UNWRITABLE',
      say(FILES.payloadsUnwritable({ path, code: (error as NodeJS.ErrnoException).code ?? String(error) })),
      { file: path },
    );
  }
  return lines.length;
}
