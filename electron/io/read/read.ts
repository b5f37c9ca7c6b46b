import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LIMITS } from './limits';
import { ReadRefusal, type RawWorkbook } from './types';
import type { WorkerReply } from './worker';

const here = import.meta.url;

/**
 * The reading worker. From source (CLI, tests, browser mode under tsx) it is worker.ts loaded through
 * tsx; in the built app it is parse-worker.js, a separate entry beside the main bundle.
 */
function spawn(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 48, stackSizeMb: 8 };
  if (here.endsWith('.ts')) {
    const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
    const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
    const target = new URL('./worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(target)}); })`
      + `.then(() => require('node:worker_threads').parentPort.postMessage({ ready: true }))`;
    return new Worker(boot, { eval: true, resourceLimits });
  }
  return new Worker(new URL('./parse-worker.js', here), { resourceLimits, workerData: { announce: true } });
}

type Pending = { resolve: (w: RawWorkbook) => void; reject: (e: unknown) => void };

/** One worker reused file after file; a file that kills it or runs too long gets a new one for the next. */
export class WorkbookReader {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending: Pending | null = null;

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const w = spawn();
    this.worker = w;
    this.ready = new Promise<void>((ok, fail) => {
      const onReady = (m: { ready?: boolean }) => { if (m?.ready) { w.off('message', onReady); ok(); } };
      w.on('message', onReady);
      w.once('error', fail);
    });
    w.on('message', (m: WorkerReply | { ready: true }) => {
      if ('ready' in m) return;
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      if (m.ok) p.resolve(m.workbook);
      else p.reject(new ReadRefusal(m.message, m.detail));
    });
    w.on('error', (e: Error & { code?: string }) => this.fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new ReadRefusal('文件过大或结构异常，读取时超出内存上限，已拒绝导入；请拆分文件或在 Excel、WPS 中另存为 .xlsx 后再导入', e.message)
      : new ReadRefusal('读取文件时出错，文件可能已损坏；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入', e.message)));
    w.on('exit', () => this.fail(new ReadRefusal('读取文件时读取程序意外退出，文件可能已损坏或过大；请拆分文件或另存为 .xlsx 后再导入')));
    return this.ready;
  }

  private fail(e: ReadRefusal): void {
    const p = this.pending;
    this.pending = null;
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) void w.terminate();
    p?.reject(e);
  }

  async read(bytes: Uint8Array, name: string, timeoutMs: number = LIMITS.workerTimeoutMs): Promise<RawWorkbook> {
    // Cheap refusals need no worker.
    if (bytes.length === 0) throw new ReadRefusal('文件是空的（0 字节），请让报送单位重新发送');
    await this.start();
    const copy = new Uint8Array(bytes); // transferred, so a pooled Buffer is never detached
    return await new Promise<RawWorkbook>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new ReadRefusal(`读取超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，文件可能异常（例如声明了极多的行），已停止读取`)), timeoutMs);
      this.pending = {
        resolve: (w) => { clearTimeout(timer); resolve(w); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      this.worker!.postMessage({ bytes: copy, name }, [copy.buffer]);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) { w.removeAllListeners('exit'); await w.terminate(); }
  }
}
