import { createClient, RemoteLedgerError, type LedgerClient, type WireError } from '../../../electron/api/client';

type Bridge = {
  call: (name: string, input: unknown) => Promise<{ result: unknown } | WireError>;
  onProgress: (l: (e: unknown) => void) => () => void;
};

declare global {
  interface Window { ledger?: Bridge }
}

export type ProgressEvent = { task: string; done: number; total: number; message?: string };

/** The session token of browser mode: given in the page's URL, kept for reloads of this tab. */
function browserToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem('ledger-token', fromUrl);
  return fromUrl ?? sessionStorage.getItem('ledger-token') ?? '';
}

function unwrap(reply: { result: unknown } | WireError): unknown {
  if ('error' in reply) throw new RemoteLedgerError(reply.error.message, reply.error.problems);
  return reply.result;
}

const bridge = window.ledger;
const token = bridge ? '' : browserToken();

/** One typed client for the whole renderer: IPC in the desktop app, loopback HTTP in browser mode. */
export const ledger: LedgerClient = createClient(async (name, input) => {
  if (bridge) return unwrap(await bridge.call(name, input));
  const body = JSON.stringify(input ?? {});
  const res = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ledger-token': token },
    body,
    // A small request outlives the page: an edit sent as the window reloads or closes still arrives
    // (browsers allow 64 KB of keepalive bodies in all).
    keepalive: body.length < 16_000,
  });
  if (res.status === 401) throw new RemoteLedgerError('会话令牌无效：请使用启动时打印的完整地址（含 ?token=…）打开');
  return unwrap((await res.json()) as { result: unknown } | WireError);
});

/** Progress of long work (imports, PDF batches): IPC events, or server-sent events in browser mode. */
export function onProgress(listener: (e: ProgressEvent) => void): () => void {
  if (bridge) return bridge.onProgress((e) => listener(e as ProgressEvent));
  const es = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  es.onmessage = (m) => listener(JSON.parse(m.data) as ProgressEvent);
  return () => es.close();
}

export { RemoteLedgerError };
