import { parentPort, workerData } from 'node:worker_threads';
import { FileHandles } from '../api/file-handles';
import { setPdfEngine, setPrinter } from '../print/engine';
import { startLedgerSession, type LedgerSession } from '../ledger-session';
import { Calls } from './calls';
import type { FromWorker, ServiceName, ToWorker, WorkerStart } from './protocol';

/**
 * The backend's thread: it holds the ledger (lock, recovery mode, timed backups, the backup on exit —
 * `startLedgerSession`), the files the person gave, and runs every call. Main and the web server only
 * relay messages, so a long call never stops the window or the server from answering.
 */
const port = parentPort;
if (!port) throw new Error('backend worker: not started as a worker thread');
const post = (m: FromWorker) => port.postMessage(m);
const log = (message: string) => post({ type: 'log', message });

const start = workerData as WorkerStart;

// Services of the starting thread (the desktop app's printing and PDF), asked for by message.
const asked = new Map<string, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
let askSeq = 0;
const ask = (service: ServiceName, html: string) => new Promise<unknown>((ok, fail) => {
  const id = `a${++askSeq}`;
  asked.set(id, { ok, fail });
  post({ type: 'ask', id, service, html });
});
if (start.services?.includes('htmlToPdf')) setPdfEngine({ name: 'electron', htmlToPdf: async (html) => Buffer.from(await ask('htmlToPdf', html) as Uint8Array) });
if (start.services?.includes('print')) setPrinter({ print: (html) => ask('print', html) as Promise<{ printed: boolean; reason?: string }> });
let session: LedgerSession;
try {
  session = startLedgerSession(start.file, start.what, { ...start.openOptions, onSlow: log }, log);
} catch (e) {
  // The lock held by another program, a folder that cannot be written…: said once, then the thread ends.
  post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  process.exit(1);
}
const calls = new Calls(session.ctx, new FileHandles());

function stop(): void {
  calls.cancelAll();
  calls.files.clear();
  session.stop();
  post({ type: 'stopped' });
  // Ends this thread only (in a worker, process.exit stops the thread), even with a reader process still open.
  process.exit(0);
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'call':
      // Not awaited: the next message (meta.info, a cancel) is taken while this call awaits.
      void calls.run(m.id, m.name, m.input, m.transport, (event) => post({ type: 'progress', id: m.id, event }))
        .then((reply) => post({ type: 'reply', id: m.id, reply }));
      return;
    case 'cancel':
      calls.cancel(m.id);
      return;
    case 'hold':
      post({ type: 'reply', id: m.id, reply: { result: calls.files.add(m.path, m.name, m.temporary) } });
      return;
    case 'resolve':
      post({ type: 'reply', id: m.id, reply: { result: calls.files.get(m.handle) ?? null } });
      return;
    case 'drop':
      calls.files.drop(m.handle);
      return;
    case 'answer': {
      const a = asked.get(m.id);
      asked.delete(m.id);
      if (m.failed !== undefined) a?.fail(new Error(m.failed));
      else a?.ok(m.value);
      return;
    }
    case 'stop':
      stop();
  }
});

post({ type: 'ready', file: session.ctx.ledger.file, problem: session.ctx.ledger.problem?.message ?? null });
