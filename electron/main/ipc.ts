import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Ctx } from '../api/define';
import { callMethod, toWireError } from '../api/dispatch';
import type { FileHandles } from '../api/file-handles';
import { CHANNELS } from './channels';

/** A call counts only from the ledger window's own top frame, showing our own page. */
export function fromOurWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null, origin: string): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return origin === 'file://' ? frame.url.startsWith('file://') : new URL(frame.url).origin === origin;
}

const REFUSED = { error: { message: '拒绝：调用不来自台账窗口', problems: [] } };

/**
 * Binds the API to IPC (the same dispatcher as the HTTP and CLI transports) and the two ways a file
 * reaches the API from the window: main's open dialog, or a file the person chose or dropped in the
 * page (its path found by the preload through webUtils). Either way the page gets a handle, never a path.
 */
export function bindIpc(ctx: Ctx, files: FileHandles, isOurs: (event: IpcMainInvokeEvent) => boolean, window: () => BrowserWindow | null): void {
  ipcMain.handle(CHANNELS.call, async (event, name: unknown, input: unknown) => {
    if (!isOurs(event)) return REFUSED;
    const progress = (e: unknown) => { if (!event.sender.isDestroyed()) event.sender.send(CHANNELS.progress, e); };
    try {
      return { result: (await callMethod({ ...ctx, files, progress, transport: 'ipc' }, String(name), input)) ?? null };
    } catch (e) {
      return { error: toWireError(e) };
    }
  });

  ipcMain.handle(CHANNELS.hold, (event, path: unknown) => {
    if (!isOurs(event)) return REFUSED;
    // webUtils gives '' for a File the page made itself: only files from the disk have a path.
    if (typeof path !== 'string' || !path) return { error: { message: '只能导入从磁盘选择或拖入的文件', problems: [] } };
    try {
      if (!statSync(path).isFile()) return { error: { message: `${basename(path)} 不是普通文件，无法导入`, problems: [] } };
    } catch {
      return { error: { message: `无法打开文件 ${basename(path)}`, problems: [] } };
    }
    return { result: files.add(path, basename(path)) };
  });

  ipcMain.handle(CHANNELS.open, async (event) => {
    const win = window();
    if (!isOurs(event) || !win) return REFUSED;
    const r = await dialog.showOpenDialog(win, {
      title: '选择要导入的表格', properties: ['openFile', 'multiSelections'],
      filters: [{ name: '表格', extensions: ['xlsx', 'xlsm', 'xls', 'et', 'csv', 'ods', 'fods', 'txt'] }],
    });
    return { result: r.canceled ? [] : r.filePaths.map((p) => ({ handle: files.add(p, basename(p)), name: basename(p) })) };
  });
}
