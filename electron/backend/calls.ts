import type { Ctx, ProgressEvent } from '../api/define';
import { callMethod, toWireError } from '../api/dispatch';
import type { FileHandles } from '../api/file-handles';
import type { Reply, Transport } from './protocol';

/**
 * Runs calls against one open ledger, each with its own AbortController, so that calls overlap (an
 * await inside a long import lets meta.info through) and any one can be cancelled by its id. The worker
 * and the in-process backend both run calls through this.
 */
export class Calls {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly ctx: Ctx, readonly files: FileHandles) {}

  async run(id: string, name: string, input: unknown, transport: Transport, progress: (e: ProgressEvent) => void): Promise<Reply> {
    if (this.running.has(id)) return { error: { message: `调用编号 ${id} 已在使用中，请重试`, problems: [] } };
    const controller = new AbortController();
    this.running.set(id, controller);
    try {
      const ctx: Ctx = {
        ...this.ctx, files: this.files, transport, signal: controller.signal,
        progress: (e) => progress({ ...e, callId: id }),
      };
      return { result: (await callMethod(ctx, name, input)) ?? null };
    } catch (e) {
      return { error: toWireError(e) };
    } finally {
      this.running.delete(id);
    }
  }

  cancel(id: string): void {
    this.running.get(id)?.abort();
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
