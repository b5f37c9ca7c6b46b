import type { Api } from './index';
import type { ClientOf } from './registry-types';

export type LedgerClient = ClientOf<Api>;
export type CallFn = (name: string, input: unknown) => Promise<unknown>;

/** Builds the typed client over any transport: IPC, loopback HTTP or a direct call. */
export function createClient(call: CallFn): LedgerClient {
  // Cached so that `ledger.households` is the same object on every access (React effects depend on it).
  const areas = new Map<string, object>();
  const areaProxy = (area: string) =>
    new Proxy({}, { get: (_a, name: string) => (input: unknown) => call(`${area}.${name}`, input ?? {}) });
  return new Proxy({} as LedgerClient, {
    get: (_t, area: string) => {
      let p = areas.get(area);
      if (!p) areas.set(area, (p = areaProxy(area)));
      return p;
    },
  });
}

/** The wire shape of a refusal, identical on every transport. */
export type WireError = { error: { message: string; problems: { field: string; message: string }[] } };

export class RemoteLedgerError extends Error {
  constructor(message: string, public readonly problems: { field: string; message: string }[] = []) {
    super(message);
    this.name = 'LedgerError';
  }
}
