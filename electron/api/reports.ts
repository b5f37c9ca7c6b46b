import { z } from 'zod';
import { halfYear, pairingBoth, previousPeriod, type HalfYearReport } from '../rules/half-year';
import { LedgerError, method } from './define';

export type { HalfYearReport };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2014-01-01');

/** The previous period's pairing figures, counted by the same rule as this period's. */
export type PreviousFigures = { period: { from: string; to: string }; pairing: HalfYearReport['pairing'] };

function refuseBackwards(from: string, to: string) {
  if (to < from) throw new LedgerError(`截止日期 ${to} 早于起始日期 ${from}`, [{ field: 'to', message: '截止日期早于起始日期' }]);
}

export const reports = {
  /** 半年报告的数字: pairing, aid, land, greenhouses, visits, work items and households over a period. */
  halfYear: method(z.object({
    from: isoDate,
    to: isoDate,
    /** Also the pairing figures of the period before (previousPeriod): "联户干部从341名调整为263名". */
    previous: z.boolean().optional(),
  }), (ctx, { from, to, previous }): HalfYearReport & { previous?: PreviousFigures } => {
    refuseBackwards(from, to);
    const report = halfYear(ctx, from, to);
    if (!previous) return report;
    const before = previousPeriod({ from, to });
    return { ...report, previous: { period: before, pairing: pairingBoth(ctx, before) } };
  }, { from: '起始日期', to: '截止日期' }),
};
