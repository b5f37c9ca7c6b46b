/** Periods of the report: how they are named, and the one before. Dates are `YYYY-MM-DD` text. */

const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 2014-01-01…2014-06-30 → 2014年上半年; a whole year → 2014年; anything else → 2014年3月1日至2014年5月31日. */
export function periodLabel(from: string, to: string): string {
  const y = from.slice(0, 4);
  if (to.slice(0, 4) === y) {
    const md = `${from.slice(5)}/${to.slice(5)}`;
    if (md === '01-01/06-30') return `${y}年上半年`;
    if (md === '07-01/12-31') return `${y}年下半年`;
    if (md === '01-01/12-31') return `${y}年`;
  }
  return `${cn(from)}至${cn(to)}`;
}

/**
 * The period the report compares with: the half-year (or year) before when the period is one, else
 * the same number of days just before it.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const y = Number(from.slice(0, 4));
  const md = `${from.slice(5)}/${to.slice(5)}`;
  if (to.slice(0, 4) === from.slice(0, 4)) {
    if (md === '01-01/06-30') return { from: `${y - 1}-07-01`, to: `${y - 1}-12-31` };
    if (md === '07-01/12-31') return { from: `${y}-01-01`, to: `${y}-06-30` };
    if (md === '01-01/12-31') return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
  }
  const days = (utc(to) - utc(from)) / DAY;
  const end = utc(from) - DAY;
  return { from: iso(end - days * DAY), to: iso(end) };
}
