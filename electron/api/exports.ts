import { z } from 'zod';
import { exportFileName, exportSheet, sheetHeading, type ExportRequest } from '../io/write/export';
import { writeWhole } from '../io/write/file-out';
import type { ExportStep } from '../io/write/workbook';
import { SHEET_REGISTER } from '../io/write/select';
import type { SheetCode } from '../io/sheets';
import { zOptionalDate, zOptionalRef } from '../values/zod';
import { aid } from './aid';
import { listInput } from './crud';
import { checkCancelled, LedgerError, method, type Ctx } from './define';
import { greenhouses } from './greenhouses';
import { households } from './households';
import { land } from './land';
import { outputTarget, zOut } from './output';
import { pairings } from './pairings';
import { requireUnit, requireVillage } from './refs';
import { visits } from './visits';
import { workItems } from './work';

/** An optional date that may also be left out of the input altogether. */
const optDate = () => zOptionalDate().optional();

const zSheet = z.enum(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'], { error: '表格应为 T1 至 T7 之一' });

const common = {
  sheet: zSheet,
  /** 小计 rows by village. */
  subtotals: z.boolean().default(false),
  /** 填报时间 / 报出日期; today when empty. */
  reportDate: optDate(),
  /** Where to write the file (CLI and direct calls only; a window gets a download). */
  out: zOut,
};
const labels = { out: '保存位置', sheet: '表格', unitId: '联系单位', villageId: '村', from: '起始日期', to: '截止日期', reportDate: '填报时间', ids: '记录' };

/**
 * Streams the sheet to the CLI's `out` path or to a temporary file the window's transport delivers,
 * reporting each page (排版, then 写入) and stopping at the person's 取消 (no file is left behind).
 */
async function writeExport(ctx: Ctx, req: ExportRequest, out: string | undefined) {
  const heading = sheetHeading(ctx, req.reportDate);
  const target = outputTarget(ctx, exportFileName(ctx, req, heading), out);
  const onProgress = (step: ExportStep, done: number, total: number) => {
    checkCancelled(ctx);
    ctx.progress?.({ task: 'export', step, done, total, message: `${step === '排版' ? '正在排版' : '正在写入'}（${done}/${total} 行）` });
  };
  const r = await writeWhole(target.path, (path) => exportSheet(ctx, req, heading, { path, onProgress }));
  return { ...target.written(), rows: r.rows, sums: r.sums, sumsPer: r.sumsPer };
}

const REGISTERS = { pairings, households, visits, aid, land, greenhouses, workItems };

/** The register rows a grid shows with these filters and quick search, in pages as the grid reads them. */
function gridIds(ctx: Ctx, sheet: SheetCode, filters: z.input<typeof listInput>['filters'], search: string | undefined): number[] {
  const list = REGISTERS[SHEET_REGISTER[sheet]].list;
  const ids: number[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = list.handler(ctx, listInput.parse({ offset, limit: 5000, filters, search })) as { rows: { id: number }[]; total: number };
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length === 0 || ids.length >= page.total) return ids;
  }
}

/** Named so that no bundler's CommonJS `exports` is shadowed; registered as the area `exports`. */
export const exportsArea = {
  /**
   * One of the seven sheets, chosen by unit, village and period (rules in electron/io/write/select.ts),
   * as an .xlsx in the district's layout.
   */
  sheet: method(z.object({
    ...common,
    unitId: zOptionalRef(),
    villageId: zOptionalRef(),
    from: optDate(),
    to: optDate(),
  }), async (ctx, i) => {
    if (i.unitId) requireUnit(ctx, i.unitId);
    if (i.villageId) requireVillage(ctx, i.villageId);
    if (i.from && i.to && i.to < i.from) throw new LedgerError(`截止日期 ${i.to} 早于起始日期 ${i.from}`, [{ field: 'to', message: '截止日期早于起始日期' }]);
    return writeExport(ctx, i as ExportRequest, i.out);
  }, labels),

  /**
   * What a filtered grid shows, in the same layout: the register's own filters and quick search
   * (as its list method takes them) and/or the explicit row ids; both given means rows meeting both.
   */
  grid: method(z.object({
    ...common,
    ids: z.array(z.number().int().positive()).max(200000).optional(),
    filters: listInput.shape.filters,
    search: listInput.shape.search,
  }), async (ctx, i) => {
    let ids = i.ids;
    if (i.filters || i.search || !ids) {
      const shown = gridIds(ctx, i.sheet, i.filters, i.search);
      const wanted = ids ? new Set(ids) : null;
      ids = wanted ? shown.filter((id) => wanted.has(id)) : shown;
    }
    return writeExport(ctx, { sheet: i.sheet, ids, subtotals: i.subtotals, reportDate: i.reportDate }, i.out);
  }, labels),
};
