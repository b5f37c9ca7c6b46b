import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { FileHandles } from '../api/file-handles';
import { startLedgerSession } from '../ledger-session';
import { bindIpc, fromOurWindow } from './ipc';
import { installMenu } from './menu';
import { electronNativeBinding } from './native';
import { bindPrinting } from './print';
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
  let ledgerSession;
  try {
    ledgerSession = startLedgerSession(file, '桌面程序', { nativeBinding: electronNativeBinding(app.getAppPath()) }, console.error);
  } catch (e) {
    dialog.showErrorBox('无法打开台账', `${file}\n\n${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
    return;
  }
  const opened = ledgerSession;
  const page: WindowOptions = {
    preload: join(here, '../preload/index.cjs'),
    file: join(here, '../renderer/index.html'),
    devUrl: process.env.ELECTRON_RENDERER_URL,
    packaged: app.isPackaged,
  };
  const origin = appOrigin(page);
  installMenu();
  bindIpc(opened.ctx, new FileHandles(), (event) => fromOurWindow(event, win, origin), () => win);
  bindPrinting();
  win = createWindow(page);
  app.on('before-quit', () => opened.stop());
});

app.on('window-all-closed', () => app.quit());
