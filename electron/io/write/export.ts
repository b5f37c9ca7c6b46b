import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Ctx } from '../../api/define';
import { todayIso } from '../../values/dates';
import { maskIdNumber } from '../../values/idcard';
import { sheetByCode, sheetTitle, type SheetCode } from '../sheets';
import { openReadSnapshot } from '../../../db/read-snapshot';
import { measureColumns } from './columns';
import { sheetQuery, type Selection, type SheetRow } from './select';
import { readMaskIdNumbers, readSignatories, readTownship } from './signatories';
import type { SheetHeading, SheetOutput, SheetSource, WrittenSheet } from './workbook';

export type ExportRequest = Selection & {
  sheet: SheetCode;
  subtotals?: boolean;
  /** 填报时间 and 报出日期; today when not given. */
  reportDate?: string | null;
};

export type ExportResult = WrittenSheet;

/** Rows written between two looks at the file stream (progress, cancel, the zip catching up). */
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
 * request. Everything is read through a snapshot of its own (db/read-snapshot.ts): the columns measured
 * by one aggregate query, then the rows by one query read a page at a time between writes, both seeing
 * the ledger as committed when the export began, whatever an import does on the ledger's connection
 * meanwhile. 设置 → 隐去身份证号 covers the exported sheets as it covers the visit sheets (620902********2758).
 */
export async function exportSheet(ctx: Ctx, req: ExportRequest, heading: SheetHeading, out: SheetOutput): Promise<ExportResult> {
  const def = sheetByCode(req.sheet);
  const mask = readMaskIdNumbers(ctx);
  const snapshot = openReadSnapshot(ctx.ledger);
  try {
    // Between ranges of the measuring pass: how far it got, and a turn of the loop for a 取消 to arrive.
    const measuring = async (done: number, total: number) => {
      out.onProgress?.('排版', done, total);
      await nextTurn();
    };
    const measured = await measureColumns(snapshot.sqlite, def.columns, sheetQuery(req.sheet, req, { unordered: true }), mask, measuring);
    const rows = sheetQuery(req.sheet, req, { villageFirst: Boolean(req.subtotals) });
    const read = snapshot.sqlite.prepare(rows.sql).raw();
    const names = read.columns().map((c) => c.name);
    const index = (key: string) => names.indexOf(key);
    const idAt = def.columns.filter((c) => c.type === 'id').map((c) => index(c.key)).filter((i) => i >= 0);
    const source: SheetSource = {
      ...measured,
      index,
      *pages() {
        let page: SheetRow[] = [];
        for (const row of read.iterate(...rows.params) as IterableIterator<SheetRow>) {
          if (mask) for (const i of idAt) if (typeof row[i] === 'string') row[i] = maskIdNumber(row[i]);
          page.push(row);
          if (page.length === PAGE) {
            yield page;
            page = [];
          }
        }
        if (page.length) yield page;
      },
    };
    const { writeSheet } = await import('./workbook'); // ExcelJS only when a sheet is written
    return await writeSheet(def, source, heading, { subtotals: req.subtotals }, out);
  } finally {
    snapshot.close();
  }
}
