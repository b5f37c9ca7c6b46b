import { ipcMain, type WebContents } from 'electron';
import type { Ctx } from '../api/define';
import { callMethod, toWireError } from '../api/dispatch';

/** Binds the API to IPC: every call goes through the same dispatcher as the HTTP and CLI transports. */
export function bindApi(ctx: Ctx, isOurs: (sender: WebContents) => boolean): void {
  ipcMain.handle('ledger:call', async (event, name: unknown, input: unknown) => {
    if (!isOurs(event.sender)) return { error: { message: '拒绝：调用不来自台账窗口', problems: [] } };
    const progress = (e: unknown) => { if (!event.sender.isDestroyed()) event.sender.send('ledger:progress', e); };
    try {
      return { result: (await callMethod({ ...ctx, progress, transport: 'ipc' }, String(name), input)) ?? null };
    } catch (e) {
      return { error: toWireError(e) };
    }
  });
}
