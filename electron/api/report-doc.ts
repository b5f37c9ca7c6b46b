import { z } from 'zod';
import { buildReport } from '../report/model';
import type { ReportDoc, VillageRow } from '../report/types';
import { LedgerError, method, type Ctx } from './define';
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
 * period, and the .docx and .xlsx (bytes as base64 on every transport; the CLI writes them to its file).
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

  docx: method(z.object({ ...period, date: isoDate.optional() }), async (ctx, { from, to, date }) => {
    const { doc } = view(ctx, from, to);
    // docx and ExcelJS load only when a file is written: the CLI starts without them.
    const { reportDocx } = await import('../report/docx');
    const buffer = await reportDocx(doc, date ?? (to < today() ? to : today()));
    return { fileName: fileSafe(`${doc.title}.docx`), base64: buffer.toString('base64') };
  }, labels),

  xlsx: method(z.object(period), async (ctx, { from, to }) => {
    const { doc } = view(ctx, from, to);
    const { reportXlsx } = await import('../report/xlsx');
    const buffer = await reportXlsx(doc);
    return { fileName: fileSafe(`${doc.title}（附表）.xlsx`), base64: buffer.toString('base64') };
  }, labels),
};
