import type { SheetReport } from './types';
import type { Row, Writer } from './writer';

/** A T1 sheet taken as its unit's complete roster: which units it covers and which of their pairings it lists. */
export type Roster = { units: Set<number>; listed: Set<number> };

/** 填报时间：2014年6月30日 (or 2014-06-30, 2014.6.30) from the rows above the header, as 2014-06-30. */
const REPORT_DATE = /填报(?:时间|日期)[^：:]*[：:]\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})/;

export function reportDateOf(text: string): string | null {
  const m = REPORT_DATE.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** Raised when a complete roster has no 填报时间 and the clerk gave no date: nothing is written. */
export class RosterDateMissing extends Error {}

/**
 * Ends, on `date`, the open pairings of the roster's units that it no longer lists. A roster with refused
 * rows ends nothing: a refused row may be a pairing that still stands.
 */
export function endUnlisted(w: Writer, report: SheetReport, roster: Roster, date: string): void {
  if (report.errors.some((e) => e.row !== null)) {
    report.warnings.push({ row: null, column: null, code: 'roster_incomplete', message: '作为完整花名册导入，但表中有被拒绝的行，无法判断哪些结对已解除；本次未解除任何结对，请改正后重新导入' });
    return;
  }
  for (const unit of roster.units) {
    const open = w.all<Row & { cadre: string; head: string }>(
      `select p.*, c.name as cadre, h.head from pairings p join cadres c on c.id = p.cadre_id join households h on h.id = p.household_id
       where c.unit_id = ? and p.deleted_at is null and p.until is null and p.since <= ? order by c.name, h.head, p.id`, unit, date);
    for (const p of open) {
      if (roster.listed.has(p.id)) continue;
      const { cadre: _c, head: _h, ...before } = p;
      w.update('pairings', before as Row, { until: date });
      report.ended.push({ cadre: p.cadre, household: p.head, until: date });
    }
  }
}
