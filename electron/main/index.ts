import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import type { Backend } from '../backend/backend';
import { startBackend } from '../backend/host';
import { bindIpc, fromOurWindow } from './ipc';
import { installMenu } from './menu';
import { electronNativeBinding } from './native';
import { electronPrinting } from './print';
import { secureSession } from './session';
import { appOrigin, createWindow, type WindowOptions } from './window';

const here = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;

// One program per machine: a second start hands over to the first window and quits.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
});

app.whenReady().then(() => {
  secureSession(session.defaultSession);
  const file = process.env.LEDGER_DB ?? join(app.getPath('userData'), 'ledger.sqlite');
  // The ledger and every call live in a worker thread: main only relays, so the window never waits on
  // it. The window opens at once; its first calls wait for the worker to have the ledger open.
  const backend: Promise<Backend> = startBackend({
    file, what: '桌面程序', openOptions: { nativeBinding: electronNativeBinding(app.getAppPath()) },
    log: console.error, services: electronPrinting(),
    onCrash: (message) => dialog.showErrorBox('台账后台出错', message),
  });
  backend.catch((e: unknown) => {
    dialog.showErrorBox('无法打开台账', `${file}\n\n${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
  });
  const page: WindowOptions = {
    preload: join(here, '../preload/index.cjs'),
    file: join(here, '../renderer/index.html'),
    devUrl: process.env.ELECTRON_RENDERER_URL,
    packaged: app.isPackaged,
  };
  const origin = appOrigin(page);
  installMenu();
  bindIpc(backend, (event) => fromOurWindow(event, win, origin), () => win);
  win = createWindow(page);
  // Quitting waits for the backend to finish: its backup on exit, the ledger closed, the lock let go.
  let stopped = false;
  app.on('before-quit', (event?: { preventDefault(): void }) => {
    if (stopped) return;
    event?.preventDefault();
    void backend.then((b) => b.stop(), () => {}).then(() => { stopped = true; app.quit(); });
  });
});

app.on('window-all-closed', () => app.quit());
