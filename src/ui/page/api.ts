/** The page's calls to its server: same origin, the cookie the doors set, JSON both ways. */
import type { ErrorAnswer, RowsAnswer, RunView, StateAnswer, UploadAnswer } from '../views.js';

export class CallError extends Error {
  constructor(
    readonly status: number,
    readonly answer: ErrorAnswer['error'],
  ) {
    super(answer.message.en);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init });
  const body = (await res.json()) as T | ErrorAnswer;
  if (!res.ok) throw new CallError(res.status, (body as ErrorAnswer).error);
  return body as T;
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const getState = () => call<StateAnswer>('/api/state');

export const upload = (file: File) =>
  call<UploadAnswer>(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });

export const startRun = (body: Record<string, unknown>) => call<RunView>('/api/runs', post(body));

export const stopRun = () => call<{ stopping: boolean }>('/api/stop', post({}));

export const rows = (run: string, from: number, count: number, problems: boolean) =>
  call<RowsAnswer>(`/api/runs/${run}/rows?from=${from}&count=${count}&problems=${problems ? 1 : 0}`);

export const reportUrl = (run: string) => `/api/runs/${run}/report`;

/** Every change of the run, the current one first; the browser reconnects by itself. */
export function followRuns(onView: (view: RunView | null) => void): () => void {
  const source = new EventSource('/api/events');
  source.onmessage = (e: MessageEvent<string>) => onView(JSON.parse(e.data) as RunView | null);
  return () => source.close();
}
