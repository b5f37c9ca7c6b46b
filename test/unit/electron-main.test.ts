import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { ROOT } from '../helpers/run';

type Stub = typeof import('../stubs/electron');
type Exposed = {
  call: (name: string, input: unknown, callId?: string) => Promise<{ result?: unknown; error?: { message: string } }>;
  cancel: (callId: string) => Promise<{ result?: unknown; error?: { message: string } }>;
  saveFile: (download: string, fileName: string) => Promise<{ result?: boolean; error?: { message: string } }>;
  onProgress: (l: (e: { task: string; callId?: string }) => void) => () => void;
  holdFile: (file: object) => Promise<{ result?: string; error?: { message: string } }>;
  openFiles: () => Promise<{ result?: { handle: string; name: string }[] }>;
};

const SAMPLE = join(ROOT, '..', 'shared', 'formats', 'samples', '区文广局-花名册.csv');
let t: TestLedger | null = null;
let electron: Stub | null = null;

/** Starts the desktop app's main process and preload against the stand-in, as Electron would run them. */
async function boot(o: { packaged?: boolean; devUrl?: string } = {}): Promise<{ e: Stub; win: InstanceType<Stub['BrowserWindow']>; ledger: Exposed; t: TestLedger }> {
  vi.resetModules();
  const e = (await import('electron')) as unknown as Stub;
  e.resetElectron();
  e.app.isPackaged = o.packaged ?? false;
  t = tempLedger();
  vi.stubEnv('LEDGER_DB', t.file);
  vi.stubEnv('ELECTRON_RENDERER_URL', o.devUrl ?? '');
  await import('../../electron/main/index');
  await vi.waitFor(() => { if (!e.BrowserWindow.created.length) throw new Error('no window yet'); }, { timeout: 10_000 });
  await import('../../electron/preload/index');
  electron = e;
  const win = e.BrowserWindow.created.find((w) => w.options.webPreferences?.preload)!;
  return { e, win, ledger: e.contextBridge.exposed.ledger as unknown as Exposed, t };
}

afterEach(async () => {
  electron?.app.emit('before-quit');
  electron = null;
  // Quitting stops the backend's worker: its backup on exit, the ledger closed, then the lock let go.
  if (t) { const lock = `${t.file}.lock`; await vi.waitFor(() => { if (existsSync(lock)) throw new Error('still held'); }, { timeout: 30_000 }); }
  t?.close();
  t = null;
  vi.unstubAllEnvs();
});

const households = (tl: TestLedger) => (tl.ctx.ledger.sqlite.prepare('select count(*) as n from households').get() as { n: number }).n;
const batches = (tl: TestLedger) => (tl.ctx.ledger.sqlite.prepare('select count(*) as n from import_batches').get() as { n: number }).n;

describe('desktop main process: the window', () => {
  it('is isolated and sandboxed, with devTools and the dev server only in development', async () => {
    const dev = await boot({ devUrl: 'http://localhost:5173/' });
    expect(dev.win.options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true,
    });
    expect(String(dev.win.options.webPreferences!.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(dev.win.loaded).toEqual({ url: 'http://localhost:5173/' });
    electron!.app.emit('before-quit');
    await vi.waitFor(() => { if (existsSync(`${t!.file}.lock`)) throw new Error('still held'); }, { timeout: 30_000 });
    t!.close(); t = null;

    const packaged = await boot({ packaged: true, devUrl: 'http://evil.example/' });
    expect(packaged.win.options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true });
    // A packaged app ignores ELECTRON_RENDERER_URL and shows only its own built page.
    expect(packaged.win.loaded?.url).toBeUndefined();
    expect(packaged.win.loaded?.file).toMatch(/renderer[\\/]index\.html$/);
  });

  it('puts the CSP on every response, the same policy the page\'s meta tag states', async () => {
    const { e } = await boot();
    const { CSP } = await import('../../electron/web');
    let headers: Record<string, string[]> | undefined;
    e.session.defaultSession.headersListener!({ responseHeaders: { 'X-Other': ['kept'] } }, (r) => { headers = r.responseHeaders; });
    expect(headers).toEqual({ 'X-Other': ['kept'], 'Content-Security-Policy': [CSP] });
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8'))![1];
    for (const directive of meta.split(';').map((d) => d.trim())) expect(CSP.split(';').map((d) => d.trim())).toContain(directive);
  });

  it('refuses navigation and new windows; web links go to the system browser, nothing else is opened', async () => {
    const { e, win } = await boot();
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      win.webContents.emit(event, { preventDefault, url: 'https://evil.example/' });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    const open = win.webContents.windowOpenHandler!;
    expect(open({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(e.shell.opened).toEqual(['https://www.gov.cn/']);
  });

  it('denies every permission, both when asked and when checked', async () => {
    const { e, win } = await boot();
    const s = e.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const cb = vi.fn();
      s.permissionRequest!(win.webContents, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.permissionCheck!(win.webContents, permission, 'file://')).toBe(false);
    }
  });
});

describe('desktop IPC: preload and main', () => {
  it('uses exactly the channels main handles', async () => {
    const { e, ledger } = await boot();
    const dropped = {};
    e.webUtils.paths.set(dropped, SAMPLE);
    ledger.onProgress(() => {})();
    await ledger.call('meta.info', {});
    await ledger.holdFile(dropped);
    await ledger.openFiles();
    await ledger.cancel('none');
    await ledger.saveFile('none', 'x.xlsx');
    expect(new Set(e.ipcRenderer.invoked)).toEqual(new Set(e.ipcMain.handlers.keys()));
    const { CHANNELS } = await import('../../electron/main/channels');
    expect(e.ipcRenderer.subscribed).toEqual([CHANNELS.progress]);
  });

  it('answers an API call from the window, and refuses one from a foreign frame or another window without running it', async () => {
    const { e, win, ledger, t } = await boot();
    const village = (t.ctx.ledger.sqlite.prepare('select id from villages limit 1').get() as { id: number }).id;
    const input = { villageId: village, head: '王芳' };
    const call = e.ipcMain.handlers.get('ledger:call')!;
    const iframe = { url: 'https://evil.example/', parent: win.webContents.mainFrame };
    const refused = await call({ sender: win.webContents, senderFrame: iframe }, 'households.create', input) as { error: { message: string } };
    expect(refused.error.message).toContain('不来自台账窗口');
    const other = new e.BrowserWindow({});
    other.webContents.mainFrame.url = win.webContents.mainFrame.url;
    expect(await call({ sender: other.webContents, senderFrame: other.webContents.mainFrame }, 'households.create', input)).toMatchObject({ error: {} });
    expect(households(t)).toBe(0);

    expect(await ledger.call('households.create', input)).toMatchObject({ result: { id: expect.any(Number) } });
    expect(households(t)).toBe(1);
  });

  it('refuses a file path from the page, a made-up handle and a file the page made itself; nothing is read or written', async () => {
    const { e, ledger, t } = await boot();
    for (const path of ['/etc/passwd', SAMPLE]) {
      const r = await ledger.call('imports.commit', { files: [{ path }] });
      expect(r.error?.message).toContain('不能按路径读取本机文件');
      expect(r.result).toBeUndefined();
    }
    const forged = await ledger.call('imports.preview', { files: [{ handle: 'A'.repeat(24) }] });
    expect(forged.error?.message).toContain('文件已失效');
    const made = await ledger.holdFile(new Blob(['序号,户主姓名\n1,王芳\n']));
    expect(made.error?.message).toContain('从磁盘选择或拖入');
    expect(households(t)).toBe(0);
    expect(batches(t)).toBe(0);
    expect(e.ipcMain.handlers.size).toBeGreaterThan(0);
  });

  it('imports a dropped file by its handle and relays the import\'s progress to the page', async () => {
    const { e, ledger, t } = await boot();
    const dropped = {};
    e.webUtils.paths.set(dropped, SAMPLE);
    const held = await ledger.holdFile(dropped);
    expect(held.result).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const seen: { task: string }[] = [];
    const stop = ledger.onProgress((p) => seen.push(p));
    const r = await ledger.call('imports.commit', { files: [{ handle: held.result }] }) as { result: { batch: number; files: { file: string; encoding: string }[] } };
    stop();
    expect(r.result.batch).toBe(1);
    expect(r.result.files[0]).toMatchObject({ file: '区文广局-花名册.csv', encoding: 'GB18030' });
    expect(households(t)).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.task === 'import')).toBe(true);
  });

  it('gives handles for the files chosen in main\'s own open dialog', async () => {
    const { e, ledger } = await boot();
    e.dialog.nextOpen = { canceled: false, filePaths: [SAMPLE] };
    const r = await ledger.openFiles();
    expect(r.result).toEqual([{ handle: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), name: '区文广局-花名册.csv' }]);
    const preview = await ledger.call('imports.preview', { files: [{ handle: r.result![0].handle }] }) as { result: { totals: { added: number } } };
    expect(preview.result.totals.added).toBeGreaterThan(0);
  });
});

describe('desktop IPC: long work and files the API wrote', () => {
  it('cancels an import from the page: the call answers 已取消 and the ledger is unchanged', async () => {
    const { e, ledger, t } = await boot();
    const dropped = {};
    e.webUtils.paths.set(dropped, SAMPLE);
    const held = await ledger.holdFile(dropped);
    const seen: { task: string; callId?: string }[] = [];
    // Cancelled at its first progress event (reading the file, which the worker awaits): nothing is written yet.
    const stop = ledger.onProgress((p) => { seen.push(p); if (seen.length === 1) void ledger.cancel('import-1'); });
    const r = await ledger.call('imports.commit', { files: [{ handle: held.result }] }, 'import-1');
    stop();
    expect(seen[0]).toMatchObject({ task: 'import', callId: 'import-1' });
    expect(r.error?.message).toContain('已取消');
    expect(households(t)).toBe(0);
    expect(batches(t)).toBe(0);
    // The same file imports when not cancelled: the cancel, not the file, stopped it.
    const again = await ledger.call('imports.commit', { files: [{ handle: held.result }] }, 'import-2');
    expect(again.result).toMatchObject({ batch: 1 });
  });

  it('saves a file the backend holds where the person chooses in main\'s save dialog, and answers false when they cancel', async () => {
    const { e, ledger, t } = await boot();
    const source = join(t.dir, '导出.csv');
    writeFileSync(source, '户主姓名\n王芳\n');
    const dropped = {};
    e.webUtils.paths.set(dropped, source);
    const handle = (await ledger.holdFile(dropped)).result!;

    e.dialog.nextSave = { canceled: true };
    expect(await ledger.saveFile(handle, '导出.csv')).toEqual({ result: false });
    expect(e.dialog.saveAsked).toEqual([expect.objectContaining({ defaultPath: '导出.csv' })]);

    const target = join(t.dir, '另存的导出.csv');
    e.dialog.nextSave = { canceled: false, filePath: target };
    expect(await ledger.saveFile(handle, '导出.csv')).toEqual({ result: true });
    expect(readFileSync(target, 'utf8')).toBe('户主姓名\n王芳\n');

    // Saved once, the handle is let go: a second save opens no dialog (the person's own file stays).
    const asked = e.dialog.saveAsked.length;
    expect((await ledger.saveFile(handle, '导出.csv')).error?.message).toContain('文件已失效');
    expect(e.dialog.saveAsked.length).toBe(asked);
    expect(readFileSync(source, 'utf8')).toBe('户主姓名\n王芳\n');

    // A handle the backend never gave opens no dialog and copies nothing.
    expect((await ledger.saveFile('A'.repeat(24), 'x.csv')).error?.message).toContain('文件已失效');
    expect(e.dialog.saveAsked.length).toBe(asked);
  });
});
