import { callMethod } from '../api/dispatch';
import { parse, UsageError } from '../args';
import { openContext } from '../context';
import type { CheckResult } from '../rules/checks';
import { CHECKS } from '../rules/checks';
import { todayIso } from '../values/dates';
import type { Command } from './command';

/** The half-year that holds today: the default period of `ledger check`. */
function currentHalfYear(): { from: string; to: string } {
  const today = todayIso();
  const y = today.slice(0, 4);
  return today.slice(5) <= '06-30' ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'check [--from 日期 --to 日期]',
  summary: '核查：各项核查的规则、条数和记录（默认本半年）',
  run: async (db, argv, o) => {
    const { values } = parse(argv, { from: { type: 'string' }, to: { type: 'string' } });
    if (Boolean(values.from) !== Boolean(values.to)) throw new UsageError('--from 和 --to 要一起给出，例如 --from 2014-01-01 --to 2014-06-30');
    const period = values.from && values.to ? { from: values.from, to: values.to } : currentHalfYear();
    const ctx = openContext(db);
    try {
      const results: CheckResult[] = [];
      for (const c of CHECKS) results.push(await callMethod(ctx, 'checks.records', { check: c.key, ...period }) as CheckResult);
      if (o.json) {
        o.out(JSON.stringify({ period, checks: results.map((r) => ({ key: r.key, title: r.title, rule: r.rule, count: r.rows.length, rows: r.rows })) }, null, 2));
      } else {
        o.out(`核查期间：${period.from} 至 ${period.to}`);
        for (const r of results) {
          o.out(`\n${r.title}：${r.rows.length} 条\n  规则：${r.rule}`);
          for (const row of r.rows.slice(0, 20)) o.out(`  - ${r.columns.map((c) => row[c.key]).filter((v) => v !== null && v !== '').join(' ')}`);
          if (r.rows.length > 20) o.out(`  … 另有 ${r.rows.length - 20} 条（用 --json 看全部）`);
        }
      }
      return 0;
    } finally {
      ctx.ledger.close();
    }
  },
};
