import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { callMethod } from '../api/dispatch';
import { LedgerError, type Ctx } from '../api/define';
import { parse, UsageError } from '../args';
import { openContext } from '../context';
import { SHEETS } from '../io/sheets';
import type { Command } from './command';

/** A unit, village or cadre named on the command line, as the ledger's id; an unknown name is refused. */
export function idByName(ctx: Ctx, table: 'units' | 'villages', name: string, what: string): number {
  const deleted = table === 'units' ? 'and deleted_at is null' : '';
  const row = ctx.ledger.sqlite.prepare(`select id from ${table} where name = ? ${deleted}`).get(name.trim()) as { id: number } | undefined;
  if (!row) {
    const known = (ctx.ledger.sqlite.prepare(`select name from ${table} where 1 ${deleted} order by id`).all() as { name: string }[]).map((r) => r.name);
    throw new LedgerError(`台账中没有${what}“${name}”。已有的${what}：${known.join('、')}`);
  }
  return row.id;
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'export T1…T7 --out 文件.xlsx [--unit 单位] [--village 村] [--from 日期 --to 日期] [--subtotals] [--date 填报日期]',
  summary: '按区里的格式导出七张表之一（Excel）',
  run: async (db, argv, o) => {
    const { values, positionals } = parse(argv, {
      out: { type: 'string' }, unit: { type: 'string' }, village: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, subtotals: { type: 'boolean' }, date: { type: 'string' },
    });
    const sheet = (positionals[0] ?? '').toUpperCase();
    if (!SHEETS.some((s) => s.code === sheet)) {
      throw new UsageError(`请指定要导出的表：${SHEETS.map((s) => `${s.code} ${s.title}`).join('；')}`);
    }
    if (!values.out) throw new UsageError('请用 --out 指定要写入的 .xlsx 文件');
    const out = resolve(values.out);
    if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(`保存位置的文件夹不存在：${dirname(out)}；请先建好文件夹或换一个位置`);
    const ctx = openContext(db);
    try {
      const input = {
        sheet,
        unitId: values.unit ? idByName(ctx, 'units', values.unit, '联系单位') : null,
        villageId: values.village ? idByName(ctx, 'villages', values.village, '村') : null,
        from: values.from ?? null, to: values.to ?? null,
        subtotals: Boolean(values.subtotals), reportDate: values.date ?? null,
        // The workbook is streamed straight into this file; nothing of it passes through here.
        out,
      };
      const r = await callMethod(ctx, 'exports.sheet', input) as { rows: number; sums: Record<string, number> };
      o.out(o.json ? JSON.stringify({ file: out, rows: r.rows, sums: r.sums }) : `已导出 ${r.rows} 行：${out}`);
      return 0;
    } finally {
      ctx.ledger.close();
    }
  },
};
