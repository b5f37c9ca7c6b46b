import { z } from 'zod';
import { halfYear, pairingBoth, previousPeriod, type HalfYearReport } from '../rules/half-year';
import { figureRecords } from '../rules/records';
import { writeWhole } from '../io/write/file-out';
import { LedgerError, method } from './define';
import { outputTarget, zOut } from './output';

export type { HalfYearReport };
export { halfYear };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2014-01-01');

const figureInput = z.object({ figure: z.string().min(1).max(200), from: isoDate, to: isoDate });
const figureLabels = { figure: '数字', from: '起始日期', to: '截止日期' };

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

  /**
   * The records behind one figure (drill-down): `figure` is the figure's dotted path in halfYear's
   * output, e.g. pairing.district.cadres, aid.cashYuan, land.demoSites.<name>.mu, work.宣传.册
   * (the scheme is documented in electron/rules/records.ts).
   */
  records: method(figureInput, (ctx, { figure, from, to }) => {
    refuseBackwards(from, to);
    return figureRecords(ctx, figure, { from, to });
  }, figureLabels),

  /** The same records as an .xlsx, written to a file: the CLI's `out`, or a download for the window. */
  recordsXlsx: method(figureInput.extend({ out: zOut }), async (ctx, { figure, from, to, out }) => {
    refuseBackwards(from, to);
    const r = figureRecords(ctx, figure, { from, to });
    const title = `${r.label}（${from}至${to}）`;
    const target = outputTarget(ctx, `${title.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`, out);
    const { writeRecordSheet } = await import('../io/write/records'); // ExcelJS only when written
    await writeWhole(target.path, (path) => writeRecordSheet(path, title, r.columns, r.rows));
    return { ...target.written(), rows: r.rows.length };
  }, figureLabels),
};
