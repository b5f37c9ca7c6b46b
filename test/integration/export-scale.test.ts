import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ProgressEvent } from '../../electron/api/define';
import { insertHouseholds, type BulkTotals } from '../helpers/bulk-households';
import { tempLedger, type TestLedger } from '../helpers/ledger';

/**
 * A district's scale: T2 of 100,000 households streamed to a file. The counts and sums are the
 * generator's own (it adds up what it inserts), not the exporter's.
 */
const N = 100_000;
let t: TestLedger;
let made: BulkTotals;

beforeAll(() => {
  t = tempLedger();
  // Straight SQL, past the API: the ledger's own write path would take minutes at this size.
  made = insertHouseholds(t.ctx.ledger.sqlite, N);
});
afterAll(() => t.close());

type Written = { fileName: string; bytes: number; path?: string; rows: number; sums: Record<string, number> };

describe('T2 of 100,000 households', () => {
  it('is written whole: one numbered row a household, 合计 of 家庭人口 and 劳动力 as inserted, progress up to the last row', { timeout: 300_000 }, async () => {
    const events: ProgressEvent[] = [];
    t.ctx.progress = (e) => events.push(e);
    const out = join(t.dir, 'T2.xlsx');
    const r = (await t.api.exports.sheet({ sheet: 'T2', reportDate: '2014-06-30', out })) as Written;
    t.ctx.progress = undefined;
    expect(r.rows).toBe(N);
    expect(r.path).toBe(out);
    expect(r.sums).toEqual({ size: made.size, labour: made.labour });

    // Read back with ExcelJS's streaming reader (SheetJS takes a minute over 100,000 styled rows).
    const rows = new Map<number, unknown[]>();
    let count = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(out, { styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
    for await (const ws of reader) {
      for await (const row of ws) {
        count++;
        if (row.number <= 5 || row.number >= N + 2 || row.number === 4 + N / 2) rows.set(row.number, row.values as unknown[]);
      }
    }
    // Title, 填报单位, one header row (T2 has no groups), the households from row 4, 合计, the footer.
    expect(count).toBe(3 + N + 1 + 1);
    const last = 4 + N - 1;
    expect(rows.get(4)?.[1]).toBe(1);
    expect(rows.get(last)?.[1]).toBe(N);
    const total = rows.get(last + 1)!;
    expect(total[1]).toBe('合计');
    expect(total[8]).toEqual({ formula: `SUM(H4:H${last})`, result: made.size });
    expect(total[9]).toEqual({ formula: `SUM(I4:I${last})`, result: made.labour });
    // The ID numbers stay text, whole, in every row.
    for (const row of [4, 4 + N / 2, last]) expect(rows.get(row)?.[5]).toMatch(/^620902\d{11}[\dX]$/);

    const writing = events.filter((e) => e.step === '写入');
    expect(writing.length).toBeGreaterThan(10);
    expect(writing.at(-1)).toMatchObject({ done: N, total: N });
    expect(writing.every((e, i) => i === 0 || e.done > writing[i - 1].done)).toBe(true);
  });

  /** Exports T2 to `name` in the test's folder with `progress` told each step (and how to cancel); it must end 已取消. */
  async function exportCancelled(name: string, progress: (e: ProgressEvent, cancel: () => void) => void): Promise<string> {
    const controller = new AbortController();
    t.ctx.signal = controller.signal;
    t.ctx.progress = (e) => progress(e, () => controller.abort());
    const out = join(t.dir, name);
    try {
      await expect(t.api.exports.sheet({ sheet: 'T2', out })).rejects.toThrow(/已取消/);
    } finally {
      t.ctx.signal = undefined;
      t.ctx.progress = undefined;
    }
    return out;
  }

  it('stopped by 取消 while writing leaves no file behind, not even a partial one', { timeout: 120_000 }, async () => {
    const out = await exportCancelled('cancelled.xlsx', (e, cancel) => { if (e.step === '写入' && e.done >= 10_000) cancel(); });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });

  it('stopped by 取消 while its columns are measured (排版) stops there, before any row is written, and leaves no file', { timeout: 120_000 }, async () => {
    const events: ProgressEvent[] = [];
    const out = await exportCancelled('cancelled-measuring.xlsx', (e, cancel) => {
      events.push(e);
      // As a click on 取消 comes: on a later turn of the event loop, not from inside the progress call.
      if (events.length === 1) setImmediate(cancel);
    });
    // The measuring pass told how far it got part-way, and stopped before its end: no row was written.
    expect(events[0]).toMatchObject({ step: '排版', total: N });
    expect(events[0].done).toBeGreaterThan(0);
    expect(events.every((e) => e.step === '排版' && e.done < N)).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.includes('cancelled-measuring'))).toEqual([]);
  });
});
