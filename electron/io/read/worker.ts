import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { BATCHES_AHEAD } from './limits';
import { ReadRefusal, type RawWorkbook } from './types';
import { parseWorkbook, streamWorkbook } from './workbook';
import type { RowBatch, SheetHead } from './xlsx-stream';
import { inFile } from './zip';

/**
 * `stream`: a big one-sheet xlsx may be handed over as it is read (head, row batches, end) instead of
 * whole. A file on disk is given by `path` and read here, a range at a time when it is streamed.
 */
export type WorkerRequest = { bytes: Uint8Array; name: string; stream?: boolean } | { path: string; name: string; stream?: boolean } | { ack: true };
export type WorkerReply = { ok: true; workbook: RawWorkbook } | { ok: false; message: string; detail?: string }
  | { head: SheetHead } | { batch: RowBatch } | { end: true };

// SheetJS reports oddities of the files on the console ("Missing Info for XLS Record …"); the CLI's
// stdout must stay pure JSON and the clerk gets our own messages, so the reader keeps quiet.
for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = () => {};

/**
 * The reading process: one file in, the neutral workbook (or a refusal) out. It is a child process, not
 * a worker thread: V8 ends the whole process when one huge allocation fails, even inside a worker with
 * resourceLimits, so a hostile file must be parsed where dying harms nothing but the reader.
 */
/**
 * The V8 heap cap does not count buffers, inflated zip parts or native allocations. A watchdog thread
 * (it runs while the parser blocks this one) reads the process's resident memory and ends the whole
 * process past the cap given by read.ts; the importing side then refuses the file.
 */
const rssCap = Number(process.argv[2]) * 1024 * 1024;
if (rssCap > 0) {
  new Worker(`
    const { workerData } = require('node:worker_threads');
    setInterval(() => { if (process.memoryUsage.rss() > workerData) process.kill(process.pid, 'SIGKILL'); }, 20);
  `, { eval: true, workerData: rssCap }).unref();
}

let ahead = 0;
let wake: (() => void) | null = null;

/** Hands a batch over, then waits while the importer has BATCHES_AHEAD of them still to take. */
async function handOver(batch: RowBatch): Promise<void> {
  process.send!({ batch } satisfies WorkerReply);
  ahead++;
  while (ahead >= BATCHES_AHEAD) await new Promise<void>((ok) => { wake = ok; });
}

process.on('message', async (m: WorkerRequest) => {
  if ('ack' in m) {
    ahead--;
    wake?.();
    wake = null;
    return;
  }
  const { name } = m;
  let reply: WorkerReply;
  try {
    ahead = 0;
    const out = { head: (head: SheetHead) => process.send!({ head } satisfies WorkerReply), rows: handOver };
    let streamed = false;
    if ('path' in m) {
      const file = m.stream === true ? opened(m.path) : null;
      try {
        streamed = file !== null && await streamWorkbook(file, name, out);
      } finally {
        file?.close();
      }
    } else streamed = m.stream === true && await streamWorkbook(m.bytes, name, out);
    reply = streamed ? { end: true } : { ok: true, workbook: await parseWorkbook('path' in m ? readable(m.path) : m.bytes, name) };
  } catch (e) {
    reply = e instanceof ReadRefusal
      ? { ok: false, message: e.message, detail: e.detail }
      : { ok: false, message: '读取文件时出错，文件可能已损坏；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入', detail: String(e) };
  }
  process.send!(reply);
});
const UNREADABLE = (path: string) => new ReadRefusal(`无法打开文件 ${path}：文件不存在或没有读取权限`);

function opened(path: string): ReturnType<typeof inFile> {
  try { return inFile(path); } catch { throw UNREADABLE(path); }
}

function readable(path: string): Buffer {
  try { return readFileSync(path); } catch { throw UNREADABLE(path); }
}

// The importing process is gone (even killed): nothing is left to read for.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
