import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { inProcessBackend } from '../../electron/backend/in-process';
import { startWebServer, type WebServer } from '../../electron/web';
import { tempLedger, type TestLedger } from './ledger';
import { ROOT } from './run';

/** A temporary ledger served over the loopback transport for the file's tests, closed after them. */
export function useLoopback(): { readonly t: TestLedger; readonly web: WebServer } {
  const held = {} as { t: TestLedger; web: WebServer };
  beforeAll(async () => {
    held.t = tempLedger();
    held.web = await startWebServer(inProcessBackend(held.t.ctx), { staticDir: join(ROOT, 'out', 'renderer') });
  });
  afterAll(async () => { await held.web.close(); held.t.close(); });
  return held;
}
