import { contextBridge, ipcRenderer } from 'electron';

/** The renderer's only door to the ledger: one call function and progress events, nothing else. */
contextBridge.exposeInMainWorld('ledger', {
  call: (name: string, input: unknown) => ipcRenderer.invoke('ledger:call', name, input),
  onProgress: (listener: (event: unknown) => void) => {
    const wrapped = (_e: unknown, event: unknown) => listener(event);
    ipcRenderer.on('ledger:progress', wrapped);
    return () => ipcRenderer.removeListener('ledger:progress', wrapped);
  },
});
