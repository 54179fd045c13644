import { ToolError } from '../errors.js';
import { say } from '../messages.js';
import { PRINTED } from '../report/messages.js';

/**
 * A server's listen failed: a port another program holds (or one this user may not take) is a
 * plain `code` error naming the port and the fix; anything else is thrown as it came.
 */
export function portBusy(code: string, port: number | undefined): (error: NodeJS.ErrnoException) => never {
  return (error) => {
    if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
    throw new ToolError(code, say(PRINTED.portBusy({ port: port ?? 0, code: error.code })));
  };
}
