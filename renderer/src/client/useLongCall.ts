import { useCallback, useRef, useState } from 'react';
import type { LedgerClient } from '../../../electron/api/client';
import { startLong, type LongCall, type ProgressEvent } from './ledger';

/** How a long call ended when it did not answer: the person pressed 取消, or a newer call replaced it. */
export class Stopped extends Error {
  constructor(public readonly by: 'person' | 'newer') {
    super('已取消：台账未作任何改动');
  }
}

/**
 * One long call of a page at a time (import preview and commit, rollback…): its progress for
 * `WorkProgress`, 取消, and — with `replace` — a newer call cancels the one still running.
 * `run` rejects with `Stopped` when the call was cancelled, with the call's own error otherwise.
 */
export function useLongCall() {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const current = useRef<{ call: LongCall<unknown>; stopped: Stopped | null } | null>(null);

  const run = useCallback(async <T,>(first: string, work: (client: LedgerClient) => Promise<T>, o: { replace?: boolean } = {}): Promise<T> => {
    const before = current.current;
    if (before && o.replace) { before.stopped = new Stopped('newer'); void before.call.cancel(); }
    setProgress({ task: '', done: 0, total: 0, message: first });
    setCancelling(false);
    const mine = { call: startLong(work, (e) => { if (current.current === mine) setProgress(e); }) as LongCall<unknown>, stopped: null as Stopped | null };
    current.current = mine;
    try {
      return (await mine.call.result) as T;
    } catch (e) {
      throw mine.stopped ?? e;
    } finally {
      if (current.current === mine) { current.current = null; setProgress(null); setCancelling(false); }
    }
  }, []);

  const cancel = useCallback(() => {
    const c = current.current;
    if (!c) return;
    c.stopped = new Stopped('person');
    setCancelling(true);
    void c.call.cancel();
  }, []);

  return { progress, cancelling, run, cancel };
}
