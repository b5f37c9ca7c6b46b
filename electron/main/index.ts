import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { FileHandles } from '../api/file-handles';
import { openContext } from '../context';
import { bindIpc, fromOurWindow } from './ipc';
import { installMenu } from './menu';
import { electronNativeBinding } from './native';
import { bindPrinting } from './print';
import { secureSession } from './session';
import { appOrigin, createWindow, type WindowOptions } from './window';

const here = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;

app.whenReady().then(() => {
  secureSession(session.defaultSession);
  const file = process.env.LEDGER_DB ?? join(app.getPath('userData'), 'ledger.sqlite');
  let ctx;
  try {
    ctx = openContext(file, { nativeBinding: electronNativeBinding(app.getAppPath()) });
  } catch (e) {
    dialog.showErrorBox('无法打开台账', `${file}\n\n${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
    return;
  }
  const opened = ctx;
  const page: WindowOptions = {
    preload: join(here, '../preload/index.cjs'),
    file: join(here, '../renderer/index.html'),
    devUrl: process.env.ELECTRON_RENDERER_URL,
    packaged: app.isPackaged,
  };
  const origin = appOrigin(page);
  installMenu();
  bindIpc(opened, new FileHandles(), (event) => fromOurWindow(event, win, origin), () => win);
  bindPrinting();
  win = createWindow(page);
  app.on('before-quit', () => opened.ledger.close());
});

app.on('window-all-closed', () => app.quit());
