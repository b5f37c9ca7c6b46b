import { createClient, RemoteLedgerError, type LedgerClient, type WireError } from '../../../electron/api/client';

type Reply = { result: unknown } | WireError;
type Bridge = {
  call: (name: string, input: unknown) => Promise<Reply>;
  onProgress: (l: (e: unknown) => void) => () => void;
  /** A chosen or dropped file, made known to main as an opaque handle. */
  holdFile: (file: File) => Promise<Reply>;
  /** Main's save dialog, then a copy of the file the API wrote (never its bytes through IPC). */
  saveFile?: (download: string, fileName: string) => Promise<Reply>;
};

declare global {
  interface Window { ledger?: Bridge }
}

export type ProgressEvent = { task: string; done: number; total: number; message?: string };

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

/** One typed client for the whole renderer: IPC in the desktop app, loopback HTTP in browser mode. */
export const ledger: LedgerClient = createClient(async (name, input) => {
  if (bridge) return unwrap(await bridge.call(name, input));
  const body = JSON.stringify(input ?? {});
  const res = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    // A small request outlives the page: an edit sent as the window reloads or closes still arrives
    // (browsers allow 64 KB of keepalive bodies in all).
    keepalive: body.length < 16_000,
  });
  if (res.status === 401) throw new RemoteLedgerError(UNAUTHORISED);
  return unwrap((await res.json()) as Reply);
});

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

/** Progress of long work (imports, PDF batches): IPC events, or server-sent events in browser mode. */
export function onProgress(listener: (e: ProgressEvent) => void): () => void {
  if (bridge) return bridge.onProgress((e) => listener(e as ProgressEvent));
  const es = new EventSource('/api/events');
  es.onmessage = (m) => listener(JSON.parse(m.data) as ProgressEvent);
  return () => es.close();
}

export { RemoteLedgerError };
