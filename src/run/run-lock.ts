import { lockPathFor } from '../run-paths.js';
import { FILES } from '../report/messages.js';
import { say } from '../messages.js';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { ToolError } from '../errors.js';
import { PRIVATE_MODE, readOwnFile, untrustedFile } from '../report/private-file.js';

/** True while process `pid` exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two runs on one report would interleave its journal and backup and send interviews twice: the
 * second refuses (exit 2) and names the first. A lock whose process is gone (a killed run) is
 * stale and taken over. The returned function releases it.
 */
export function takeRunLock(report: string): () => void {
  const path = lockPathFor(report);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', PRIVATE_MODE);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new ToolError(
          'REPORT_UNWRITABLE',
          say(FILES.lockUnwritable({ path, code: String((error as NodeJS.ErrnoException).code) })),
          { file: path },
        );
      // Believed (a live process's lock stops the run) only if it is the user's own.
      const pid = Number.parseInt(
        readOwnFile(path, (why) => untrustedFile(FILES.lockWord, path, why)),
        10,
      );
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new ToolError('RUN_LOCKED', say(FILES.locked({ report, pid: String(pid), path })), { file: path });
      }
      rmSync(path, { force: true });
    }
  }
  throw new ToolError('RUN_LOCKED', say(FILES.lockRace({ path, report })), { file: path });
}
