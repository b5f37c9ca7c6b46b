import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** `markSaving()` starts a write; call what it returns when it ends, with false if nothing was saved (cancelled, refused). */
type Status = { savedAt: Date | null; saving: number; markSaving: () => (saved?: boolean) => void; changes: number };
const StatusContext = createContext<Status>({ savedAt: null, saving: 0, markSaving: () => () => {}, changes: 0 });

/** What the status bar says about writes: 保存中… while any is under way, then 已保存 with the time. */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [saving, setSaving] = useState(0);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [changes, setChanges] = useState(0);
  const markSaving = useCallback(() => {
    setSaving((n) => n + 1);
    return (saved = true) => {
      setSaving((n) => n - 1);
      if (saved) { setSavedAt(new Date()); setChanges((n) => n + 1); }
    };
  }, []);
  return <StatusContext.Provider value={{ savedAt, saving, markSaving, changes }}>{children}</StatusContext.Provider>;
}

export const useStatus = () => useContext(StatusContext);
