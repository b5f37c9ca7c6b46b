import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { forkReader, takeEarlyReader } from './early';
import { LIMITS } from './limits';
import { ReadRefusal, type RawWorkbook } from './types';
import type { WorkerReply, WorkerRequest } from './worker';
import type { RowBatch, SheetHead } from './xlsx-stream';

const here = import.meta.url;

/**
 * The reading process. From source (CLI, tests, browser mode under tsx) it is worker.ts loaded through
 * tsx; in the built app it is parse-worker.js, a separate entry beside the main bundle (Electron's fork
 * runs it as plain Node). Its heap is capped; structured clone carries the bytes both ways.
 */
function spawn(rssMb: number): ChildProcess {
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'loader.mjs')).href;
    return forkReader(fileURLToPath(new URL('./worker.ts', here)), rssMb, ['--import', tsx]);
  }
  return forkReader(fileURLToPath(new URL('./parse-worker.js', here)), rssMb);
}

type Pending = { resolve: (w: RawWorkbook | null) => void; reject: (e: unknown) => void; stream?: SheetStream; touch: () => void };

/** Where a streamed sheet goes as it is read: its head first, then its row batches in order. */
export type SheetStream = { head: (h: SheetHead) => void; batch: (b: RowBatch) => void };

/** A file to read: its bytes, or where it lies on disk (read there by the reading process, never held whole here). */
export type ToRead = Uint8Array | { path: string };

/** The read was stopped by its caller (取消), not refused: the file may be fine. */
export class ReadAborted extends Error {}

/** One reading process reused file after file; a file that kills it or runs too long gets a new one for the next. */
export class WorkbookReader {
  private worker: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private pending: Pending | null = null;

  /** `rssMb`: the reading process's memory cap (tests set a small one). */
  constructor(private readonly rssMb: number = LIMITS.readerRssMb) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    // The command line may have started one before it loaded the rest (early.ts).
    const early = takeEarlyReader(this.rssMb);
    const w = early?.child ?? spawn(this.rssMb);
    this.worker = w;
    this.ready = new Promise<void>((ok, fail) => {
      if (early?.ready) { ok(); return; }
      const onReady = (m: { ready?: boolean }) => { if (m?.ready) { w.off('message', onReady); ok(); } };
      w.on('message', onReady);
      w.once('error', fail);
      w.once('exit', () => fail(new ReadRefusal('无法启动读取程序')));
    });
    w.on('message', (m: WorkerReply | { ready: true }) => {
      if ('ready' in m) return;
      const p = this.pending;
      if (!p) return;
      if ('head' in m || 'batch' in m) {
        p.touch();
        if ('head' in m) p.stream?.head(m.head);
        else p.stream?.batch(m.batch);
        return;
      }
      this.pending = null;
      if ('end' in m) p.resolve(null);
      else if (m.ok) p.resolve(m.workbook);
      else p.reject(new ReadRefusal(m.message, m.detail));
    });
    w.on('error', (e) => this.fail(new ReadRefusal('读取文件时出错，文件可能已损坏；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入', e.message)));
    // A heap cap reached, or a crash inside the parser: the file is refused, the ledger carries on.
    w.on('exit', (code, signal) => this.fail(new ReadRefusal('文件过大或结构异常，读取时超出了内存上限或使读取程序异常退出，已拒绝导入；请拆分文件，或在 Excel、WPS 中打开后另存为 .xlsx 再导入', `exit ${code ?? signal}`)));
    return this.ready;
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = null;
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) { w.removeAllListeners('exit'); w.kill('SIGKILL'); }
    p?.reject(e);
  }

  /**
   * Starts the reading process now, so that it boots while the caller does other work (the backup
   * before an import); a failure to start shows at the first read, as it would without this.
   */
  warm(): void {
    this.start().catch(() => {});
  }

  /**
   * Resolves once the reading process is up, after a read asked for before this call has been sent
   * to it (so the caller may block its thread meanwhile while the file is read); never rejects: a
   * failure to start shows at the read.
   */
  booted(): Promise<void> {
    return this.start().catch(() => {});
  }

  /** `signal`: aborting it stops the reading process at once; the read rejects with ReadAborted. */
  async read(file: ToRead, name: string, timeoutMs: number = LIMITS.workerTimeoutMs, signal?: AbortSignal): Promise<RawWorkbook> {
    return (await this.request(file, name, timeoutMs, signal))!;
  }

  /**
   * Like `read`, but a big one-sheet xlsx is handed to `stream` as it is read (head, then row batches;
   * resolves null at its end) while any other file resolves whole as from `read`. The reader waits
   * while BATCHES_AHEAD batches are not yet taken: call `took()` for each batch once its rows are done.
   * The time limit counts from the reader's last word, not from the start.
   */
  async readStreaming(file: ToRead, name: string, stream: SheetStream, signal?: AbortSignal, timeoutMs: number = LIMITS.workerTimeoutMs): Promise<RawWorkbook | null> {
    return await this.request(file, name, timeoutMs, signal, stream);
  }

  /** The importer has taken a streamed batch: the reader may read one more ahead. */
  took(): void {
    if (this.pending) {
      this.pending.touch();
      this.worker?.send({ ack: true } satisfies WorkerRequest);
    }
  }

  /** Stops a streamed read the importer no longer wants (a cancel, a batch that failed): it rejects with ReadAborted. */
  stop(): void {
    if (this.pending) this.fail(new ReadAborted());
  }

  private async request(file: ToRead, name: string, timeoutMs: number, signal?: AbortSignal, stream?: SheetStream): Promise<RawWorkbook | null> {
    // Cheap refusals need no worker.
    if (file instanceof Uint8Array && file.length === 0) throw new ReadRefusal('文件是空的（0 字节），请让报送单位重新发送');
    if (signal?.aborted) throw new ReadAborted();
    await this.start();
    return await new Promise<RawWorkbook | null>((resolve, reject) => {
      const late = () => this.fail(new ReadRefusal(`读取超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，文件可能异常（例如声明了极多的行），已停止读取`));
      let timer = setTimeout(late, timeoutMs);
      const onAbort = () => this.fail(new ReadAborted());
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); };
      this.pending = {
        resolve: (w) => { settle(); resolve(w); },
        reject: (e) => { settle(); reject(e); },
        stream,
        touch: () => { if (stream) { clearTimeout(timer); timer = setTimeout(late, timeoutMs); } },
      };
      const streamed = stream !== undefined;
      this.worker!.send((file instanceof Uint8Array
        ? { bytes: new Uint8Array(file.buffer, file.byteOffset, file.byteLength), name, stream: streamed }
        : { path: file.path, name, stream: streamed }) satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) { w.removeAllListeners('exit'); if (w.connected) w.disconnect(); w.kill(); }
  }
}
