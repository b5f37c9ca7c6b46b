import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Ctx, ProgressEvent } from './api/define';
import { callMethod, toWireError } from './api/dispatch';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MAX_BODY = 256 * 1024 * 1024;

export type WebServer = { url: string; port: number; token: string; close(): Promise<void> };

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given), b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { fail(new Error('请求过大')); req.destroy(); } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * The loopback transport: the built renderer and `POST /api/<method>` on 127.0.0.1 only. Every API
 * call carries the session token (header `x-ledger-token`); the page gets it from its own URL.
 */
export function startWebServer(ctx: Ctx, opts: { port?: number; staticDir: string; token?: string }): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = resolve(opts.staticDir);
  const listeners = new Set<ServerResponse>();
  const webCtx: Ctx = {
    ...ctx,
    transport: 'http',
    progress: (e: ProgressEvent) => { for (const r of listeners) r.write(`data: ${JSON.stringify(e)}\n\n`); },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '';
    // A page on another site cannot reach us through a rebound DNS name: only our own host names answer.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) { res.writeHead(421).end(); return; }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      const given = (req.headers['x-ledger-token'] as string | undefined) ?? url.searchParams.get('token') ?? undefined;
      if (!sameToken(given, token)) { send(res, 401, { error: { message: '未授权：缺少或错误的会话令牌', problems: [] } }); return; }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': ok\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (req.method !== 'POST') { send(res, 405, { error: { message: '只接受 POST', problems: [] } }); return; }
      try {
        const body = await readBody(req);
        const input = body.length ? JSON.parse(body.toString('utf8')) : {};
        const result = await callMethod(webCtx, decodeURIComponent(url.pathname.slice(5)), input);
        send(res, 200, { result: result ?? null });
      } catch (e) {
        send(res, 400, { error: toWireError(e) });
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
    let path: string;
    try { path = decodeURIComponent(url.pathname); } catch { res.writeHead(400).end(); return; }
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) { res.writeHead(403).end(); return; }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
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
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      ok({
        url: `http://127.0.0.1:${port}/?token=${token}`, port, token,
        close: () => new Promise((done) => { for (const r of listeners) r.end(); server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
