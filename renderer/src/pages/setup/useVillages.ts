import { App as AntApp } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { TownshipView } from '../../../../electron/api/township';
import { ledger } from '../../client/ledger';
import { useLookups } from '../../client/lookups';
import { useStatus } from '../../client/status';

/** The township's villages and groups for 设置, and each change as one call: saved, then the lists refreshed. */
export function useVillages() {
  const [view, setView] = useState<TownshipView | null>(null);
  const { refresh } = useLookups();
  const { markSaving } = useStatus();
  const { message } = AntApp.useApp();
  const load = useCallback(async () => setView(await ledger.township.get({})), []);
  useEffect(() => { void load(); }, [load]);

  const change = async (what: string, call: () => Promise<unknown>): Promise<boolean> => {
    const done = markSaving();
    try {
      await call();
      message.success(what);
      await Promise.all([load(), refresh()]);
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    } finally { done(); }
  };
  return { view, change };
}
