import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/api/dispatch';
import { FileHandles } from '../../electron/api/file-handles';
import type { Written } from '../../electron/api/output';
import { builder } from '../helpers/build';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { ledgerCli } from '../helpers/run';

/**
 * `ledger sheets --all`: one PDF holding every household with a pairing in force, in walking order
 * (village, group, head). The small ledger below has, by hand: 营尔村 张三 and 李四 and 新上村 王五 paired
 * today; 营尔村 赵六 paired until 2014-06-30 (ended), 新上村 孙七 never paired, 新上村 周八 paired but
 * deleted. So 3 pages: 新上村 first in the township's order (seeds/base: 新上村 … 营尔村), then 营尔村; within a
 * village by head as SQLite
 * orders text (code points: 张 U+5F20 before 李 U+674E).
 */
let t: TestLedger;
const pdfText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  t = tempLedger();
  const b = builder(t);
  const unit = await b.unit('区统计局');
  const cadre = await b.cadre(unit, '何丽芳');
  for (const head of ['张三', '李四']) await b.pair(cadre, await b.household('营尔村', head));
  await b.pair(cadre, await b.household('新上村', '王五'));
  await b.pair(cadre, await b.household('营尔村', '赵六'), '2014-01-01', '2014-06-30');
  await b.household('新上村', '孙七');
  const gone = await b.household('新上村', '周八');
  await b.pair(cadre, gone);
  await t.api.households.delete({ ids: [gone] });
});
afterAll(() => t.close());

describe('ledger sheets --all', () => {
  it('prints one page for each household paired today, the whole township in one PDF', () => {
    const pdf = join(t.dir, '全部.pdf');
    const r = ledgerCli(['--db', t.file, 'sheets', '--all', '--out', pdf]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已生成 3 户的入户走访记录表');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
    ['王五', '张三', '李四'].forEach((head, i) => {
      const text = pdfText(pdf, i + 1).replace(/\s+/g, '');
      expect(text, `page ${i + 1}`).toContain(head);
      expect(text, `page ${i + 1}`).toContain(`第${i + 1}户/共3户`);
    });
    const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const head of ['赵六', '孙七', '周八']) expect(all).not.toContain(head);
  });

  it('without --all or another choice, says how to choose', () => {
    const r = ledgerCli(['--db', t.file, 'sheets', '--out', join(t.dir, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--all');
  });

  it('in a window the PDF becomes a download handle, named for the batch', async () => {
    const files = new FileHandles();
    const r = await callMethod({ ...t.ctx, transport: 'http', files }, 'sheets.pdf', { all: true }) as Written & { count: number };
    expect(r).toMatchObject({ fileName: '入户走访记录表-全部.pdf', count: 3 });
    const held = files.get(r.download!)!;
    expect(held.name).toBe('入户走访记录表-全部.pdf');
    expect(execFileSync('pdfinfo', [held.path], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
    expect(r.bytes).toBe(statSync(held.path).size);
    files.clear();
  });

  // 取消 pressed while the households are gathered, or while Chromium lays the pages out.
  it.each(['整理', '排版'])('a batch cancelled at step %s stops with 已取消 and writes no file', async (at) => {
    const out = join(t.dir, `cancelled-${at}.pdf`);
    const controller = new AbortController();
    const steps: string[] = [];
    const ctx = {
      ...t.ctx,
      signal: controller.signal,
      progress: (e: { step?: string }) => { steps.push(e.step ?? ''); if (e.step === at) controller.abort(); },
    };
    await expect(callMethod(ctx, 'sheets.pdf', { all: true, out })).rejects.toMatchObject({ name: 'Cancelled', message: expect.stringContaining('已取消') });
    expect(steps).toContain(at);
    expect(steps).not.toContain('完成');
    expect(existsSync(out)).toBe(false);
  });
});
