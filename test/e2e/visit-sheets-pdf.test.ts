import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLedger, villageId, type TestLedger } from '../helpers/ledger';
import { ledgerCli } from '../helpers/run';

/**
 * `ledger sheets --village 新上村` on the demo ledger, read back with poppler: one A4 page per paired
 * household of the village, each holding that household's head, fonts embedded.
 */
let t: TestLedger;
let pdf: string;
let expected: { head: string; idNumber: string }[];
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

beforeAll(async () => {
  t = tempLedger();
  await t.api.meta.loadDemo({});
  // Paired today, in the village, in walking order: group, then head — worked out here in SQL.
  expected = t.ctx.ledger.sqlite.prepare(
    `select h.head, h.id_number as idNumber from households h left join village_groups g on g.id = h.group_id
      where h.village_id = ? and h.deleted_at is null and exists (select 1 from pairings p where p.household_id = h.id
        and p.deleted_at is null and (p.until is null or p.until >= date('now')))
      order by g.sort, g.id, h.head, h.id`,
  ).all(villageId(t, '新上村')) as { head: string; idNumber: string }[];
  pdf = join(t.dir, '新上村.pdf');
  const r = ledgerCli(['--db', t.file, 'sheets', '--village', '新上村', '--out', pdf]);
  expect(r.stderr).toContain('正在排版 PDF');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(`已生成 ${expected.length} 户的入户走访记录表`);
});
afterAll(() => t.close());

describe('ledger sheets --village', () => {
  it('gives one A4 page per paired household', () => {
    expect(expected.length).toBeGreaterThan(20);
    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(new RegExp(`Pages:\\s+${expected.length}\\n`));
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.abs(Number(w) - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(Number(h) - 841.9)).toBeLessThan(1.5);
  });

  it('holds on page N the head and ID number of the Nth household', () => {
    expected.forEach((hh, i) => {
      const text = run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-']);
      expect(text, `page ${i + 1}`).toContain('肃州区上坝镇双联行动入户走访记录表');
      expect(text, `page ${i + 1}`).toContain(hh.head);
      expect(text, `page ${i + 1}`).toContain(hh.idNumber);
      expect(text, `page ${i + 1}`).toContain(`第 ${i + 1} 户 / 共 ${expected.length} 户`);
    });
  });

  it('embeds every font it uses, so the page reads the same on any PC', () => {
    const rows = run('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID — "emb" is the 4th field from the right end.
    for (const row of rows) expect(row.trim().split(/\s+/).slice(-5)[0], row).toBe('yes');
  });

  it('renders a page to an image', () => {
    const png = join(t.dir, 'page');
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
    expect(statSync(`${png}.png`).size).toBeGreaterThan(10_000);
  });
});
