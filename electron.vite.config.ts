import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main and preload are bundled for Electron; the renderer is a plain web app so that the very same
// build also runs in a browser over the loopback transport (browser mode and the end-to-end tests).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The workbook reader runs in a worker thread: its own entry, beside index.js (electron/io/read/read.ts).
        // The backend (ledger and every call) runs in a worker thread too (electron/backend/host.ts).
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'parse-worker': resolve(__dirname, 'electron/io/read/worker.ts'),
          'backend-worker': resolve(__dirname, 'electron/backend/worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
