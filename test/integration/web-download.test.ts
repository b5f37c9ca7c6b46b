import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { useLoopback } from '../helpers/loopback';

const served = useLoopback();

const token = () => ({ 'x-ledger-token': served.web.token });
const get = (handle: string, headers: Record<string, string> = token()) => fetch(`http://127.0.0.1:${served.web.port}/api/download/${handle}`, { headers });
async function call<T>(name: string, input: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${served.web.port}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...token() }, body: JSON.stringify(input) });
  const body = await res.json() as { result: T } | { error: { message: string } };
  if ('error' in body) throw new Error(body.error.message);
  return body.result;
}
const refusal = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

describe('GET /api/download/<handle> in browser mode', () => {
  it('streams a written file once, under its Chinese name; the same handle again is refused as already downloaded', async () => {
    const r = await call<{ fileName: string; download: string; bytes: number }>('exports.sheet', { sheet: 'T1', from: '2014-01-01', to: '2014-06-30' });
    expect(r.download).toMatch(/^[A-Za-z0-9_-]+$/);
    const first = await get(r.download);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(r.fileName)}`);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.length).toBe(r.bytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip

    const again = await get(r.download);
    expect(again.status).toBe(410);
    expect(await refusal(again)).toBe('这个文件已经下载过，下载链接只能用一次；如需再存一份，请重新导出');
  });

  it('refuses a handle it never gave, or one shaped like a path, with 404 and what to do', async () => {
    const unknown = await get('Abc123_made-up-handle-xyz');
    expect(unknown.status).toBe(404);
    expect(await refusal(unknown)).toBe('没有这个下载文件，或它已失效，请重新导出');
    const path = await get(encodeURIComponent('../../etc/passwd'));
    expect(path.status).toBe(404);
    expect(await refusal(path)).toBe('没有这个下载文件，或它已失效，请重新导出');
  });

  it('asks for the session token before anything else', async () => {
    const r = await call<{ download: string }>('exports.sheet', { sheet: 'T1', from: '2014-01-01', to: '2014-06-30' });
    const anonymous = await get(r.download, {});
    expect(anonymous.status).toBe(401);
    // Refused without the token, the download is still there for the page that has it.
    expect((await get(r.download)).status).toBe(200);
  });

  it('另存到 of a backup streams the backup itself and leaves it in the 备份 folder', async () => {
    const made = await call<{ name: string }>('backups.create', {});
    const r = await call<{ fileName: string; download: string }>('backups.saveAs', { name: made.name });
    expect(r).not.toHaveProperty('base64');
    expect(r.fileName).toBe(made.name);
    const res = await get(r.download);
    expect(res.status).toBe(200);
    const backup = listBackups(served.t.file).find((b) => b.name === made.name)!;
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(backup.path))).toBe(true);
    expect(existsSync(backup.path)).toBe(true);
    expect((await get(r.download)).status).toBe(410);
  });
});
