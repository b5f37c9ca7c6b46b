import Database from 'better-sqlite3';

export type Swappable = { proxy: Database.Database; swap(next: Database.Database | null): void; current(): Database.Database | null };

/**
 * A stand-in for the ledger's connection that forwards to whichever connection is current. A restore
 * replaces the file and opens it anew; everything that kept the ledger object (every transport's
 * context, drizzle's session) then reaches the new connection. With none current, each use throws
 * `whenNone()` (a ledger that could not be opened says why).
 */
export function swappableConnection(initial: Database.Database | null, whenNone: () => Error): Swappable {
  let current = initial;
  const live = () => {
    if (!current) throw whenNone();
    return current;
  };
  const proxy = new Proxy(Object.create(Database.prototype) as Database.Database, {
    get(_t, prop) {
      // drizzle looks at the constructor's name when it is handed the connection, open or not.
      if (prop === 'constructor') return Database;
      const conn = live();
      const v = Reflect.get(conn, prop, conn) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(conn) : v;
    },
    set(_t, prop, value) { return Reflect.set(live(), prop, value); },
    has(_t, prop) { return current ? Reflect.has(current, prop) : false; },
  });
  return { proxy, swap: (next) => { current = next; }, current: () => current };
}
