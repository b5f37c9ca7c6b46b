import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumEngine, keepSandbox } from '../../electron/print/chromium';

describe('Chromium for PDFs', () => {
  it('keeps the sandbox except as root on Linux, where Chromium cannot start sandboxed', () => {
    expect(keepSandbox('linux', 1000)).toBe(true);
    expect(keepSandbox('win32', undefined)).toBe(true);
    expect(keepSandbox('darwin', 501)).toBe(true);
    expect(keepSandbox('linux', 0)).toBe(false);
  });

  it('runs no script of the page it prints, and fetches nothing', async () => {
    let requests = 0;
    const server = createServer((_req, res) => { requests++; res.end(); });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    const html = `<!doctype html><html><head><meta charset="utf-8"></head><body>
      <p id="p">入户走访记录表</p>
      <script>document.getElementById('p').textContent = 'SCRIPT RAN';</script>
      <img src="http://127.0.0.1:${port}/beacon.png" alt="">
    </body></html>`;
    const pdf = await chromiumEngine().htmlToPdf(html).finally(() => server.close());
    expect(requests).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'ledger-pdf-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), pdf);
      const text = execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('入户走访记录表');
      expect(text).not.toContain('SCRIPT RAN');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
