/**
 * A stand-in for the `electron` module (vitest aliases `electron` here in the unit project): enough of
 * app, BrowserWindow, session, ipcMain/ipcRenderer, contextBridge, webUtils, dialog, shell and Menu for
 * electron/main and electron/preload to run in plain Node, recording what they call. ipcRenderer.invoke
 * reaches ipcMain's handler with the window's own top frame as sender, and webContents.send reaches
 * ipcRenderer's listeners, so a preload call goes the whole way through main.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
export type Frame = { url: string; parent: Frame | null };

export class WebContents extends EventEmitter {
  mainFrame: Frame = { url: '', parent: null };
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) { this.windowOpenHandler = h; }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
    for (const l of ipcRenderer.listeners.get(channel) ?? []) l({ sender: this }, ...args);
  }
  isDestroyed() { return this.destroyed; }
  printToPDF() { return Promise.resolve(Buffer.from('%PDF-stub')); }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents = new WebContents();
  loaded: { url?: string; file?: string } | null = null;
  constructor(public options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL(url: string) { this.loaded = { url }; this.webContents.mainFrame.url = url; return Promise.resolve(); }
  loadFile(file: string) { this.loaded = { file }; this.webContents.mainFrame.url = pathToFileURL(file).href; return Promise.resolve(); }
  show() {}
  focus() {}
  restore() {}
  isMinimized() { return false; }
  destroy() { this.webContents.destroyed = true; }
  isDestroyed() { return this.webContents.destroyed; }
}

const appEvents = new EventEmitter();
export const app = {
  isPackaged: false,
  userData: mkdtempSync(join(tmpdir(), 'electron-stub-')),
  exited: null as number | null,
  whenReady: () => Promise.resolve(),
  getPath: (_name: string) => app.userData,
  getAppPath: () => join(app.userData, 'app'),
  getVersion: () => '0.0.0-stub',
  requestSingleInstanceLock: () => true,
  on: (event: string, fn: (...a: unknown[]) => void) => { appEvents.on(event, fn); return app; },
  once: (event: string, fn: (...a: unknown[]) => void) => { appEvents.once(event, fn); return app; },
  emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
  quit: () => { appEvents.emit('before-quit', { preventDefault() {} }); },
  exit: (code = 0) => { app.exited = code; },
};

type HeadersListener = (d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void;
type PermissionRequest = (wc: unknown, permission: string, cb: (ok: boolean) => void, details?: unknown) => void;
type PermissionCheck = (wc: unknown, permission: string, origin: string, details?: unknown) => boolean;
class SessionStub {
  headersListener: HeadersListener | null = null;
  permissionRequest: PermissionRequest | null = null;
  permissionCheck: PermissionCheck | null = null;
  webRequest = { onHeadersReceived: (l: HeadersListener) => { this.headersListener = l; } };
  setPermissionRequestHandler(h: PermissionRequest) { this.permissionRequest = h; }
  setPermissionCheckHandler(h: PermissionCheck) { this.permissionCheck = h; }
}
export const session = { defaultSession: new SessionStub() };

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, fn: Handler) {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, fn);
  },
  on() {},
};

/** The event a call from the window's own page carries (the last window made). */
export function ownEvent(): { sender: WebContents; senderFrame: Frame } {
  const w = BrowserWindow.created.find((x) => x.options.webPreferences?.preload);
  if (!w) throw new Error('no window yet');
  return { sender: w.webContents, senderFrame: w.webContents.mainFrame };
}

export const ipcRenderer = {
  invoked: [] as string[],
  subscribed: [] as string[],
  listeners: new Map<string, ((e: unknown, ...a: unknown[]) => void)[]>(),
  async invoke(channel: string, ...args: unknown[]) {
    ipcRenderer.invoked.push(channel);
    const h = ipcMain.handlers.get(channel);
    if (!h) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
    return await h(ownEvent(), ...args);
  },
  on(channel: string, l: (e: unknown, ...a: unknown[]) => void) {
    ipcRenderer.subscribed.push(channel);
    ipcRenderer.listeners.set(channel, [...(ipcRenderer.listeners.get(channel) ?? []), l]);
  },
  removeListener(channel: string, l: (e: unknown, ...a: unknown[]) => void) {
    ipcRenderer.listeners.set(channel, (ipcRenderer.listeners.get(channel) ?? []).filter((x) => x !== l));
  },
};

export const contextBridge = {
  exposed: {} as Record<string, Record<string, (...a: never[]) => unknown>>,
  exposeInMainWorld(key: string, api: Record<string, (...a: never[]) => unknown>) { contextBridge.exposed[key] = api; },
};

/** Electron knows a path only for a File from the disk (chosen or dropped); a File the page made has none. */
export const webUtils = {
  paths: new WeakMap<object, string>(),
  getPathForFile: (file: object) => webUtils.paths.get(file) ?? '',
};

export const dialog = {
  nextOpen: { canceled: true, filePaths: [] as string[] },
  errors: [] as string[],
  nextSave: { canceled: true, filePath: '' } as { canceled: boolean; filePath?: string },
  saveAsked: [] as { defaultPath?: string }[],
  showOpenDialog: async () => dialog.nextOpen,
  showSaveDialog: async (_win: unknown, o: { defaultPath?: string }) => { dialog.saveAsked.push(o); return dialog.nextSave; },
  showErrorBox: (title: string, text: string) => { dialog.errors.push(`${title}: ${text}`); },
  showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
  showMessageBoxSync: () => 0,
};

export const shell = { opened: [] as string[], openExternal: async (url: string) => { shell.opened.push(url); } };

export const Menu = {
  current: null as unknown,
  buildFromTemplate: (t: unknown) => t,
  setApplicationMenu: (m: unknown) => { Menu.current = m; },
};

/** Back to a fresh Electron: no windows, handlers, listeners or records. */
export function resetElectron(): void {
  BrowserWindow.created = [];
  appEvents.removeAllListeners();
  app.isPackaged = false;
  app.exited = null;
  const s = session.defaultSession;
  s.headersListener = null; s.permissionRequest = null; s.permissionCheck = null;
  ipcMain.handlers.clear();
  ipcRenderer.invoked = []; ipcRenderer.subscribed = []; ipcRenderer.listeners.clear();
  contextBridge.exposed = {};
  dialog.nextOpen = { canceled: true, filePaths: [] }; dialog.errors = [];
  dialog.nextSave = { canceled: true, filePath: '' }; dialog.saveAsked = [];
  shell.opened = [];
  Menu.current = null;
}

export default { app, BrowserWindow, session, ipcMain, ipcRenderer, contextBridge, webUtils, dialog, shell, Menu };
