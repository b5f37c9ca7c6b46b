import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Lookups } from '../../../electron/api/meta';
import { ledger } from './ledger';

type LookupState = { lookups: Lookups | null; refresh: () => Promise<void> };
const LookupContext = createContext<LookupState>({ lookups: null, refresh: async () => {} });

/** Villages, groups, units, cadres and zones, loaded once and refreshed after writes that add them. */
export function LookupProvider({ children }: { children: ReactNode }) {
  const [lookups, setLookups] = useState<Lookups | null>(null);
  const refresh = useCallback(async () => setLookups(await ledger.meta.lookups({})), []);
  useEffect(() => { void refresh(); }, [refresh]);
  return <LookupContext.Provider value={{ lookups, refresh }}>{children}</LookupContext.Provider>;
}

export const useLookups = () => useContext(LookupContext);
