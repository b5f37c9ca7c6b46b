import { BrowserWindow, shell } from 'electron';

export type WindowOptions = {
  preload: string;
  /** The built renderer's index.html. */
  file: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL): honoured only when not packaged. */
  devUrl?: string;
  packaged: boolean;
};

/** Where the window's page comes from: a frame elsewhere is not ours (see ipc.ts). */
export function appOrigin(o: WindowOptions): string {
  return !o.packaged && o.devUrl ? new URL(o.devUrl).origin : 'file://';
}

/** The ledger's window: isolated, sandboxed, no devtools when packaged, no way to navigate away. */
export function createWindow(o: WindowOptions): BrowserWindow {
  const w = new BrowserWindow({
    width: 1400, height: 900, minWidth: 1000, minHeight: 640, title: '双联台账', show: false,
    webPreferences: {
      preload: o.preload,
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false,
      devTools: !o.packaged,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  w.once('ready-to-show', () => w.show());
  // The window shows only the ledger: no navigation away, no new windows (web links open in the browser).
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.on('will-redirect', (e) => e.preventDefault());
  w.webContents.on('will-attach-webview', (e) => e.preventDefault());
  w.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (!o.packaged && o.devUrl) void w.loadURL(o.devUrl);
  else void w.loadFile(o.file);
  return w;
}
