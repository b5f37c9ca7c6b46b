import { existsSync } from 'node:fs';
import type { PdfEngine, PdfOptions } from './engine';

/** Chromium with nothing that reaches outside this machine. */
const ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Chromium's sandbox stays on, except where it cannot start: on Linux as root (a container, a CI
 * machine) Chromium refuses to run sandboxed at all.
 */
export function keepSandbox(platform: string = process.platform, uid: number | undefined = process.getuid?.()): boolean {
  return !(platform === 'linux' && uid === 0);
}

/**
 * Where the browser is: CHROMIUM_PATH, Debian's /usr/bin/chromium, or on an office PC the Edge or
 * Chrome that is installed (playwright-core finds them by channel; it downloads nothing).
 */
function launchOptions(): { executablePath?: string; channel?: string }[] {
  const paths = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
    .filter((p): p is string => Boolean(p) && existsSync(p as string));
  return [...paths.map((executablePath) => ({ executablePath })), { channel: 'msedge' }, { channel: 'chrome' }];
}

/**
 * Headless Chromium's PDF: A4 as the page's @page rule says, backgrounds printed. Chromium embeds the
 * fonts a PDF uses (as subsets), so the 宋体 of the sheets reads the same on any PC.
 */
export function chromiumEngine(): PdfEngine {
  return {
    name: 'chromium',
    async htmlToPdf(html: string, { signal, onStep }: PdfOptions = {}): Promise<Buffer> {
      // Loaded by name at run time: the desktop bundle uses Electron's own engine and must not bundle this.
      const moduleName = 'playwright-core';
      const { chromium } = (await import(/* @vite-ignore */ moduleName)) as typeof import('playwright-core');
      let lastError: unknown = null;
      for (const opts of launchOptions()) {
        let browser;
        try {
          browser = await chromium.launch({ ...opts, headless: true, args: ARGS, chromiumSandbox: keepSandbox() });
        } catch (e) {
          lastError = e;
          continue;
        }
        // Cancelling closes the browser: a batch of hundreds of pages stops at once, even inside page.pdf.
        const stop = () => { void browser.close(); };
        signal?.addEventListener('abort', stop, { once: true });
        try {
          signal?.throwIfAborted();
          // The sheets are plain HTML: no script of theirs runs, and nothing is fetched from anywhere.
          const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
          const page = await context.newPage();
          onStep?.('layout');
          await page.setContent(html, { waitUntil: 'load', timeout: 0 });
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          onStep?.('pdf');
          // One page.pdf for the whole batch: Chromium has no way to append to a PDF, and joining
          // several would take a PDF library; one call keeps the cost that of bare Chromium (npm run bench).
          return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
        } finally {
          signal?.removeEventListener('abort', stop);
          await browser.close();
        }
      }
      throw new Error(`找不到可用的 Chromium、Edge 或 Chrome 浏览器来生成 PDF（可用环境变量 CHROMIUM_PATH 指定）：${lastError instanceof Error ? lastError.message : String(lastError)}`);
    },
  };
}
