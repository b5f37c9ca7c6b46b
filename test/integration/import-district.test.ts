import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigLandSheet } from '../helpers/generate';
import { tempLedger, type TestLedger } from '../helpers/ledger';

const N = 100_000;
let t: TestLedger;
beforeAll(() => { t = tempLedger(); });
afterAll(() => t.close());

describe('a district-size register', () => {
  it('a 100,000-plot 土地流转台账 (refused by the old 100,000-row limit) imports whole, every plot in the ledger', async () => {
    const bytes = bigLandSheet(N);
    const r = await t.api.imports.commit({ files: [{ name: '上坝镇机关-土地流转台账.xlsx', base64: bytes.toString('base64') }], previewRows: 0 });
    expect(r.files[0].error).toBeUndefined();
    expect(r.totals).toMatchObject({ rows: N, added: N, errors: 0 });
    // Through the API, as the 土地流转 page counts them; each plot's household came with it (four plots a household).
    expect((await t.api.land.list({ limit: 1 })).total).toBe(N);
    expect((await t.api.households.list({ limit: 1 })).total).toBe(N / 4);
    const last = (await t.api.land.list({ search: 'SZ-100000', limit: 5 })).rows;
    expect(last.map((p) => [p.contractNo, p.householdHead, p.areaCentimu])).toEqual([['SZ-100000', '户主25000', 590]]);
  }, 30 * 60_000);
});
