import type { PageCuts } from '../../../electron/api/crud';
import { pageRows, WHOLE_RANGE, type PageResult } from '../../../electron/api/page-rows';
import { ledger } from '../client/ledger';
import type { RegisterClient, RegisterDef, Row } from '../registers/types';

/** Rows of the first page: a screenful and a little more, shown before anything else loads. */
const FIRST_PAGE = 100;
/** Rows of each later page, loaded in the background (25,000 households are about 10 MB of JSON). */
export const PAGE = 25000;

/** What a grid's load has asked the ledger for: its first page, and for a register the count and the pages after the first. */
export type Start = {
  first: Promise<{ rows: Row[]; total: number | null }>;
  /** The register's count and where its pages would end (only the count is used: the footer's 共 N 条 while loading). */
  cuts: Promise<PageCuts> | null;
  /** The pages after the first, asked for the moment the first page is here. */
  rest: Promise<Promise<PageResult>[]> | null;
};

export const firstLimitOf = (def: RegisterDef) => Math.min(def.pageSize ?? PAGE, FIRST_PAGE);
export const clientOf = (def: RegisterDef) => (ledger as unknown as Record<string, RegisterClient>)[def.area];

/**
 * Asks for a grid's rows. The read-only lists page by offset, one page after another; registers by id
 * ranges (crud.ts `page`), every page asked for at once so the ledger reads the next while the grid takes
 * in one.
 */
export function beginLoad(def: RegisterDef): Start {
  const firstLimit = firstLimitOf(def);
  const s = ((): Start => {
    if (def.list) return { first: def.list({ offset: 0, limit: firstLimit }), cuts: null, rest: null };
    const client = clientOf(def);
    const size = def.pageSize ?? PAGE;
    const page = client.page({ afterId: 0, limit: firstLimit, lastId: true });
    const first = page.then((p) => ({ rows: pageRows<Row>(p), total: p.total }));
    const cuts = client.pageCuts({ first: firstLimit, every: size });
    // The ids after the first page, up to the largest one there is, in ranges of `size` ids: (end of one,
    // end of the next]; the last one is open, read on by id until a short page (rows added meanwhile are
    // read too). Asked for the moment the first page is here, in the same turn, before the window goes on
    // to create the grid (which holds its thread for a few hundred ms): the ledger reads them and they
    // travel meanwhile. Where ids were deleted a range holds fewer rows; none is skipped or repeated.
    const rest = Promise.all([page, first]).then(([p, f]) => {
      if (f.rows.length < firstLimit) return [];
      const firstEnd = f.rows.at(-1)!.id;
      const ends: number[] = [];
      for (let end = firstEnd + size; end < (p.lastId ?? 0); end += size) ends.push(end);
      const asked = [firstEnd, ...ends].map((after, i) => client.page(
        i < ends.length ? { afterId: after, untilId: ends[i], limit: WHOLE_RANGE } : { afterId: after, limit: size }));
      for (const q of asked) q.catch(() => undefined);
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
