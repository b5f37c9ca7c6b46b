import type { ProgressEvent } from '../api/define';
import type { OpenOptions } from '../../db/open';

/** Which transport carries a call (file paths are taken only from direct calls, see imports.ts). */
export type Transport = 'ipc' | 'http' | 'direct';

/** A failure as every transport sends it (`toWireError`'s shape). */
export type Wire = { message: string; problems: { field: string; message: string }[] };

/**
 * What a call answers: its result, or its failure already in wire shape; or, over HTTP, the whole answer
 * already as JSON text (`{"result":…}`, a RawJson result), sent on as it is.
 */
export type Reply = { result: unknown } | { error: Wire } | { json: string };

/**
 * What only the starting thread can do, asked by the worker: in the desktop app, printing and PDF go
 * through Electron's own Chromium, which exists in main only (electron/main/print.ts).
 */
export type HostServices = {
  htmlToPdf?: (html: string) => Promise<Uint8Array>;
  print?: (html: string) => Promise<{ printed: boolean; reason?: string }>;
};
export type ServiceName = keyof HostServices;

/** What the worker is started with: only what structured clone carries (no callbacks). */
export type WorkerStart = { file: string; what: string; openOptions: Omit<OpenOptions, 'onSlow'>; services?: ServiceName[] };

/** Host → worker. `id` ties every answer to its request; a call's id is also its progress events' callId. */
export type ToWorker =
  | { type: 'call'; id: string; name: string; input: unknown; transport: Transport }
  | { type: 'cancel'; id: string }
  | { type: 'hold'; id: string; path: string; name: string; temporary: boolean }
  | { type: 'resolve'; id: string; handle: string }
  | { type: 'drop'; handle: string }
  | { type: 'stop' }
  | { type: 'answer'; id: string; value?: unknown; failed?: string };

/** Worker → host. */
export type FromWorker =
  | { type: 'ready'; file: string; problem: string | null }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: string; reply: Reply }
  | { type: 'progress'; id: string; event: ProgressEvent }
  | { type: 'log'; message: string }
  | { type: 'ask'; id: string; service: ServiceName; html: string }
  | { type: 'stopped' };
