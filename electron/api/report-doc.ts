import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { buildReport } from '../report/model';
import type { ReportDoc, VillageRow } from '../report/types';
import { writeWhole } from '../io/write/file-out';
import { LedgerError, method, type Ctx } from './define';
import { outputTarget, zOut } from './output';
import type { HalfYearReport } from './reports';
import { readClerkText, reportInput, writeClerkText } from './report-data';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2014-01-01');
const period = { from: isoDate, to: isoDate };
const labels = { from: '起始日期', to: '截止日期', problems: '存在问题', plans: '下一步打算' };

function checked(from: string, to: string): void {
  if (to < from) throw new LedgerError(`截止日期 ${to} 早于起始日期 ${from}`, [{ field: 'to', message: '截止日期早于起始日期' }]);
}

export type ReportView = { doc: ReportDoc; figures: HalfYearReport; previous: HalfYearReport; villages: VillageRow[] };

function view(ctx: Ctx, from: string, to: string): ReportView {
  checked(from, to);
  const input = reportInput(ctx, from, to);
  return { doc: buildReport(input), figures: input.figures, previous: input.previous, villages: input.villages };
}

const today = () => new Date().toISOString().slice(0, 10);
const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

/**
 * 半年报告 as a document: its sentences and tables written from the ledger, the clerk's own text per
 * period, and the .docx and .xlsx (files: a download handle for the window, the CLI's `out` path).
 */
export const reportDoc = {
  get: method(z.object(period), (ctx, { from, to }) => view(ctx, from, to), labels),

  /** 存在问题 and 下一步打算 of one period, as the clerk wrote them (one paragraph a line). */
  saveText: method(z.object({
    ...period,
    problems: z.string().max(20000, '存在问题不应超过 20000 字'),
    plans: z.string().max(20000, '下一步打算不应超过 20000 字'),
  }), (ctx, { from, to, problems, plans }) => {
    checked(from, to);
    writeClerkText(ctx, from, to, { problems, plans });
    return readClerkText(ctx, from, to);
  }, labels),

  docx: method(z.object({ ...period, date: isoDate.optional(), out: zOut }), async (ctx, { from, to, date, out }) => {
    const { doc } = view(ctx, from, to);
    const target = outputTarget(ctx, fileSafe(`${doc.title}.docx`), out);
    // docx and ExcelJS load only when a file is written: the CLI starts without them.
    const { reportDocx } = await import('../report/docx');
    const buffer = await reportDocx(doc, date ?? (to < today() ? to : today()));
    await writeWhole(target.path, (path) => writeFile(path, buffer));
    return target.written();
  }, labels),

  xlsx: method(z.object({ ...period, out: zOut }), async (ctx, { from, to, out }) => {
    const { doc } = view(ctx, from, to);
    const target = outputTarget(ctx, fileSafe(`${doc.title}（附表）.xlsx`), out);
    const { reportXlsx } = await import('../report/xlsx');
    const buffer = await reportXlsx(doc);
    await writeWhole(target.path, (path) => writeFile(path, buffer));
    return target.written();
  }, labels),
};
