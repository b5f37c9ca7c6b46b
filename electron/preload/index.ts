import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS } from '../main/channels';

/**
 * The renderer's only door to the ledger: API calls (with the page's own call id, to cancel them and to
 * pick their progress events), progress events, and files. A file goes to main as the path Electron
 * knows for a File the person chose or dropped; the page gets back a handle. A file the API wrote is
 * saved by main (its save dialog, then a copy): its bytes never pass through the window.
 */
contextBridge.exposeInMainWorld('ledger', {
  call: (name: string, input: unknown, callId?: string) => ipcRenderer.invoke(CHANNELS.call, name, input, callId),
  cancel: (callId: string) => ipcRenderer.invoke(CHANNELS.cancel, callId),
  onProgress: (listener: (event: unknown) => void) => {
    const wrapped = (_e: unknown, event: unknown) => listener(event);
    ipcRenderer.on(CHANNELS.progress, wrapped);
    return () => ipcRenderer.removeListener(CHANNELS.progress, wrapped);
  },
  holdFile: (file: File) => ipcRenderer.invoke(CHANNELS.hold, webUtils.getPathForFile(file)),
  openFiles: () => ipcRenderer.invoke(CHANNELS.open),
  saveFile: (download: string, fileName: string) => ipcRenderer.invoke(CHANNELS.save, download, fileName),
});
