/** The IPC channels between preload and main: the only doors the window has. */
export const CHANNELS = {
  /** invoke(name, input, callId?) → { result } | { error }: one API call, relayed to the backend. */
  call: 'ledger:call',
  /** main → window: progress of long work, each event tagged with its call's id. */
  progress: 'ledger:progress',
  /** invoke(callId): the call stops at its next checkpoint and answers 已取消. */
  cancel: 'ledger:cancel',
  /** invoke(path from webUtils) → handle: a file the person chose or dropped in the page. */
  hold: 'ledger:hold-file',
  /** invoke() → [{ handle, name }]: main's own open dialog. */
  open: 'ledger:open-files',
  /** invoke(download handle, file name) → true | false (cancelled): main's save dialog, then a copy. */
  save: 'ledger:save-file',
} as const;
