import { randomBytes } from 'node:crypto';
import { type Stats, closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { ToolError } from '../errors.js';
import { type Pair, say } from '../messages.js';
import { FILES } from './messages.js';

/**
 * Files that hold interview data (reports, payloads, journals, backups) are the user's alone:
 * created 0600, whatever the umask.
 */
export const PRIVATE_MODE = 0o600;

/** A temp name beside `path` that nobody can plant a link at in advance. */
function tempPathFor(path: string): string {
  return `${path}.tmp-${randomBytes(8).toString('hex')}`;
}

/**
 * Writes a file whole: into a new temp file (`wx`: never through an existing file or a planted
 * symlink; 0600), then renamed over `path`, so a crash never leaves half a file where a whole one
 * was. `write` gets the temp path (for writers that open it themselves, which must use `wx`).
 * A failure removes the temp file.
 */
export async function writePrivate(
  path: string,
  content: string | Buffer | ((temp: string) => Promise<void>),
): Promise<void> {
  const temp = tempPathFor(path);
  try {
    if (typeof content === 'function') await content(temp);
    else await writeFile(temp, content, { flag: 'wx', mode: PRIVATE_MODE });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Why a run file is not trusted: not a plain file, another user's, or open to others' writes. */
export type Untrusted =
  | { kind: 'link' }
  | { kind: 'not-file' }
  | { kind: 'owner'; uid: number }
  | { kind: 'mode'; mode: number };

/**
 * What is wrong with a run file the tool is about to write or believe (journal, backup, lock,
 * report claim), from its `fstat` once open: it must be a regular file owned by the running user
 * that no group or other user may write. Another account that can write the folder could
 * otherwise plant one (a 0666 backup it reads, or a line `undo` would act on). Windows keeps no
 * such mode bits or owner here: nothing to check there.
 */
export function untrusted(info: Stats): Untrusted | undefined {
  if (process.platform === 'win32') return undefined;
  if (info.isSymbolicLink()) return { kind: 'link' };
  if (!info.isFile()) return { kind: 'not-file' };
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) return { kind: 'owner', uid: info.uid };
  if ((info.mode & 0o022) !== 0) return { kind: 'mode', mode: info.mode & 0o777 };
  return undefined;
}

/**
 * Opens a run file that exists to read it, refusing one not the user's own (see `untrusted`):
 * never through a symbolic link (O_NOFOLLOW), and checked on the open file, so it cannot be
 * swapped between the check and the read. `refuse` builds the error naming the file.
 */
export function openOwnFile(path: string, flags: number, refuse: (why: Untrusted) => Error): number {
  let fd: number;
  try {
    fd = openSync(path, flags | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw refuse({ kind: 'link' });
    throw error;
  }
  const why = untrusted(fstatSync(fd));
  if (why) {
    closeSync(fd);
    throw refuse(why);
  }
  return fd;
}

/** `openOwnFile` for reading a whole run file as text. */
export function readOwnFile(path: string, refuse: (why: Untrusted) => Error): string {
  const fd = openOwnFile(path, constants.O_RDONLY, refuse);
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** The error that refuses an untrusted run file, naming it, why, and what to do (RUN_FILE_UNTRUSTED). */
export function untrustedFile(what: Pair, path: string, why: Untrusted): ToolError {
  const reason =
    why.kind === 'link'
      ? FILES.untrustedLink
      : why.kind === 'not-file'
        ? FILES.untrustedNotFile
        : why.kind === 'owner'
          ? FILES.untrustedOwner(why.uid)
          : FILES.untrustedMode(`0${why.mode.toString(8)}`);
  return new ToolError('RUN_FILE_UNTRUSTED', say(FILES.untrusted({ what, path, why: reason })), { file: path });
}
