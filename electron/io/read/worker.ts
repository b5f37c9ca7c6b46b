import { parentPort, workerData } from 'node:worker_threads';
import { ReadRefusal, type RawWorkbook } from './types';
import { parseWorkbook } from './workbook';

export type WorkerRequest = { bytes: Uint8Array; name: string };
export type WorkerReply = { ok: true; workbook: RawWorkbook } | { ok: false; message: string; detail?: string };

// SheetJS reports oddities of the files on the console ("Missing Info for XLS Record …"); the CLI's
// stdout must stay pure JSON and the clerk gets our own messages, so the worker keeps quiet.
for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = () => {};

/** The reading worker: one file in, the neutral workbook (or a refusal) out. A hostile file can only kill this thread. */
parentPort?.on('message', ({ bytes, name }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, workbook: parseWorkbook(bytes, name) };
  } catch (e) {
    reply = e instanceof ReadRefusal
      ? { ok: false, message: e.message, detail: e.detail }
      : { ok: false, message: '读取文件时出错，文件可能已损坏；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入', detail: String(e) };
  }
  parentPort!.postMessage(reply);
});

// The built entry says it is listening itself; from source, the tsx boot code in read.ts does.
if ((workerData as { announce?: boolean } | null)?.announce) parentPort?.postMessage({ ready: true });
