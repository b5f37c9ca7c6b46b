import { randomBytes } from 'node:crypto';
import type { ProgressEvent } from '../api/define';
import type { HeldFile } from '../api/file-handles';
import type { Reply, Transport } from './protocol';

export type CallOptions = {
  transport: Transport;
  /** The client's own id for the call: it tags the call's progress events and names it to `cancel`. */
  callId?: string;
  onProgress?: (event: ProgressEvent) => void;
  /** Aborting it cancels the call, like `cancel(callId)`. */
  signal?: AbortSignal;
};

/**
 * The ledger's backend as the transports (IPC, loopback HTTP) see it: they only relay calls, progress,
 * cancellation and files. `startBackend` runs it in a worker thread; `inProcessBackend` in the caller's
 * own thread (tests that start the web server directly).
 */
export type Backend = {
  /** Never rejects for the call's own failure: that is `{ error }` in wire shape, as the transports send it. */
  call(name: string, input: unknown, opts: CallOptions): Promise<Reply>;
  /** Aborts a running call's signal; long work stops at its next checkpoint with 已取消. Unknown ids are ignored. */
  cancel(callId: string): void;
  /** A file the person gave (a drop, main's dialog, an upload) made known under a new opaque handle. */
  hold(path: string, name: string, temporary: boolean): Promise<string>;
  /** The file behind a handle (a download the API wrote), or null for a handle it never gave or let go. */
  resolve(handle: string): Promise<HeldFile | null>;
  /** Lets go of a handle (a download delivered): it answers no more, and a temporary file is deleted. */
  drop(handle: string): void;
  /** Ends running work, backs the ledger up on the way out and closes it. */
  stop(): Promise<void>;
  /** The ledger file, and why it could not be opened (recovery mode) or null. */
  readonly file: string;
  readonly problem: string | null;
};

/** A call's id from a client: short and plain, so that it can travel in a header and a progress event. */
export const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const newCallId = (): string => randomBytes(9).toString('base64url');
