import { createClient, RemoteLedgerError, type LedgerClient, type WireError } from '../../../electron/api/client';

type Reply = { result: unknown } | WireError;
type Bridge = {
  /** `callId`: the page's own id for the call, carried by its progress events and named to `cancel`. */
  call: (name: string, input: unknown, callId?: string) => Promise<Reply>;
  cancel?: (callId: string) => Promise<Reply>;
  onProgress: (l: (e: unknown) => void) => () => void;
  /** A chosen or dropped file, made known to main as an opaque handle. */
  holdFile: (file: File) => Promise<Reply>;
  /** Main's save dialog, then a copy of the file the API wrote (never its bytes through IPC). */
  saveFile?: (download: string, fileName: string) => Promise<Reply>;
};

declare global {
  interface Window { ledger?: Bridge }
}

export type ProgressEvent = { task: string; done: number; total: number; message?: string; step?: string; callId?: string };

/**
 * Browser mode's session token came in the first load's URL; the server has already made it an HttpOnly
 * cookie, so the page only takes it out of the address bar and history.
 */
function dropTokenFromAddress(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

function unwrap(reply: { result: unknown } | WireError): unknown {
  if ('error' in reply) throw new RemoteLedgerError(reply.error.message, reply.error.problems);
  return reply.result;
}

const bridge = window.ledger;
if (!bridge) dropTokenFromAddress();
const UNAUTHORISED = '会话令牌无效：请使用启动时打印的完整地址（含 ?token=…）打开';

async function send(name: string, input: unknown, callId?: string): Promise<unknown> {
  if (bridge) return unwrap(await bridge.call(name, input, callId));
  const body = JSON.stringify(input ?? {});
  const res = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(callId ? { 'x-call-id': callId } : {}) },
    body,
    // A small request outlives the page: an edit sent as the window reloads or closes still arrives
    // (browsers allow 64 KB of keepalive bodies in all).
    keepalive: body.length < 16_000,
  });
  if (res.status === 401) throw new RemoteLedgerError(UNAUTHORISED);
  return unwrap((await res.json()) as Reply);
}

/** One typed client for the whole renderer: IPC in the desktop app, loopback HTTP in browser mode. */
export const ledger: LedgerClient = createClient((name, input) => send(name, input));

/**
 * A file the person chose or dropped, as the handle the import API takes: in the desktop app main
 * holds its path; in browser mode its bytes are streamed to the server (never base64 in JSON).
 */
export async function holdFile(file: File): Promise<string> {
  if (bridge) return unwrap(await bridge.holdFile(file)) as string;
  const res = await fetch('/api/upload', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  if (res.status === 401) throw new RemoteLedgerError(UNAUTHORISED);
  return (unwrap((await res.json()) as Reply) as { handle: string }).handle;
}

/** A file the API wrote for the person to save (see FileHandles.output): its handle and its name. */
export type Download = { download: string; fileName: string };

/**
 * Hands a written file to the person: the desktop app asks where to save it (main copies it there);
 * browser mode streams it from the server as an ordinary download. Resolves false if they cancelled.
 */
export async function saveDownload(d: Download): Promise<boolean> {
  if (bridge?.saveFile) return unwrap(await bridge.saveFile(d.download, d.fileName)) as boolean;
  const a = document.createElement('a');
  a.href = `/api/download/${encodeURIComponent(d.download)}`;
  a.download = d.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return true;
}

const listeners = new Set<(e: ProgressEvent) => void>();
let events: { source: EventSource; open: Promise<void> } | null = null;

/**
 * Browser mode's one event stream, opened at the first listener and kept: a long call waits for it to be
 * open before it starts, so that its first progress event is not lost.
 */
function eventStream(): Promise<void> {
  if (!events) {
    const source = new EventSource('/api/events');
    source.onmessage = (m) => { const e = JSON.parse(m.data) as ProgressEvent; for (const l of listeners) l(e); };
    // An error still lets the call go ahead: progress is shown when it comes, the call does not depend on it.
    const open = new Promise<void>((ok) => { source.onopen = () => ok(); source.onerror = () => ok(); });
    events = { source, open };
  }
  return events.open;
}

/** Progress of long work (imports, PDF batches): IPC events, or server-sent events in browser mode. */
export function onProgress(listener: (e: ProgressEvent) => void): () => void {
  if (bridge) return bridge.onProgress((e) => listener(e as ProgressEvent));
  listeners.add(listener);
  void eventStream();
  return () => { listeners.delete(listener); };
}

let callSeq = 0;

/** Long work the page started: its id, its answer, and 取消 (the answer then fails with 已取消). */
export type LongCall<T> = { callId: string; result: Promise<T>; cancel(): Promise<void> };

/**
 * Starts long work (import preview and commit, rollback, exports…) under a call id of the page's own:
 * `work` gets a client whose calls carry that id, `progress` hears only that call's events.
 * e.g. `startLong((l) => l.imports.commit(input), setProgress)`.
 */
export function startLong<T>(work: (client: LedgerClient) => Promise<T>, progress?: (e: ProgressEvent) => void): LongCall<T> {
  const callId = `p${Date.now().toString(36)}${(++callSeq).toString(36)}`;
  const stop = progress ? onProgress((e) => { if (e.callId === callId) progress(e); }) : () => {};
  let cancelled = false;
  // Cancelled before it was sent (a file still uploading): it is never sent.
  const client = createClient(async (name, input) => {
    if (cancelled) throw new RemoteLedgerError('已取消：台账未作任何改动');
    return send(name, input, callId);
  });
  const result = (async () => {
    if (!bridge && progress) await eventStream();
    try { return await work(client); } finally { stop(); }
  })();
  return { callId, result, cancel: () => { cancelled = true; return cancelCall(callId); } };
}

/** Asks the backend to stop a call; it answers 已取消 once it reaches its next checkpoint. */
export async function cancelCall(callId: string): Promise<void> {
  if (bridge?.cancel) { unwrap(await bridge.cancel(callId)); return; }
  const res = await fetch('/api/cancel', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ callId }) });
  if (res.status === 401) throw new RemoteLedgerError(UNAUTHORISED);
  unwrap((await res.json()) as Reply);
}

export { RemoteLedgerError };
