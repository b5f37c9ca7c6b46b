import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import type { HostServices } from '../backend/protocol';

/**
 * The desktop app prints the visit sheets with Electron's own Chromium: a hidden window loads the
 * sheets' HTML (written to a temporary file: a batch can be megabytes, too long for a data: URL) and
 * either saves it as PDF (printToPDF embeds the fonts it uses) or opens the system's print dialog.
 * The window runs no script and has no preload: the HTML is a plain page.
 */
async function withPage<T>(html: string, use: (w: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(app.getPath('temp'), 'ledger-print-'));
  const file = join(dir, 'sheets.html');
  writeFileSync(file, html, 'utf8');
  const w = new BrowserWindow({
    show: false, width: 900, height: 1200,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, spellcheck: false, devTools: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await w.loadFile(file);
    return await use(w);
  } finally {
    w.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Printing and PDF for the backend's worker, which asks main for them (electron/backend/worker.ts). */
export function electronPrinting(): Required<HostServices> {
  return {
    htmlToPdf: (html) => withPage(html, async (w) =>
      w.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })),
    print: (html) => withPage(html, (w) => new Promise((done) => {
      w.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (printed, reason) =>
        done({ printed, reason: printed ? undefined : reason }));
    })),
  };
}
