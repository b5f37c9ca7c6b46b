import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS } from '../main/channels';

/**
 * The renderer's only door to the ledger: API calls, progress events, and files. A file goes to main
 * as the path Electron knows for a File the person chose or dropped; the page gets back a handle.
 */
contextBridge.exposeInMainWorld('ledger', {
  call: (name: string, input: unknown) => ipcRenderer.invoke(CHANNELS.call, name, input),
  onProgress: (listener: (event: unknown) => void) => {
    const wrapped = (_e: unknown, event: unknown) => listener(event);
    ipcRenderer.on(CHANNELS.progress, wrapped);
    return () => ipcRenderer.removeListener(CHANNELS.progress, wrapped);
  },
  holdFile: (file: File) => ipcRenderer.invoke(CHANNELS.hold, webUtils.getPathForFile(file)),
  openFiles: () => ipcRenderer.invoke(CHANNELS.open),
});
