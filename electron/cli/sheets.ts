import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LedgerError, type Ctx } from '../api/define';
import { callMethod } from '../api/dispatch';
import { parse, UsageError } from '../args';
import { openContext } from '../context';
import { parseIdNumber } from '../values/idcard';
import type { Command } from './command';
import { idByName } from './export';

/** A cadre by name, or 单位/姓名 where two units have a cadre of the same name. */
function cadreByName(ctx: Ctx, text: string): number {
  const [unit, name] = text.includes('/') ? text.split('/', 2) : [null, text];
  const rows = ctx.ledger.sqlite.prepare(
    `select c.id, u.name as unit from cadres c join units u on u.id = c.unit_id
      where c.name = ? and c.deleted_at is null and (? is null or u.name = ?)`,
  ).all(name.trim(), unit, unit) as { id: number; unit: string }[];
  if (rows.length === 0) throw new LedgerError(`台账中没有联户干部“${text}”`);
  if (rows.length > 1) throw new LedgerError(`有 ${rows.length} 位联户干部叫“${name}”（${rows.map((r) => r.unit).join('、')}），请写成 单位/姓名`);
  return rows[0].id;
}

/** A household by its ID number, or by its head's name where only one household has it. */
function householdByKey(ctx: Ctx, text: string): number {
  const id = parseIdNumber(text);
  const rows = (id.ok
    ? ctx.ledger.sqlite.prepare('select id from households where id_number = ? and deleted_at is null').all(id.value)
    : ctx.ledger.sqlite.prepare('select id from households where head = ? and deleted_at is null').all(text.trim())) as { id: number }[];
  if (rows.length === 0) throw new LedgerError(`台账中没有身份证号或户主为“${text}”的户`);
  if (rows.length > 1) throw new LedgerError(`有 ${rows.length} 户户主叫“${text}”，请改用身份证号`);
  return rows[0].id;
}

export const sheetsCommand: Command = {
  name: 'sheets',
  usage: 'sheets [--all | --village 村 | --unit 单位 | --cadre 干部 | --household 身份证号] --out 文件.pdf [--html]',
  summary: '打印入户走访记录表（每户一页 A4，PDF；--html 输出网页）',
  run: async (db, argv, o) => {
    const { values } = parse(argv, {
      out: { type: 'string' }, village: { type: 'string' }, unit: { type: 'string' }, cadre: { type: 'string' },
      household: { type: 'string', multiple: true }, html: { type: 'boolean' }, date: { type: 'string' }, all: { type: 'boolean' },
    });
    if (!values.out) throw new UsageError('请用 --out 指定要写入的 .pdf 文件');
    if (!values.all && !values.village && !values.unit && !values.cadre && !values.household?.length) {
      throw new UsageError('请用 --all、--village、--unit、--cadre 或 --household 选择要打印的户');
    }
    const ctx = openContext(db);
    if (!o.json) {
      let last = '';
      ctx.progress = (e) => {
        if (e.message && e.message !== last) { last = e.message; o.err(`[${e.done}/${e.total}] ${e.message}`); }
      };
    }
    try {
      const input = {
        villageId: values.village ? idByName(ctx, 'villages', values.village, '村') : null,
        unitId: values.unit ? idByName(ctx, 'units', values.unit, '联系单位') : null,
        cadreId: values.cadre ? cadreByName(ctx, values.cadre) : null,
        householdIds: values.household?.map((h) => householdByKey(ctx, h)),
        asOf: values.date ?? null,
        all: values.all ?? false,
      };
      const out = resolve(values.out);
      let count: number;
      if (values.html) {
        const r = await callMethod(ctx, 'sheets.html', input) as { html: string; count: number };
        writeFileSync(out, r.html, 'utf8');
        count = r.count;
      } else {
        count = (await callMethod(ctx, 'sheets.pdf', { ...input, out }) as { count: number }).count;
      }
      o.out(o.json ? JSON.stringify({ file: out, households: count }) : `已生成 ${count} 户的入户走访记录表：${out}`);
      return 0;
    } finally {
      ctx.ledger.close();
    }
  },
};
