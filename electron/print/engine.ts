/**
 * The PDF engine and the printer behind one small interface, so the desktop app (Electron's
 * printToPDF and print dialog, set by electron/main/print.ts) and browser mode / the CLI (Chromium
 * through playwright-core) share the same HTML templates.
 */
export type PdfEngine = { name: string; htmlToPdf(html: string, opts?: PdfOptions): Promise<Buffer> };
/**
 * `signal` stops the work (the browser is closed, the call rejects); `onStep` hears where a long batch is:
 * laying the pages out, then writing the PDF.
 */
export type PdfOptions = { signal?: AbortSignal; onStep?: (step: 'layout' | 'pdf') => void };
export type Printer = { print(html: string): Promise<{ printed: boolean; reason?: string }> };

let engine: PdfEngine | null = null;
let printer: Printer | null = null;

export function setPdfEngine(e: PdfEngine | null): void {
  engine = e;
}

export function setPrinter(p: Printer | null): void {
  printer = p;
}

/** The desktop app's engine when it set one, else headless Chromium (loaded only when needed). */
export async function pdfEngine(): Promise<PdfEngine> {
  if (engine) return engine;
  const { chromiumEngine } = await import('./chromium');
  return chromiumEngine();
}

/** Only the desktop app can open the system's print dialog; browser mode prints from its preview. */
export function currentPrinter(): Printer | null {
  return printer;
}
