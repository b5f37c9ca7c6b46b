import type { Ctx, ProgressEvent } from '../api/define';
import { callMethod, toWireError } from '../api/dispatch';
import type { FileHandles } from '../api/file-handles';
import { RawJson } from '../api/raw-json';
import type { Reply, Transport } from './protocol';

/**
 * Runs calls against one open ledger, each with its own AbortController, so that calls overlap (an
 * await inside a long import lets meta.info through) and any one can be cancelled by its id. The worker
 * and the in-process backend both run calls through this.
 */
export class Calls {
  private readonly running = new Map<string, AbortController>();
  /** Ids cancelled before their call arrived (a cancel can overtake its call on another connection). */
  private readonly early = new Set<string>();

  constructor(private readonly ctx: Ctx, readonly files: FileHandles) {}

  async run(id: string, name: string, input: unknown, transport: Transport, progress: (e: ProgressEvent) => void): Promise<Reply> {
    if (this.running.has(id)) return { error: { message: `调用编号 ${id} 已在使用中，请重试`, problems: [] } };
    const controller = new AbortController();
    if (this.early.delete(id)) controller.abort();
    this.running.set(id, controller);
    try {
      await this.outsideTransaction();
      const ctx: Ctx = {
        ...this.ctx, files: this.files, transport, signal: controller.signal,
        progress: (e) => progress({ ...e, callId: id }),
      };
      const result = await callMethod(ctx, name, input);
      // Written as JSON already: crosses to the server's thread as one string and is sent as it is.
      if (result instanceof RawJson) return { json: `{"result":${result.text}}` };
      return { result: result ?? null };
    } catch (e) {
      return { error: toWireError(e) };
    } finally {
      this.running.delete(id);
    }
  }

  /**
   * Long writes (an import, a rollback) keep their transaction open across awaits so that progress and
   * 取消 get through. Every call shares one connection: a call taken meanwhile would read rows not yet
   * committed, and its writes would join that transaction and vanish with it on a cancel. So a call
   * arriving then waits for the transaction to end (取消 itself never waits: it is not a call).
   */
  private async outsideTransaction(): Promise<void> {
    const { ledger } = this.ctx;
    while (!ledger.problem && ledger.sqlite.inTransaction) await new Promise((ok) => setTimeout(ok, 10));
  }

  cancel(id: string): void {
    const running = this.running.get(id);
    if (running) { running.abort(); return; }
    this.early.add(id);
    // Kept few: a cancel for a call that already ended is never claimed.
    if (this.early.size > 100) this.early.delete(this.early.values().next().value as string);
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
