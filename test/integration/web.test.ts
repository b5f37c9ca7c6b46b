import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startWebServer, type WebServer } from '../../electron/web';
import { ROOT } from '../helpers/run';
import { tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let web: WebServer;
beforeAll(async () => {
  t = tempLedger();
  web = await startWebServer(t.ctx, { staticDir: join(ROOT, 'out', 'renderer') });
});
afterAll(async () => { await web.close(); t.close(); });

const base = () => `http://127.0.0.1:${web.port}`;

describe('loopback transport', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the session token', () => {
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('answers 401 to an API call without the token, or with a wrong one', async () => {
    expect((await fetch(`${base()}/api/households.list`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(`${base()}/api/households.list`, { method: 'POST', body: '{}', headers: { 'x-ledger-token': 'x' + web.token.slice(1) } })).status).toBe(401);
  });

  it('answers a call with the token with the same result as a direct call', async () => {
    const res = await fetch(`${base()}/api/meta.lookups`, { method: 'POST', body: '{}', headers: { 'x-ledger-token': web.token } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { villages: unknown[] } };
    expect(body.result).toEqual(await t.api.meta.lookups({}));
  });

  it('returns a refusal with its Chinese message and fields', async () => {
    const res = await fetch(`${base()}/api/households.create`, {
      method: 'POST', headers: { 'x-ledger-token': web.token }, body: JSON.stringify({ villageId: 1, head: '' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; problems: { field: string }[] } };
    expect(body.error.message).toContain('户主姓名');
    expect(body.error.problems.map((p) => p.field)).toContain('head');
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok) => {
      request({ host: '127.0.0.1', port: web.port, path: '/', headers: { host: 'evil.example:80' } }, (r) => ok(r.statusCode ?? 0)).end();
    });
    expect(status).toBe(421);
  });
});

describe('loopback transport under hostile requests', () => {
  it('answers a malformed path with 400 and keeps serving', async () => {
    expect((await fetch(`${base()}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base()}/api/meta.info`, { method: 'POST', body: '{}', headers: { 'x-ledger-token': web.token } })).status).toBe(200);
  });

  it('answers a body that is not JSON with a refusal, and keeps serving', async () => {
    const res = await fetch(`${base()}/api/meta.info`, { method: 'POST', body: '{not json', headers: { 'x-ledger-token': web.token } });
    expect(res.status).toBe(400);
    expect((await fetch(`${base()}/`)).status).toBe(200);
  });

  it('does not serve files outside the interface folder', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok) => {
      request({ host: '127.0.0.1', port: web.port, path: '/../../package.json' }, (r) => {
        let body = '';
        r.on('data', (d) => { body += d; });
        r.on('end', () => ok(body.includes('"allowScripts"') ? -1 : r.statusCode ?? 0));
      }).end();
    });
    expect(status).not.toBe(-1);
  });

  it('refuses to read a file by path for a page in browser mode', async () => {
    const res = await fetch(`${base()}/api/imports.preview`, {
      method: 'POST', headers: { 'x-ledger-token': web.token }, body: JSON.stringify({ files: [{ path: '/etc/passwd' }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('上传文件本身');
  });
});
