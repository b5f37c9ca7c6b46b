import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigHouseholdSheet } from '../helpers/generate';
import { ledgerCli, ROOT } from '../helpers/run';

/** The Electron binary is fetched from outside npm on first use; machines without that access lack it. */
function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();
const nativeBuilt = existsSync(join(ROOT, '.native'));
if (!binary) {
  process.stdout.write('Electron launch tests skipped: no Electron binary on this machine (node_modules/electron/dist is missing; it downloads on first `npm start` where the network allows).\n');
}

describe('desktop app', () => {
  it.skipIf(!binary || !nativeBuilt)('opens the window with the households register through IPC', async () => {
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({
      executablePath: binary!, args: [join(ROOT, 'out', 'main', 'index.js')],
      env: { ...process.env, LEDGER_DB: join(ROOT, '.tmp', 'electron-test.sqlite') },
    });
    const win = await app.firstWindow();
    await win.evaluate(() => { location.hash = '#/registers/households'; });
    await expect.poll(() => win.locator('.ag-header-cell-text').allTextContents()).toContain('户主姓名');
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
  it.skipIf(!binary || !nativeBuilt)('answers meta.info through IPC while a 20,000-row import runs in the backend worker', async () => {
    const { _electron } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'ledger-electron-'));
    const db = join(dir, 'ledger.sqlite');
    expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
    const app = await _electron.launch({ executablePath: binary!, args: [join(ROOT, 'out', 'main', 'index.js')], env: { ...process.env, LEDGER_DB: db } });
    try {
      const win = await app.firstWindow();
      // Through the preload's bridge, as the page calls it: the import's first progress event comes as it
      // starts reading (awaited in the worker); meta.info, sent then, must answer before the import does.
      const order = await win.evaluate(async (base64) => {
        type Reply = { result?: unknown; error?: { message: string } };
        type Bridge = { call(n: string, i: unknown, id?: string): Promise<Reply>; onProgress(l: (e: { callId?: string }) => void): () => void };
        const bridge = (window as unknown as { ledger: Bridge }).ledger;
        const seen: string[] = [];
        const started = new Promise<void>((ok) => {
          const off = bridge.onProgress((e) => { if (e.callId === 'big-import') { off(); ok(); } });
        });
        const importing = bridge.call('imports.commit', { files: [{ name: '上坝镇帮扶户.xlsx', base64 }] }, 'big-import')
          .then((r) => { seen.push(r.error ? `import: ${r.error.message}` : 'import'); });
        await started;
        const info = await bridge.call('meta.info', {});
        seen.push(info.error ? `meta.info: ${info.error.message}` : 'meta.info');
        await importing;
        return seen;
      }, bigHouseholdSheet(20_000).toString('base64'));
      expect(order).toEqual(['meta.info', 'import']);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
