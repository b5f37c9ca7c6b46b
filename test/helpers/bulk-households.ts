import type Database from 'better-sqlite3';
import { checkChar } from '../../electron/values/idcard';

/** What the generator put in, counted as it went: what a T2 export of these households must total. */
export type BulkTotals = { households: number; size: number; labour: number; incomeFen: number };

/**
 * `n` households of 贫困户/特殊户 spread over the ledger's villages and groups, inserted with one
 * prepared statement in one transaction (straight SQL, past the API: fast enough for 100,000 rows in a
 * test). Every one belongs in T2 (T2 takes every 贫困户 and 特殊户). Values are varied and valid: an ID
 * number unique to the row, names of two or three characters, a phone number, some empty cells.
 */
export function insertHouseholds(sqlite: Database.Database, n: number): BulkTotals {
  const groups = sqlite.prepare(
    'select g.village_id as villageId, g.id as groupId from village_groups g join villages v on v.id = g.village_id order by v.sort, v.id, g.sort, g.id',
  ).all() as { villageId: number; groupId: number }[];
  if (!groups.length) throw new Error('insertHouseholds needs a ledger with villages and groups (tempLedger)');
  const insert = sqlite.prepare(`insert into households
    (village_id, group_id, head, id_number, sex, nation, size, labour, category, poverty_attr, poverty_cause, income_fen, phone, note)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const surnames = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
  const given = '建国明华丽芳秀英军伟强磊洋勇艳杰娟涛超兰霞平刚桂';
  const causes = ['缺技术', '缺资金', '因病', '因残', '因学', '缺劳力', null];
  const totals: BulkTotals = { households: 0, size: 0, labour: 0, incomeFen: 0 };
  const base = Date.UTC(1940, 0, 1);
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const g = groups[i % groups.length];
      // Unique per row: the birth day walks forward one day a row, the sequence cycles.
      const birth = new Date(base + (i % 18000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
      const seq = Math.floor(i / 18000) * 10 + (i % 2 ? 1 : 2);
      const first17 = `620902${birth}${String(seq).padStart(3, '0')}`;
      const head = surnames[i % surnames.length] + given[(i * 7) % given.length] + (i % 3 ? given[(i * 11) % given.length] : '');
      const size = 1 + (i % 7);
      const labour = i % 4;
      const income = i % 10 === 9 ? null : 150_000 + (i % 997) * 100;
      insert.run(g.villageId, g.groupId, head, first17 + checkChar(first17), i % 2 ? '男' : '女', i % 13 ? '汉族' : '回族',
        size, labour, i % 5 ? 'poor' : 'special', i % 5 ? '一般贫困户' : null, causes[i % causes.length], income,
        i % 6 ? `139${String(i).padStart(8, '0')}` : null, i % 50 ? null : '已核实');
      totals.households++;
      totals.size += size;
      totals.labour += labour;
      totals.incomeFen += income ?? 0;
    }
  })();
  return totals;
}
