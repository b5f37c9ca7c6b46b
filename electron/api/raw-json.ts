/**
 * A result already written as JSON text (by SQLite's json functions): the backend worker splices it into
 * the HTTP answer as it is, so a 100,000-row page is never turned into JavaScript objects, cloned to the
 * server's thread and stringified again. Handlers return it only to the 'http' transport (see
 * `jsonFor`); `toJSON` keeps it correct wherever else it might be serialised.
 */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): unknown { return JSON.parse(this.text); }
}

/** The answer for this transport: the text as it is over HTTP, parsed for everything else. */
export function jsonFor(transport: string | undefined, text: string): unknown {
  return transport === 'http' ? new RawJson(text) : JSON.parse(text);
}
