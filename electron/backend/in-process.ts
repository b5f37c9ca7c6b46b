import type { Ctx } from '../api/define';
import { FileHandles } from '../api/file-handles';
import { newCallId, type Backend } from './backend';
import { Calls } from './calls';

/**
 * The backend in the caller's own thread, over a ledger the caller opened and keeps (tests that start
 * the web server directly). `stop` lets go of the files it holds, not of the ledger.
 */
export function inProcessBackend(ctx: Ctx): Backend {
  const calls = new Calls(ctx, new FileHandles());
  return {
    file: ctx.ledger.file,
    problem: ctx.ledger.problem?.message ?? null,
    call: (name, input, o) => {
      const id = o.callId ?? newCallId();
      o.signal?.addEventListener('abort', () => calls.cancel(id), { once: true });
      return calls.run(id, name, input, o.transport, (e) => o.onProgress?.(e));
    },
    cancel: (id) => calls.cancel(id),
    hold: async (path, name, temporary) => calls.files.add(path, name, temporary),
    resolve: async (handle) => calls.files.get(handle) ?? null,
    drop: (handle) => calls.files.drop(handle),
    stop: async () => { calls.cancelAll(); calls.files.clear(); },
  };
}
