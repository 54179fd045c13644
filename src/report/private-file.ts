import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

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
