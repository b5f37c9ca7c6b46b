// The floor of the visit-sheets rows: bare Chromium (through playwright-core, as the app drives it)
// printing an HTML file to PDF, nothing else. `node test/bench/print-html.mjs in.html out.pdf`.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [html, pdf] = process.argv.slice(2);
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const browser = await chromium.launch({ executablePath, headless: true, chromiumSandbox: !(process.platform === 'linux' && process.getuid?.() === 0) });
const page = await browser.newPage();
await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 0 });
await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
await browser.close();
