import { useCallback, useEffect, useState } from 'react';
import { ledger } from '../../client/ledger';

/** Whether the ledger has its township (villages): null while asking; false opens the setup page. */
export function useTownshipReady(): { ready: boolean | null; recheck: () => Promise<void> } {
  const [ready, setReady] = useState<boolean | null>(null);
  const recheck = useCallback(async () => setReady(await ledger.township.ready({})), []);
  useEffect(() => { void recheck(); }, [recheck]);
  return { ready, recheck };
}
