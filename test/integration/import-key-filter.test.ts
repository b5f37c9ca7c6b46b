import { afterAll, describe, expect, it } from 'vitest';
import { bigLandFile } from '../helpers/land-file';
import { tempLedger } from '../helpers/ledger';

/**
 * Past its first few hundred look-ups an import stops asking the ledger for contract numbers and ID
 * numbers it cannot hold (electron/io/import/key-filter.ts): what the file itself wrote earlier, and
 * what the ledger held before, must still be found.
 */
describe('a 土地流转台账 of 1,200 plots whose later rows repeat earlier contract numbers', () => {
  const t = tempLedger();
  afterAll(() => t.close());
  const CONTRACT = 17, AREA = 10;
  // Plot i is on sheet row i + 5 (title, 填报单位 and a two-row header above it); four plots a household.
  const file = bigLandFile(1200, (plots) => {
    // Another household's plot, written 300 rows earlier by this file.
    plots[1000][CONTRACT] = plots[700][CONTRACT];
    // The same household's plot of the row above, with another area.
    plots[1002][CONTRACT] = plots[1001][CONTRACT];
    plots[1002][AREA] = 7.77;
  });
  const count = (table: string) => (t.ctx.ledger.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  it('refuses both repeats as conflicts and adds every other plot and each household once; imported again, it finds them all', async () => {
    const households = count('households');
    const first = await t.api.imports.commit({ files: [{ path: file }] });
    expect(first.totals).toMatchObject({ rows: 1200, added: 1198, errors: 2 });
    const errors = first.files[0].sheets[0].errors;
    expect(errors.map((e) => [e.row, e.code])).toEqual([[1005, 'conflict'], [1007, 'conflict']]);
    expect(errors[0].message).toContain(`合同编号 SZ-000701 在台账中已登记在另一户的地块上`);
    expect(errors[1].message).toContain('本次导入中前面已有一行是同一条流转地块，但内容不同');
    expect(count('land_plots')).toBe(1198);
    expect(count('households')).toBe(households + 300);

    // Now the ledger holds every contract number: the other household's repeat is refused again; the
    // same household's, alone on its plot this time, updates it.
    const again = await t.api.imports.commit({ files: [{ path: file }] });
    expect(again.totals).toMatchObject({ rows: 1200, added: 0, updated: 1, unchanged: 1198, errors: 1 });
    expect(again.files[0].sheets[0].errors.map((e) => [e.row, e.code])).toEqual([[1005, 'conflict']]);
    expect(count('land_plots')).toBe(1198);
    expect(count('households')).toBe(households + 300);
  });
});
