import type { Ctx } from '../../api/define';
import { todayIso } from '../../values/dates';
import { maskIdNumber } from '../../values/idcard';
import { sheetByCode, sheetTitle, type SheetCode } from '../sheets';
import { sheetRowIds, sheetRowsByIds, type Selection } from './select';
import { readMaskIdNumbers, readSignatories, readTownship } from './signatories';
import type { SheetHeading, SheetOutput, SheetSource, WrittenSheet } from './workbook';

export type ExportRequest = Selection & {
  sheet: SheetCode;
  subtotals?: boolean;
  /** 填报时间 and 报出日期; today when not given. */
  reportDate?: string | null;
};

export type ExportResult = WrittenSheet;

/** Rows read from the ledger a page at a time while the workbook is written. */
const PAGE = 2000;

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
export function exportFileName(ctx: Ctx, req: ExportRequest, heading: SheetHeading): string {
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

/**
 * One district sheet as an .xlsx workbook streamed to `out.path`, from the ledger's rows chosen by the
 * request: only their ids are held; the rows are read a page at a time, once to measure the columns
 * and once to write them. 设置 → 隐去身份证号 covers the exported sheets as it covers the visit sheets
 * (620902********2758).
 */
export async function exportSheet(ctx: Ctx, req: ExportRequest, heading: SheetHeading, out: SheetOutput): Promise<ExportResult> {
  const villageFirst = Boolean(req.subtotals);
  const ids = sheetRowIds(ctx, req.sheet, req, villageFirst);
  const def = sheetByCode(req.sheet);
  const mask = readMaskIdNumbers(ctx);
  const idKeys = def.columns.filter((c) => c.type === 'id').map((c) => c.key);
  const source: SheetSource = {
    total: ids.length,
    *pages() {
      for (let at = 0; at < ids.length; at += PAGE) {
        const rows = sheetRowsByIds(ctx, req.sheet, ids.slice(at, at + PAGE), villageFirst);
        if (mask) for (const r of rows) for (const k of idKeys) if (typeof r[k] === 'string') r[k] = maskIdNumber(r[k]);
        yield rows;
      }
    },
  };
  const { writeSheet } = await import('./workbook'); // ExcelJS only when a sheet is written
  return writeSheet(def, source, heading, { subtotals: req.subtotals }, out);
}
