import type { PageCuts } from '../../../electron/api/crud';
import { pageRows, WHOLE_RANGE, type PageResult } from '../../../electron/api/page-rows';
import { ledger } from '../client/ledger';
import type { RegisterClient, RegisterDef, Row } from '../registers/types';

/** Rows of the first page: a screenful and a little more, shown before anything else loads. */
const FIRST_PAGE = 100;
/** Rows of each later page, loaded in the background (25,000 households are about 10 MB of JSON). */
export const PAGE = 25000;

/** What a grid's load has asked the ledger for: its first page, and for a register the cuts and the pages after them. */
export type Start = {
  first: Promise<{ rows: Row[]; total: number | null }>;
  cuts: Promise<PageCuts> | null;
  /** The pages after the first, asked for as soon as the first page and the cuts are here. */
  rest: Promise<Promise<PageResult>[]> | null;
};

export const firstLimitOf = (def: RegisterDef) => Math.min(def.pageSize ?? PAGE, FIRST_PAGE);
export const clientOf = (def: RegisterDef) => (ledger as unknown as Record<string, RegisterClient>)[def.area];

/**
 * Asks for a grid's rows. The read-only lists page by offset, one page after another; registers by id
 * ranges (crud.ts `page` and `pageCuts`), every page asked for at once so the ledger reads the next
 * while the grid takes in one.
 */
export function beginLoad(def: RegisterDef): Start {
  const firstLimit = firstLimitOf(def);
  const s = ((): Start => {
    if (def.list) return { first: def.list({ offset: 0, limit: firstLimit }), cuts: null, rest: null };
    const client = clientOf(def);
    const size = def.pageSize ?? PAGE;
    const first = client.page({ afterId: 0, limit: firstLimit }).then((p) => ({ rows: pageRows<Row>(p), total: p.total }));
    const cuts = client.pageCuts({ first: firstLimit, every: size });
    // Ranges after the first page: (end of one page, end of the next]; the last one is open, read on by id
    // until a short page (rows added meanwhile are read too). Asked for the moment the cuts are known, not
    // once the grid is created: the backend has read them ahead, and they travel while the grid is built.
    const rest = Promise.all([first, cuts]).then(([f, c]) => {
      if (f.rows.length < firstLimit) return [];
      const firstEnd = f.rows.at(-1)!.id;
      const ends = c.ends.filter((id) => id > firstEnd);
      const asked = [firstEnd, ...ends].map((after, i) => client.page(
        i < ends.length ? { afterId: after, untilId: ends[i], limit: WHOLE_RANGE } : { afterId: after, limit: size }));
      for (const p of asked) p.catch(() => undefined);
      return asked;
    });
    return { first, cuts, rest };
  })();
  // A failure is reported where the load awaits it, not as an unhandled rejection before that.
  s.first.catch(() => undefined);
  s.cuts?.catch(() => undefined);
  s.rest?.catch(() => undefined);
  return s;
}

/** Loads begun as the window went to a register, before its page was drawn; each is taken once, soon, or let go. */
const early = new Map<RegisterDef, Start>();
const TAKE_WITHIN_MS = 5000;

/**
 * Begins the loads of the grids about to be shown (the route has just changed to their page): their
 * requests leave now, while React still draws the window's frame and menu around them, not only once the
 * grid's own component renders.
 */
export function beginEarly(defs: RegisterDef[]): void {
  for (const def of defs) {
    const s = beginLoad(def);
    early.set(def, s);
    setTimeout(() => { if (early.get(def) === s) early.delete(def); }, TAKE_WITHIN_MS);
  }
}

/** The load begun early for `def`, if any (once). */
export function takeEarly(def: RegisterDef): Start | undefined {
  const s = early.get(def);
  early.delete(def);
  return s;
}
