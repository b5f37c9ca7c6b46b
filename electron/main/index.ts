import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { startLedgerSession } from '../ledger-session';
import { CSP } from '../web';
import { bindApi } from './ipc';
import { installMenu } from './menu';
import { electronNativeBinding } from './native';
import { bindPrinting } from './print';

const here = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1400, height: 900, minWidth: 1000, minHeight: 640, title: '双联台账', show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false,
    },
  });
  w.once('ready-to-show', () => w.show());
  // The window shows only the ledger: no navigation away, no new windows (links open in the browser).
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (process.env.ELECTRON_RENDERER_URL) void w.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void w.loadFile(join(here, '../renderer/index.html'));
  return w;
}

// One program per machine: a second start hands over to the first window and quits.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
});

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
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
  installMenu();
  bindApi(opened.ctx, (sender) => sender === win?.webContents);
  bindPrinting();
  win = createWindow();
  app.on('before-quit', () => opened.stop());
});

app.on('window-all-closed', () => app.quit());
