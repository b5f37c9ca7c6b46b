import { writeFileSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import { z } from 'zod';
import { readMaskIdNumbers, readTownship } from '../io/write/signatories';
import { householdSheet, selectHouseholds, type PrintSelection, type SheetHousehold } from '../print/data';
import { currentPrinter, pdfEngine } from '../print/engine';
import { visitSheetsHtml } from '../print/visit-sheet';
import { zOptionalDate, zOptionalRef } from '../values/zod';
import { checkCancelled, LedgerError, method, type Ctx } from './define';
import { outputTarget, zOut } from './output';

/** Households at most in one batch: a whole township's paired households fit, with room. */
const MAX_BATCH = 3000;

const selection = z.object({
  householdIds: z.array(z.number().int().positive()).max(MAX_BATCH).optional(),
  villageId: zOptionalRef(),
  unitId: zOptionalRef(),
  cadreId: zOptionalRef(),
  /** The day whose pairings count; today when not given. */
  asOf: zOptionalDate().optional(),
  /** Every household with a pairing in force: the whole township (`ledger sheets --all`). */
  all: z.boolean().optional(),
});
const labels = { householdIds: '户', villageId: '村', unitId: '联系单位', cadreId: '联户干部', asOf: '结对日期', all: '全部', out: '保存位置' };

function chosen(ctx: Ctx, sel: PrintSelection) {
  const list = selectHouseholds(ctx, sel);
  if (list.length === 0) throw new LedgerError('所选范围内没有结对的户，没有可打印的走访记录表');
  if (list.length > MAX_BATCH) throw new LedgerError(`一次最多打印 ${MAX_BATCH} 户，请按村或单位分批`);
  return list;
}

/**
 * The HTML of the batch, reporting progress every 2% of the households. Between those chunks it lets
 * the event loop run, so that a 取消 sent to the backend's thread arrives, and heeds it.
 */
async function buildHtml(ctx: Ctx, sel: PrintSelection): Promise<{ html: string; count: number; first: { head: string; village: string } }> {
  const list = chosen(ctx, sel);
  const t = readTownship(ctx);
  const every = Math.max(1, Math.floor(list.length / 50));
  const sheets: SheetHousehold[] = [];
  for (const [i, h] of list.entries()) {
    if (i % every === 0) {
      await setImmediate();
      checkCancelled(ctx);
      ctx.progress?.({ task: 'visit-sheets', step: '整理', done: i, total: list.length, message: `正在整理 ${h.village} ${h.head}` });
    }
    sheets.push(householdSheet(ctx, h.id, t.name, sel.asOf ?? undefined));
  }
  const html = visitSheetsHtml(sheets, { county: t.county, township: t.name, maskIdNumbers: readMaskIdNumbers(ctx) });
  return { html, count: list.length, first: list[0] };
}

function fileName(ctx: Ctx, sel: PrintSelection, first: { head: string; village: string }): string {
  const name = (table: string, id: number | null | undefined) =>
    id ? (ctx.ledger.sqlite.prepare(`select name from ${table} where id = ?`).get(id) as { name: string } | undefined)?.name : undefined;
  const parts = ['入户走访记录表'];
  if (sel.householdIds?.length === 1) parts.push(`${first.village}${first.head}`);
  if (sel.all) parts.push('全部');
  for (const n of [name('villages', sel.villageId), name('units', sel.unitId), name('cadres', sel.cadreId)]) if (n) parts.push(n);
  return parts.join('-').replace(/[\\/:*?"<>|]/g, '_') + '.pdf';
}

/** 入户走访记录表: which households a batch holds, its preview HTML, its PDF, and printing in the desktop app. */
export const sheets = {
  households: method(selection, (ctx, sel) => {
    const list = selectHouseholds(ctx, sel);
    return { total: list.length, households: list.slice(0, MAX_BATCH) };
  }, labels),

  html: method(selection, async (ctx, sel) => {
    const { html, count } = await buildHtml(ctx, sel);
    return { html, count };
  }, labels),

  /** The batch as one PDF, written to the CLI's `out` or to a file the window downloads (see output.ts). */
  pdf: method(selection.extend({ out: zOut }), async (ctx, { out, ...sel }) => {
    const { html, count, first } = await buildHtml(ctx, sel);
    const target = outputTarget(ctx, fileName(ctx, sel, first), out);
    const say = (step: string, message: string) => ctx.progress?.({ task: 'visit-sheets', step, done: count, total: count, message });
    say('排版', `正在排版 PDF（${count} 页）…`);
    const engine = await pdfEngine();
    let pdf: Buffer;
    try {
      pdf = await engine.htmlToPdf(html, {
        signal: ctx.signal,
        onStep: (s) => { if (s === 'pdf') say('生成', `正在生成 PDF（${count} 页）…`); },
      });
    } catch (e) {
      checkCancelled(ctx); // a cancelled batch closed the browser: say 已取消, not the browser's error
      throw e;
    }
    writeFileSync(target.path, pdf);
    say('完成', '完成');
    return { ...target.written(), count, engine: engine.name };
  }, labels),

  print: method(selection, async (ctx, sel) => {
    const printer = currentPrinter();
    if (!printer) throw new LedgerError('浏览器模式不能直接调用打印机：请在预览中点“打印”，或保存 PDF 后打印');
    const { html, count } = await buildHtml(ctx, sel);
    const r = await printer.print(html);
    return { ...r, count };
  }, labels),
};
