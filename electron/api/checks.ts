import { z } from 'zod';
import { listChecks, runCheck } from '../rules/checks';
import { LedgerError, method } from './define';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2014-01-01');
const period = { from: isoDate, to: isoDate };
const labels = { check: '核查项', from: '起始日期', to: '截止日期' };

function refuseBackwards(from: string, to: string) {
  if (to < from) throw new LedgerError(`截止日期 ${to} 早于起始日期 ${from}`, [{ field: 'to', message: '截止日期早于起始日期' }]);
}

/** 核查: each check's rule and count over a period, and the records it found (electron/rules/checks). */
export const checks = {
  list: method(z.object(period), (ctx, { from, to }) => {
    refuseBackwards(from, to);
    return listChecks(ctx, { from, to });
  }, labels),

  records: method(z.object({ check: z.string().min(1).max(50), ...period }), (ctx, { check, from, to }) => {
    refuseBackwards(from, to);
    return runCheck(ctx, check, { from, to });
  }, labels),
};
