import type { Ctx } from '../../api/define';
import { todayIso } from '../../values/dates';
import { maskIdNumber } from '../../values/idcard';
import { sheetByCode, sheetTitle, type SheetCode, type SheetColumn } from '../sheets';
import { selectSheetRows, type Selection, type SheetRow } from './select';
import { readMaskIdNumbers, readSignatories, readTownship } from './signatories';
import type { SheetHeading, WrittenSheet } from './workbook';

export type ExportRequest = Selection & {
  sheet: SheetCode;
  subtotals?: boolean;
  /** 填报时间 and 报出日期; today when not given. */
  reportDate?: string | null;
};

export type ExportResult = WrittenSheet & { fileName: string };

export function sheetHeading(ctx: Ctx, reportDate?: string | null): SheetHeading {
  const t = readTownship(ctx);
  const s = readSignatories(ctx);
  return {
    county: t.county, township: t.name,
    unit: s.unit ?? `${t.name}人民政府`,
    filledBy: s.filledBy ?? '', phone: s.phone ?? '', checkedBy: s.checkedBy ?? '', head: s.head ?? '',
    reportDate: reportDate ?? todayIso(),
  };
}

const name = (ctx: Ctx, table: 'units' | 'villages', id: number | null | undefined) =>
  id ? (ctx.ledger.sqlite.prepare(`select name from ${table} where id = ?`).get(id) as { name: string } | undefined)?.name : undefined;

/** 肃州区上坝镇双联行动帮扶户基本信息表-区统计局-东沟村-2014-01-01至2014-06-30.xlsx */
function fileName(ctx: Ctx, req: ExportRequest, heading: SheetHeading): string {
  const parts = [sheetTitle(sheetByCode(req.sheet), heading.county, heading.township)];
  if (!req.ids) {
    const unit = name(ctx, 'units', req.unitId);
    const village = name(ctx, 'villages', req.villageId);
    if (unit) parts.push(unit);
    if (village) parts.push(village);
    if (req.from || req.to) parts.push(`${req.from ?? ''}至${req.to ?? ''}`);
  }
  return parts.join('-').replace(/[\\/:*?"<>|]/g, '_') + '.xlsx';
}

/** 设置 → 隐去身份证号 covers the exported sheets as it covers the visit sheets: 620902********2758. */
function maskIds(columns: SheetColumn[], rows: SheetRow[], mask: boolean): SheetRow[] {
  if (!mask) return rows;
  const ids = columns.filter((c) => c.type === 'id').map((c) => c.key);
  for (const r of rows) for (const k of ids) if (typeof r[k] === 'string') r[k] = maskIdNumber(r[k]);
  return rows;
}

/** One district sheet as an .xlsx workbook, from the ledger's rows chosen by the request. */
export async function exportSheet(ctx: Ctx, req: ExportRequest): Promise<ExportResult> {
  const heading = sheetHeading(ctx, req.reportDate);
  const full = sheetByCode(req.sheet);
  const rows = maskIds(full.columns, selectSheetRows(ctx, req.sheet, req), readMaskIdNumbers(ctx));
  // 解除日期 appears only when an exported pairing has ended: the district's layout has no such column.
  const def = { ...full, columns: full.columns.filter((c) => !c.optional || rows.some((r) => r[c.key] !== null && r[c.key] !== undefined)) };
  const { writeSheet } = await import('./workbook'); // ExcelJS only when a sheet is written
  const written = await writeSheet(def, rows, heading, { subtotals: req.subtotals });
  return { ...written, fileName: fileName(ctx, req, heading) };
}
