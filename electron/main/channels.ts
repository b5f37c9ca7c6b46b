/** The IPC channels between preload and main: the only doors the window has. */
export const CHANNELS = {
  /** invoke(name, input) → { result } | { error }: one API call. */
  call: 'ledger:call',
  /** main → window: progress of long work. */
  progress: 'ledger:progress',
  /** invoke(path from webUtils) → handle: a file the person chose or dropped in the page. */
  hold: 'ledger:hold-file',
  /** invoke() → [{ handle, name }]: main's own open dialog. */
  open: 'ledger:open-files',
} as const;
