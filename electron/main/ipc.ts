import { copyFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CALL_ID, type Backend } from '../backend/backend';
import { CHANNELS } from './channels';

/** A call counts only from the ledger window's own top frame, showing our own page. */
export function fromOurWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null, origin: string): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return origin === 'file://' ? frame.url.startsWith('file://') : new URL(frame.url).origin === origin;
}

const REFUSED = { error: { message: '拒绝：调用不来自台账窗口', problems: [] } };
const refusal = (message: string) => ({ error: { message, problems: [] } });

/**
 * Binds the API to IPC. Main only relays: every call runs in the backend's worker thread (the same
 * dispatcher as the HTTP and CLI transports), so the window repaints and answers while one runs.
 * Files reach the API from main's open dialog or as a file the person chose or dropped in the page
 * (its path found by the preload through webUtils); either way the page gets a handle, never a path.
 * A file the API wrote reaches the disk through main's save dialog. `started` is the backend being
 * started: a call made before it has the ledger open waits for it.
 */
export function bindIpc(started: Promise<Backend>, isOurs: (event: IpcMainInvokeEvent) => boolean, window: () => BrowserWindow | null): void {
  ipcMain.handle(CHANNELS.call, async (event, name: unknown, input: unknown, callId: unknown) => {
    if (!isOurs(event)) return REFUSED;
    if (callId !== undefined && (typeof callId !== 'string' || !CALL_ID.test(callId))) return refusal('调用编号无效');
    const onProgress = (e: unknown) => { if (!event.sender.isDestroyed()) event.sender.send(CHANNELS.progress, e); };
    return await (await started).call(String(name), input, { transport: 'ipc', callId, onProgress });
  });

  ipcMain.handle(CHANNELS.cancel, async (event, callId: unknown) => {
    if (!isOurs(event)) return REFUSED;
    if (typeof callId !== 'string' || !CALL_ID.test(callId)) return refusal('调用编号无效');
    (await started).cancel(callId);
    return { result: null };
  });

  ipcMain.handle(CHANNELS.hold, async (event, path: unknown) => {
    if (!isOurs(event)) return REFUSED;
    // webUtils gives '' for a File the page made itself: only files from the disk have a path.
    if (typeof path !== 'string' || !path) return refusal('只能导入从磁盘选择或拖入的文件');
    try {
      if (!(await stat(path)).isFile()) return refusal(`${basename(path)} 不是普通文件，无法导入`);
    } catch {
      return refusal(`无法打开文件 ${basename(path)}`);
    }
    return { result: await (await started).hold(path, basename(path), false) };
  });

  ipcMain.handle(CHANNELS.open, async (event) => {
    const win = window();
    if (!isOurs(event) || !win) return REFUSED;
    const r = await dialog.showOpenDialog(win, {
      title: '选择要导入的表格', properties: ['openFile', 'multiSelections'],
      filters: [{ name: '表格', extensions: ['xlsx', 'xlsm', 'xls', 'et', 'csv', 'ods', 'fods', 'txt'] }],
    });
    if (r.canceled) return { result: [] };
    const backend = await started;
    return { result: await Promise.all(r.filePaths.map(async (p) => ({ handle: await backend.hold(p, basename(p), false), name: basename(p) }))) };
  });

  ipcMain.handle(CHANNELS.save, async (event, download: unknown, fileName: unknown) => {
    const win = window();
    if (!isOurs(event) || !win) return REFUSED;
    if (typeof download !== 'string') return refusal('文件已失效，请重新导出');
    // The page names only a handle; the file and its name come from the backend, never a path from the page.
    const backend = await started;
    const file = await backend.resolve(download);
    if (!file) return refusal('文件已失效，请重新导出');
    const suggested = typeof fileName === 'string' && fileName ? basename(fileName) : file.name;
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1];
    const r = await dialog.showSaveDialog(win, {
      title: '保存文件', defaultPath: suggested,
      filters: ext ? [{ name: `.${ext} 文件`, extensions: [ext] }, { name: '所有文件', extensions: ['*'] }] : [],
    });
    if (r.canceled || !r.filePath) return { result: false };
    try {
      // A copy on disk: memory stays flat however big the file, nothing passes through the window.
      await copyFile(file.path, r.filePath);
    } catch (e) {
      return refusal(`无法保存到 ${r.filePath}：${(e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EPERM' ? '没有写入权限，请换一个位置' : (e as Error).message}`);
    }
    // Saved once, as browser mode's download link is used once: the temporary file goes now rather than
    // staying in the temp folder until exit.
    backend.drop(download);
    return { result: true };
  });
}
