/**
 * The page's calls to its server: same origin, the cookie the doors set, and the page key in a
 * header on every call (src/ui/doors.ts says why the cookie is not enough). JSON both ways.
 */
import type {
  ErrorAnswer,
  MappingAnswer,
  MappingProfile,
  RowsAnswer,
  RunView,
  StateAnswer,
  UploadAnswer,
} from '../views.js';

/** Names shared with src/ui/doors.ts (PAGE_KEY_HEADER, PAGE_KEY_FRAGMENT): the page bundles no server code. */
const KEY_HEADER = 'x-fii-page';
const KEY_FRAGMENT = /^#k=([\w-]+)$/;
/**
 * The origin's storage, which only this origin (scheme, host and port) reads: a page served from
 * another port of 127.0.0.1 gets the cookie, never this. Local rather than per-tab storage, so a
 * tab opened again by hand finds the run going on, as it did with the cookie alone; a key left
 * from an earlier server opens nothing (each server makes its own).
 */
const KEY_STORE = 'fii_ui_page';

/**
 * Takes the page key from the address the token's exchange sent the browser to, and clears it.
 * Kept only if the server takes it: a page on another port can link here with a key of its own
 * making, and that must not replace the one that works.
 */
export async function takePageKey(): Promise<void> {
  const key = KEY_FRAGMENT.exec(location.hash)?.[1];
  if (!key) return;
  history.replaceState(null, '', '/');
  const res = await fetch('/api/state', { credentials: 'same-origin', headers: { [KEY_HEADER]: key } });
  if (res.ok) localStorage.setItem(KEY_STORE, key);
}

const withKey = (headers: HeadersInit = {}): Headers => {
  const all = new Headers(headers);
  all.set(KEY_HEADER, localStorage.getItem(KEY_STORE) ?? '');
  return all;
};

export class CallError extends Error {
  constructor(
    readonly status: number,
    readonly answer: ErrorAnswer['error'],
  ) {
    super(answer.message.en);
  }
}

/** A refusal as the server said it: JSON from a route, two lines (Chinese, English) from the doors. */
async function refusal(res: Response): Promise<CallError> {
  const text = await res.text();
  try {
    return new CallError(res.status, (JSON.parse(text) as ErrorAnswer).error);
  } catch {
    const [zh = text, en = text] = text.split('\n');
    return new CallError(res.status, { code: `HTTP_${res.status}`, message: { zh, en } });
  }
}

export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init, headers: withKey(init.headers) });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as T;
}

export const post = (body: unknown): RequestInit => ({
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

/** A new one-time link for a second browser (src/ui/doors.ts, `invite`). */
export const makeInvite = () => call<{ url: string; expiresAt: number }>('/api/invite', post({}));

/** The mapping step's draft of a chosen file, and the folder's profile tried on it. */
export const getMapping = (body: { upload: string; sheet: string; headerRow?: number; peek?: boolean }) =>
  call<MappingAnswer>('/api/mapping', post(body));

/** Keeps the mapping settled in the page as the folder's profile. */
export const keepProfile = (profile: MappingProfile) => call<{ saved: boolean }>('/api/profile', post({ profile }));

export const stopRun = () => call<{ stopping: boolean }>('/api/stop', post({}));

export const rows = (run: string, from: number, count: number, problems: boolean) =>
  call<RowsAnswer>(`/api/runs/${run}/rows?from=${from}&count=${count}&problems=${problems ? 1 : 0}`);

export const reportUrl = (run: string) => `/api/runs/${run}/report`;

/**
 * Downloads a run's report: a link cannot carry the key, so the page fetches the file and saves
 * it under the name the server gave it.
 */
export const saveReport = (run: string): Promise<void> => saveFrom(reportUrl(run));

/** Downloads the file a call answers with, under the name the server gave it. */
export async function saveFrom(url: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin', headers: withKey() });
  if (!res.ok) throw await refusal(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'report.xlsx');
  const href = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** The `data:` lines of each complete event in `buffer`, and what is left of it. */
function events(buffer: string): { data: string[]; rest: string } {
  const parts = buffer.split('\n\n');
  const rest = parts.pop() ?? '';
  const data = parts
    .map((event) =>
      event
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n'),
    )
    .filter((d) => d !== '');
  return { data, rest };
}

/**
 * Every change of the run, the current one first, read from the server's event stream with the
 * key in a header (an EventSource cannot send one); reconnects as an EventSource would, and stops
 * on a refusal, which it hands to `onRefused`.
 */
export function followRuns(onView: (view: RunView | null) => void, onRefused: (e: CallError) => void): () => void {
  const abort = new AbortController();
  /** Follows one connection until it ends; true when the server refused it (no use trying again). */
  const follow = async (): Promise<boolean> => {
    const res = await fetch('/api/events', { credentials: 'same-origin', headers: withKey(), signal: abort.signal });
    if (res.status === 403 || res.status === 421) {
      onRefused(await refusal(res));
      return true;
    }
    if (!res.ok || !res.body) return false;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      const { data, rest } = events(buffer + value);
      buffer = rest;
      for (const d of data) onView(JSON.parse(d) as RunView | null);
    }
  };
  void (async () => {
    while (!abort.signal.aborted) {
      const refused = await follow().catch(() => false);
      if (refused || abort.signal.aborted) return;
      // The server restarting, or the network between: try again as an EventSource would.
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return () => abort.abort();
}
