import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigHouseholdSheet } from '../helpers/generate';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { startWeb } from '../helpers/run';

/**
 * Browser mode's server (the built `npm run web`) with the backend in its worker thread, driven over HTTP
 * as the page drives it: a 20,000-row import, progress over the event stream, meta.info meanwhile, 取消.
 */
const ROWS = 20_000;
let t: TestLedger;
let web: Awaited<ReturnType<typeof startWeb>>;
let base = '';
let token = '';

beforeAll(async () => {
  t = tempLedger();
  // The ledger is the server's from here on: this connection lets go of it (the folder stays).
  t.ctx.ledger.close();
  web = await startWeb(t.file);
  const url = new URL(web.url);
  base = url.origin;
  token = url.searchParams.get('token')!;
});
afterAll(async () => {
  await web?.stop();
  rmSync(t.dir, { recursive: true, force: true });
});

type Reply = { result?: unknown; error?: { message: string } };
type Progress = { task: string; done: number; total: number; callId?: string; message?: string };

const headers = (h: Record<string, string> = {}) => ({ 'content-type': 'application/json', 'x-ledger-token': token, ...h });
async function call(name: string, input: unknown, callId?: string): Promise<Reply> {
  const res = await fetch(`${base}/api/${name}`, { method: 'POST', headers: headers(callId ? { 'x-call-id': callId } : {}), body: JSON.stringify(input) });
  return (await res.json()) as Reply;
}

async function upload(name: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${base}/api/upload`, {
    method: 'POST', body: new Uint8Array(bytes),
    headers: { 'content-type': 'application/octet-stream', 'x-ledger-token': token, 'x-file-name': encodeURIComponent(name) },
  });
  return ((await res.json()) as { result: { handle: string } }).result.handle;
}

/** The server's event stream, as the page's EventSource reads it: every event of `callId`, in order. */
async function watch(callId: string, onEvent: (e: Progress) => void): Promise<() => void> {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: { 'x-ledger-token': token }, signal: abort.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
      if (done) return;
      buffer += value;
      const cut = buffer.lastIndexOf('\n\n');
      if (cut < 0) continue;
      for (const m of buffer.slice(0, cut).matchAll(/^data: (.*)$/gm)) {
        const event = JSON.parse(m[1]) as Progress;
        if (event.callId === callId) onEvent(event);
      }
      buffer = buffer.slice(cut + 2);
    }
  })();
  return () => abort.abort();
}

/** Resolves at the first event of `callId` that `pick` accepts. */
function eventWhere(events: Progress[], wake: { fn: () => void }, pick: (e: Progress) => boolean): Promise<Progress> {
  return new Promise((ok) => {
    const check = () => { const e = events.find(pick); if (e) ok(e); };
    const before = wake.fn;
    wake.fn = () => { before(); check(); };
    check();
  });
}

const counts = async () => {
  const info = (await call('meta.info', {})).result as { counts: { households: number } };
  const batches = (await call('imports.batches', {})).result as { total: number };
  const history = (await call('audit.list', {})).result as { total: number };
  return { households: info.counts.households, batches: batches.total, history: history.total };
};

describe('browser mode: the backend in a worker thread', () => {
  let handle = '';
  beforeAll(async () => { handle = await upload('上坝镇帮扶户.xlsx', bigHouseholdSheet(ROWS)); });

  it('a cancelled import answers 已取消 and writes nothing: households, batches and history unchanged', async () => {
    const before = await counts();
    const events: Progress[] = [];
    const wake = { fn: () => {} };
    const close = await watch('cancel-me', (e) => { events.push(e); wake.fn(); });
    const importing = call('imports.commit', { files: [{ handle }] }, 'cancel-me');
    // Cancelled at its first progress event (reading the file, which the worker awaits).
    await eventWhere(events, wake, () => true);
    expect((await call('cancel', { callId: 'cancel-me' })).error).toBeUndefined();
    const answer = await importing;
    close();
    expect(answer.error?.message).toContain('已取消');
    expect(answer.result).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('answers while a 20,000-row import runs: meta.info during its reading, the page during its writing', async () => {
    const order: string[] = [];
    const events: Progress[] = [];
    const wake = { fn: () => {} };
    const close = await watch('big-import', (e) => { events.push(e); wake.fn(); });
    const importing = call('imports.commit', { files: [{ handle }] }, 'big-import').then((r) => { order.push('import'); return r; });

    // 1. The import's first event comes as it starts reading the workbook, which the worker awaits (the
    //    reading runs in its own process): meta.info, sent then, is answered within that await.
    const first = await eventWhere(events, wake, () => true);
    expect(first).toMatchObject({ task: 'import', callId: 'big-import' });
    const info = await call('meta.info', {});
    order.push('meta.info');

    // 2. Row events come from inside the write transaction: a ledger call sent now waits for it to end
    //    (electron/backend/calls.ts: it must not read or join uncommitted rows), but the server's own
    //    thread is free and serves the page (what a browser reloading the window asks for) before the
    //    import answers. With the backend in the server's thread, the page would come after the import
    //    wherever the import runs a synchronous stretch.
    await eventWhere(events, wake, (e) => e.total === ROWS && e.done > 0 && e.done < ROWS);
    const page = await fetch(`${base}/`);
    order.push(`page ${page.status}`);

    const imported = await importing;
    close();
    expect(order).toEqual(['meta.info', 'page 200', 'import']);
    // meta.info saw the ledger as it was before the import: nothing was written yet.
    expect(info.result).toMatchObject({ counts: { households: 0 } });
    expect(imported.result).toMatchObject({ batch: expect.any(Number), totals: { added: ROWS, errors: 0 } });
    expect((await counts()).households).toBe(ROWS);
  });
});
