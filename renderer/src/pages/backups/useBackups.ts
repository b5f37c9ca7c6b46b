import { useCallback, useEffect, useState } from 'react';
import type { BackupRow } from '../../../../electron/api/backups';
import { ledger } from '../../client/ledger';

/** This ledger's backups, loaded and reloadable, and the folder they are in. */
export function useBackups() {
  const [rows, setRows] = useState<BackupRow[] | null>(null);
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const r = await ledger.backups.list({});
      setRows(r.rows);
      setFolder(r.folder);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
      setRows([]);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);
  return { rows, folder, error, load };
}

export const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Restores a backup and reloads the window: every page then reads the restored ledger. */
export async function restoreAndReload(name: string): Promise<void> {
  await ledger.backups.restore({ name });
  location.reload();
}
