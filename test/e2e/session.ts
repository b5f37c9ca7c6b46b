import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startWeb } from '../helpers/run';
import { launchBrowser } from './browser';

export type WebSession = { readonly db: string; readonly dir: string; url: string; browser: Browser };

/**
 * The setting of a browser-mode test file: a ledger in a temporary folder, filled by `prepare`, served
 * by `npm run web` (the real entry point), and Debian's Chromium; all of it gone after the file's tests.
 */
export function useWebSession(prefix: string, prepare: (db: string) => void | Promise<void>): WebSession {
  const dir = mkdtempSync(join(tmpdir(), `ledger-${prefix}-`));
  const session = { db: join(dir, 'ledger.sqlite'), dir, url: '', browser: undefined as unknown as Browser };
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  beforeAll(async () => {
    await prepare(session.db);
    web = await startWeb(session.db);
    session.url = web.url;
    session.browser = await launchBrowser();
  });
  // A test that times out says only that it did: what the server printed is the rest of the story.
  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(`browser-mode server's stderr:\n${web?.stderr() ?? ''}`)));
  afterAll(async () => {
    await session.browser?.close();
    await web?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return session;
}
