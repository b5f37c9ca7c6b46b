import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../electron/io/read/limits';
import { inProcessBackend } from '../../electron/backend/in-process';
import { JSON_LIMIT, startWebServer } from '../../electron/web';
import { useLoopback } from '../helpers/loopback';
import { ROOT } from '../helpers/run';
import { villageId } from '../helpers/ledger';

const served = useLoopback();

const base = () => `http://127.0.0.1:${served.web.port}`;
const JSON_TYPE = { 'content-type': 'application/json' };
const withToken = (h: Record<string, string> = {}) => ({ ...JSON_TYPE, 'x-ledger-token': served.web.token, ...h });
const households = () => (served.t.ctx.ledger.sqlite.prepare('select count(*) as n from households').get() as { n: number }).n;
const newHousehold = () => JSON.stringify({ villageId: villageId(served.t, '营尔村'), head: '王芳' });
const SAMPLE = join(ROOT, '..', 'shared', 'formats', 'samples', '区文广局-花名册.csv');

/** The session cookie a browser gets from opening the printed URL. */
async function sessionCookie(): Promise<string> {
  const res = await fetch(served.web.url);
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0];
}

/** Sends `total` bytes in 1 MB chunks without a declared length, until the server answers. */
function stream(path: string, headers: Record<string, string>, total: number): Promise<{ status: number; sent: number }> {
  return new Promise((ok, fail) => {
    let sent = 0;
    let answered = false;
    const req = request({ host: '127.0.0.1', port: served.web.port, path, method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      res.resume();
      ok({ status: res.statusCode ?? 0, sent });
    });
    req.on('error', (e) => { if (!answered) fail(e); });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) { req.once('drain', pump); return; }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('loopback transport', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the session token', () => {
    expect(served.web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${served.web.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('answers 401 to an API call without the token, or with a wrong one', async () => {
    expect((await fetch(`${base()}/api/households.list`, { method: 'POST', body: '{}', headers: JSON_TYPE })).status).toBe(401);
    expect((await fetch(`${base()}/api/households.list`, { method: 'POST', body: '{}', headers: withToken({ 'x-ledger-token': 'x' + served.web.token.slice(1) }) })).status).toBe(401);
  });

  it('answers a call with the token with the same result as a direct call', async () => {
    const res = await fetch(`${base()}/api/meta.lookups`, { method: 'POST', body: '{}', headers: withToken() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { villages: unknown[] } };
    expect(body.result).toEqual(await served.t.api.meta.lookups({}));
  });

  it('returns a refusal with its Chinese message and fields', async () => {
    const res = await fetch(`${base()}/api/households.create`, {
      method: 'POST', headers: withToken(), body: JSON.stringify({ villageId: 1, head: '' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; problems: { field: string }[] } };
    expect(body.error.message).toContain('户主姓名');
    expect(body.error.problems.map((p) => p.field)).toContain('head');
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((ok) => {
      request({ host: '127.0.0.1', port: served.web.port, path: '/', headers: { host: 'evil.example:80' } }, (r) => ok(r.statusCode ?? 0)).end();
    });
    expect(status).toBe(421);
  });
});

describe('browser mode session: the token only once, in the first URL', () => {
  it('turns the printed URL\'s token into an HttpOnly SameSite=Strict cookie that API calls and events carry', async () => {
    const res = await fetch(served.web.url);
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(new RegExp(`^ledger_${served.web.port}=${served.web.token};`));
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const cookie = set.split(';')[0];
    expect((await fetch(`${base()}/api/meta.info`, { method: 'POST', body: '{}', headers: { ...JSON_TYPE, cookie } })).status).toBe(200);
    const events = await fetch(`${base()}/api/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    await events.body?.cancel();
    // A page without the token (or with a wrong one) gets no cookie.
    expect((await fetch(`${base()}/`)).headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${base()}/?token=x${served.web.token.slice(1)}`)).headers.get('set-cookie')).toBeNull();
  });

  it('no longer takes the token from the URL of an API call or the events stream (401), and writes nothing', async () => {
    const res = await fetch(`${base()}/api/households.create?token=${served.web.token}`, { method: 'POST', body: newHousehold(), headers: JSON_TYPE });
    expect(res.status).toBe(401);
    expect((await fetch(`${base()}/api/events?token=${served.web.token}`)).status).toBe(401);
    expect(households()).toBe(0);
  });

  it('refuses a call from another page\'s origin (403), even with the token, and writes nothing', async () => {
    const cookie = await sessionCookie();
    for (const origin of ['http://evil.com', 'null', `http://127.0.0.1:${served.web.port + 1}`]) {
      const res = await fetch(`${base()}/api/households.create`, { method: 'POST', body: newHousehold(), headers: withToken({ origin, cookie }) });
      expect(res.status, origin).toBe(403);
    }
    expect(households()).toBe(0);
    // The page's own origin is welcome.
    const own = await fetch(`${base()}/api/meta.info`, { method: 'POST', body: '{}', headers: withToken({ origin: base() }) });
    expect(own.status).toBe(200);
  });

  it('refuses an API POST that is not application/json (415): a form on another page cannot write', async () => {
    const cookie = await sessionCookie();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${base()}/api/households.create`, { method: 'POST', body: newHousehold(), headers: { 'content-type': type, cookie } });
      expect(res.status, type).toBe(415);
    }
    expect(households()).toBe(0);
  });
});

describe('loopback transport: bodies within stated limits', () => {
  it('refuses a JSON body over its limit by its declared length (413), writing nothing', async () => {
    const big = JSON.stringify({ villageId: villageId(served.t, '营尔村'), head: '王芳', note: 'x'.repeat(JSON_LIMIT) });
    const res = await fetch(`${base()}/api/households.create`, { method: 'POST', body: big, headers: withToken() });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('超过上限 16 MB');
    expect(households()).toBe(0);
  });

  it('stops reading a streamed body of no stated length at the limit (413), long before its end', async () => {
    const total = 250 * 1024 * 1024;
    const r = await stream('/api/households.create', withToken(), total);
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(total / 2);
    expect(households()).toBe(0);
    expect((await fetch(`${base()}/api/meta.info`, { method: 'POST', body: '{}', headers: withToken() })).status).toBe(200);
  });

  it('streams an upload to a file and imports it by the handle it returns', async () => {
    const bytes = readFileSync(SAMPLE);
    const up = await fetch(`${base()}/api/upload`, {
      method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('区文广局-花名册.csv'), 'x-ledger-token': served.web.token },
    });
    expect(up.status).toBe(200);
    const { result } = (await up.json()) as { result: { handle: string; bytes: number } };
    expect(result.bytes).toBe(bytes.length);
    expect(readdirSync(served.web.uploads)).toHaveLength(1);
    const res = await fetch(`${base()}/api/imports.preview`, { method: 'POST', headers: withToken(), body: JSON.stringify({ files: [{ handle: result.handle }] }) });
    const report = (await res.json()) as { result: { files: { file: string; encoding: string }[]; totals: { added: number } } };
    expect(report.result.files[0]).toMatchObject({ file: '区文广局-花名册.csv', encoding: 'GB18030' });
    expect(report.result.totals.added).toBeGreaterThan(0);
  });

  it('refuses an upload over the import file limit (413) while it streams, and keeps nothing of it', async () => {
    const before = readdirSync(served.web.uploads).length;
    const r = await stream('/api/upload', { 'content-type': 'application/octet-stream', 'x-ledger-token': served.web.token }, LIMITS.fileBytes * 4);
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(LIMITS.fileBytes * 2);
    expect(readdirSync(served.web.uploads)).toHaveLength(before);
    const declared = await fetch(`${base()}/api/upload`, { method: 'POST', body: Buffer.alloc(LIMITS.fileBytes + 1), headers: { 'content-type': 'application/octet-stream', 'x-ledger-token': served.web.token } });
    expect(declared.status).toBe(413);
    expect(readdirSync(served.web.uploads)).toHaveLength(before);
  });

  it('refuses an upload that is not application/octet-stream (415) or has no token (401)', async () => {
    const before = readdirSync(served.web.uploads).length;
    expect((await fetch(`${base()}/api/upload`, { method: 'POST', body: 'a,b', headers: { 'content-type': 'text/plain', 'x-ledger-token': served.web.token } })).status).toBe(415);
    expect((await fetch(`${base()}/api/upload`, { method: 'POST', body: 'a,b', headers: { 'content-type': 'application/octet-stream' } })).status).toBe(401);
    expect(readdirSync(served.web.uploads)).toHaveLength(before);
  });
});

describe('loopback transport under hostile requests', () => {
  it('answers a malformed path with 400 and keeps serving', async () => {
    expect((await fetch(`${base()}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base()}/api/meta.info`, { method: 'POST', body: '{}', headers: withToken() })).status).toBe(200);
  });

  it('answers a body that is not JSON with a refusal, and keeps serving', async () => {
    const res = await fetch(`${base()}/api/meta.info`, { method: 'POST', body: '{not json', headers: withToken() });
    expect(res.status).toBe(400);
    expect((await fetch(`${base()}/`)).status).toBe(200);
  });

  it('does not serve files outside the interface folder', async () => {
    const status = await new Promise<number>((ok) => {
      request({ host: '127.0.0.1', port: served.web.port, path: '/../../package.json' }, (r) => {
        let body = '';
        r.on('data', (d) => { body += d; });
        r.on('end', () => ok(body.includes('"allowScripts"') ? -1 : r.statusCode ?? 0));
      }).end();
    });
    expect(status).not.toBe(-1);
  });

  it('serves regular files inside the build folder only: a symlink out of it is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-static-'));
    const secret = join(mkdtempSync(join(tmpdir(), 'ledger-secret-')), 'secret.txt');
    writeFileSync(secret, 'SECRET-CONTENT');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>台账</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    symlinkSync(secret, join(dir, 'leak.txt'));
    symlinkSync('/etc', join(dir, 'etc'));
    symlinkSync(join(dir, 'app.js'), join(dir, 'inside.js'));
    const own = await startWebServer(inProcessBackend(served.t.ctx), { staticDir: dir });
    try {
      const get = async (p: string) => { const r = await fetch(`http://127.0.0.1:${own.port}${p}`); return { status: r.status, body: await r.text() }; };
      for (const p of ['/leak.txt', '/etc/passwd', '/etc/hostname']) {
        const r = await get(p);
        expect(r.status, p).toBe(404);
        expect(r.body).not.toContain('SECRET');
        expect(r.body).not.toContain('root:');
      }
      expect(await get('/app.js')).toEqual({ status: 200, body: 'console.log(1)' });
      expect((await get('/inside.js')).body).toBe('console.log(1)');
      expect((await get('/registers/households')).body).toContain('台账');
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(secret, '..'), { recursive: true, force: true });
    }
  });

  it('refuses to read a file by path for a page in browser mode', async () => {
    const res = await fetch(`${base()}/api/imports.preview`, {
      method: 'POST', headers: withToken(), body: JSON.stringify({ files: [{ path: '/etc/passwd' }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('不能按路径读取本机文件');
  });
});
