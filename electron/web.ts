import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { join, resolve } from 'node:path';
import type { ProgressEvent } from './api/define';
import { CALL_ID, newCallId, type Backend } from './backend/backend';
import type { Reply } from './backend/protocol';
import { LIMITS, mb } from './io/read/limits';
import { BodyTooLarge, readSmallBody, streamBodyToFile } from './web/body';
import { serveFile, staticFile } from './web/static';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** A JSON call's body: the largest is a grid batch of 100,000 small edits. Files come through /api/upload. */
export const JSON_LIMIT = 16 * 1024 * 1024;

/** `uploads`: the folder uploaded files wait in (owner only) until the server closes. */
export type WebServer = { url: string; port: number; token: string; uploads: string; close(): Promise<void> };

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given), b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** An answer already written as JSON text. */
function sendJson(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJson(res, status, JSON.stringify(body), headers);
}

const refuse = (res: ServerResponse, status: number, message: string) => send(res, status, { error: { message, problems: [] } });

/**
 * A body over its limit is answered before it is read to the end. The connection stays open while
 * what the client still sends is discarded, up to 16 MB or one second, so that the client reads the
 * answer before the cut; cutting at once made the client see a broken pipe instead of the 413.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  if (!res.headersSent) send(res, 413, { error: { message: `内容超过上限 ${mb(limit)}，已拒绝`, problems: [] } });
  let drained = 0;
  // Held here: the request lets go of its socket once the answer is sent. None left: nothing to drain.
  const socket = req.socket as IncomingMessage['socket'] | null;
  if (!socket || socket.destroyed) return;
  const cut = () => socket.destroy();
  const timer = setTimeout(cut, 1000);
  socket.once('close', () => clearTimeout(timer));
  req.on('data', (c: Buffer) => { drained += c.length; if (drained > 16 * 1024 * 1024) cut(); });
  req.resume();
}

/** The plain-ASCII fallback name for old clients; filename* carries the real (Chinese) one. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

const isJson = (req: IncomingMessage) => /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
const isBytes = (req: IncomingMessage) => /^application\/octet-stream\s*(;|$)/i.test(req.headers['content-type'] ?? '');

/**
 * The loopback transport: the built renderer and `POST /api/<method>` on 127.0.0.1 only. The printed URL
 * carries the session token once; the page's first load turns it into an HttpOnly SameSite=Strict cookie
 * and the page takes it out of the address bar. API calls carry the cookie (or header `x-ledger-token`,
 * for scripts), never a token in the URL; a request from another origin is refused. The server only
 * relays: every call runs in the backend (a worker thread in browser mode), so it answers while one runs.
 */
export function startWebServer(backend: Backend, opts: { port?: number; staticDir: string; token?: string }): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = existsSync(opts.staticDir) ? realpathSync(opts.staticDir) : resolve(opts.staticDir);
  const uploads = mkdtempSync(join(tmpdir(), 'ledger-uploads-'));
  const listeners = new Set<ServerResponse>();
  let port = 0;
  const cookieName = () => `ledger_${port}`;
  // Every page listening hears every call's progress; each event carries its callId for the page to pick.
  const progress = (e: ProgressEvent) => { for (const r of listeners) r.write(`data: ${JSON.stringify(e)}\n\n`); };
  // Handles of downloads delivered (or under way): each is given once.
  const delivered = new Set<string>();
  const reply = (res: ServerResponse, r: Reply) => ('json' in r ? sendJson(res, 200, r.json) : send(res, 'error' in r ? 400 : 200, r));

  const upload = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const name = decodeURIComponent(String(req.headers['x-file-name'] ?? '')).slice(0, 255) || '未命名文件';
    const path = join(uploads, randomBytes(12).toString('hex'));
    try {
      const bytes = await streamBodyToFile(req, path, LIMITS.fileBytes);
      send(res, 200, { result: { handle: await backend.hold(path, name, true), name, bytes } });
    } catch (e) {
      rmSync(path, { force: true });
      throw e;
    }
  };

  /** POST /api/cancel {callId}: the call stops at its next checkpoint and answers 已取消. */
  const cancel = (res: ServerResponse, input: unknown): void => {
    const callId = (input as { callId?: unknown } | null)?.callId;
    if (typeof callId !== 'string' || !CALL_ID.test(callId)) { refuse(res, 400, '调用编号无效'); return; }
    backend.cancel(callId);
    send(res, 200, { result: null });
  };

  /**
   * GET /api/download/<handle>: a file the API wrote (FileHandles.output), streamed as an attachment under
   * the name the API gave it, once. Only handles the backend holds answer; anything else is 404, and a
   * handle already delivered is 410.
   */
  const download = async (res: ServerResponse, handle: string): Promise<void> => {
    const used = () => refuse(res, 410, '这个文件已经下载过，下载链接只能用一次；如需再存一份，请重新导出');
    if (delivered.has(handle)) { used(); return; }
    const file = /^[A-Za-z0-9_-]{1,64}$/.test(handle) ? await backend.resolve(handle) : null;
    if (!file) { refuse(res, 404, '没有这个下载文件，或它已失效，请重新导出'); return; }
    if (delivered.has(handle)) { used(); return; } // another request took it meanwhile
    delivered.add(handle);
    const stream = createReadStream(file.path);
    try {
      await new Promise<void>((opened, failed) => { stream.once('open', () => opened()); stream.once('error', failed); });
    } catch {
      delivered.delete(handle);
      refuse(res, 404, '文件已失效，请重新导出');
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    // Streamed in chunks: memory stays flat however big the export; a failure mid-way cuts the download
    // and the handle stays good for another try. Once delivered, it is let go (a temporary file deleted).
    try {
      await pipeline(stream, res);
    } catch {
      delivered.delete(handle);
      res.destroy();
      return;
    }
    backend.drop(handle);
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const given = (req.headers['x-ledger-token'] as string | undefined) ?? cookie(req, cookieName());
    if (!sameToken(given, token)) { refuse(res, 401, '未授权：缺少或错误的会话令牌'); return; }
    if (path === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': ok\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (path.startsWith('/api/download/') && req.method === 'GET') { await download(res, path.slice('/api/download/'.length)); return; }
    if (req.method !== 'POST') { refuse(res, 405, '只接受 POST'); return; }
    const isUpload = path === '/api/upload';
    // A form on another page can post text/plain or multipart without asking; these types it cannot.
    if (isUpload ? !isBytes(req) : !isJson(req)) {
      refuse(res, 415, isUpload ? '上传须为 application/octet-stream' : '请求须为 application/json');
      return;
    }
    const limit = isUpload ? LIMITS.fileBytes : JSON_LIMIT;
    try {
      if (isUpload) { await upload(req, res); return; }
      const body = await readSmallBody(req, limit);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        refuse(res, 400, '请求内容不是有效的 JSON');
        return;
      }
      if (path === '/api/cancel') { cancel(res, input); return; }
      const given = req.headers['x-call-id'];
      if (given !== undefined && (typeof given !== 'string' || !CALL_ID.test(given))) { refuse(res, 400, '调用编号无效'); return; }
      reply(res, await backend.call(decodeURIComponent(path.slice(5)), input, { transport: 'http', callId: given ?? newCallId(), onProgress: progress }));
    } catch (e) {
      if (e instanceof BodyTooLarge) refuseTooLarge(req, res, limit);
      // A body cut off, a file that could not be written or held: said as it is.
      else refuse(res, 400, `请求未完成：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const page = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
    let path: string;
    try { path = decodeURIComponent(url.pathname); } catch { res.writeHead(400).end(); return; }
    const found = staticFile(root, path);
    // Any other path is one of the page's own routes: it gets the page.
    const file = found === 'none' ? staticFile(root, '/index.html') : found;
    if (typeof file !== 'string' || file === 'none') { res.writeHead(404).end(); return; }
    const headers: Record<string, string | string[]> = { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer' };
    // The printed URL's token becomes the session cookie; the page then drops it from the address bar.
    if (file.endsWith('.html') && sameToken(url.searchParams.get('token') ?? undefined, token)) {
      headers['set-cookie'] = `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    serveFile(res, file, headers);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '';
    // A page on another site cannot reach us through a rebound DNS name: only our own host names answer.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) { res.writeHead(421).end(); return; }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      refuse(res, 403, '拒绝：请求来自其他网页');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) await api(req, res, url.pathname);
    else page(req, res, url);
  };
  // Whatever a request does, it must not take the server down (any page in the browser can send one).
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    });
  });

  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      ok({
        url: `http://127.0.0.1:${port}/?token=${token}`, port, token, uploads,
        close: () => new Promise((done) => {
          for (const r of listeners) r.end();
          server.closeAllConnections();
          server.close(() => { rmSync(uploads, { recursive: true, force: true }); done(); });
        }),
      });
    });
  });
}
