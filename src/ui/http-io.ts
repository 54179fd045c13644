/** Answers and request bodies for the page's server: every answer carries the doors' headers. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { Pair } from '../messages.js';
import { securityHeaders } from './doors.js';
import { UI } from './messages.js';

/** A JSON request body is a few fields; 64 KiB is far past any the page sends. */
export const MAX_JSON_BYTES = 64 * 1024;

export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly pair: Pair,
  ) {
    super(pair.en);
  }
}

/** Sends JSON, with every secret the server holds replaced (it never should appear, and cannot). */
export function sendJson(res: ServerResponse, status: number, body: unknown, redact: (text: string) => string): void {
  const text = redact(JSON.stringify(body));
  res.writeHead(status, {
    ...securityHeaders(),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendRefusal(res: ServerResponse, refusal: HttpRefusal, redact: (text: string) => string): void {
  sendJson(res, refusal.status, { error: { code: refusal.code, message: refusal.pair } }, redact);
}

/** A refusal at the doors: plain text in both languages, nothing of the page. */
export function sendDoorRefusal(res: ServerResponse, status: number, pair: Pair): void {
  const text = `${pair.zh}\n${pair.en}\n`;
  res.writeHead(status, {
    ...securityHeaders(),
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new HttpRefusal(413, 'UI_BODY_TOO_LARGE', UI.bodySize({ max: MAX_JSON_BYTES }));
    chunks.push(chunk);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {}
  throw new HttpRefusal(400, 'UI_BAD_REQUEST', UI.badRequest({ what: 'JSON' }));
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Streams a file: an asset of the page, or a report as a download named `downloadName`. */
export async function sendFile(res: ServerResponse, path: string, downloadName?: string): Promise<void> {
  const { size } = await stat(path);
  const type =
    extname(path) === '.xlsx'
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : (TYPES[extname(path)] ?? 'application/octet-stream');
  res.writeHead(200, {
    ...securityHeaders(),
    'content-type': type,
    'content-length': size,
    ...(downloadName
      ? { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}` }
      : {}),
  });
  createReadStream(path).pipe(res);
}
