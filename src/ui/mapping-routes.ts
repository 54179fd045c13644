/**
 * The mapping step's calls: the draft of a file as the `profile` command would write it (read in
 * the checks' thread), and saving the mapping the user settled as the folder's profile
 * (`feishu-interview-import.profile.json`, the CLI's `--profile` format), which the page offers
 * for the next file and a run of the CLI in that folder picks up beside its file.
 */
import { constants } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { isToolError } from '../errors.js';
import type { MappingDraft } from '../input/mapping-draft.js';
import { type MappingProfile, resolveProfile } from '../input/profile.js';
import { openOwnFile, writePrivate } from '../report/private-file.js';
import { PROFILE_BESIDE } from '../run-paths.js';
import { HttpRefusal, readJson, sendJson } from './http-io.js';
import { UI } from './messages.js';
import { draftOffLoop } from './off-loop.js';
import type { CheckSettings } from './run-steps.js';
import type { Uploads } from './uploads.js';
import { closeSync, readFileSync } from 'node:fs';

/** What the mapping calls use of the server (a part of routes.ts's RouteContext). */
export interface MappingContext {
  readonly uploads: Uploads;
  readonly settings: CheckSettings;
  readonly redact: (text: string) => string;
}

/** What the page is told: the draft (none when the file cannot be read: the check then says why), and the saved profile. */
export interface MappingAnswer {
  readonly draft: MappingDraft | null;
  readonly saved: MappingProfile | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The profile kept in the folder, when there is one of the user's own that reads as a profile. */
export function savedProfile(folder: string): MappingProfile | undefined {
  let fd: number;
  try {
    fd = openOwnFile(join(folder, PROFILE_BESIDE), constants.O_RDONLY, () => new Error('untrusted'));
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(fd, 'utf8'));
    if (!isObject(parsed)) return undefined;
    resolveProfile(parsed, PROFILE_BESIDE);
    return parsed as MappingProfile;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * POST /api/mapping {upload, sheet?, headerRow?, peek?}: the file's draft, and the folder's profile
 * tried on it; `peek` reads only the first rows (is a mapping needed at all?).
 */
export async function sendDraft(req: IncomingMessage, res: ServerResponse, ctx: MappingContext): Promise<void> {
  const body = await readJson(req);
  const upload = ctx.uploads.get(String(body.upload ?? ''));
  if (!upload) throw new HttpRefusal(404, 'UI_UPLOAD_GONE', UI.uploadGone);
  const sheet = typeof body.sheet === 'string' && body.sheet !== '' ? body.sheet : undefined;
  const headerRow =
    Number.isSafeInteger(body.headerRow) && (body.headerRow as number) >= 1 ? (body.headerRow as number) : undefined;
  const saved = savedProfile(ctx.settings.folder);
  const release = ctx.uploads.hold(upload);
  try {
    const draft = await draftOffLoop(ctx.settings.checker, {
      kind: 'draft',
      path: upload.path,
      options: { sheet, headerRow, saved, peek: body.peek === true },
    }).catch((error: unknown) => {
      if (isToolError(error)) return null;
      throw error;
    });
    sendJson(res, 200, { draft, saved: saved ?? null } satisfies MappingAnswer, ctx.redact);
  } finally {
    release();
  }
}

/** POST /api/profile {profile}: checked as the CLI checks `--profile`, then kept in the folder (0600). */
export async function saveProfile(req: IncomingMessage, res: ServerResponse, ctx: MappingContext): Promise<void> {
  const body = await readJson(req);
  if (!isObject(body.profile)) throw new HttpRefusal(400, 'UI_BAD_REQUEST', UI.badRequest({ what: 'profile' }));
  try {
    resolveProfile(body.profile, PROFILE_BESIDE);
  } catch (error) {
    if (!isToolError(error)) throw error;
    throw new HttpRefusal(400, 'UI_BAD_PROFILE', UI.badProfile);
  }
  await writePrivate(join(ctx.settings.folder, PROFILE_BESIDE), `${JSON.stringify(body.profile, null, 2)}\n`);
  sendJson(res, 200, { saved: true }, ctx.redact);
}
