import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHEETS, sheetByCode, type SheetCode } from '../../electron/io/sheets';
import { cleanText } from '../../electron/values/text';
import { downloaded, withDownloads } from '../helpers/downloads';
import { importForRoundTrip } from '../helpers/import-for-round-trip';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { readDistrictSheet, type ReadValue } from '../helpers/read-sheet';

/**
 * What the ledger exports reads back to the ledger's own values. First half: every sheet of the demo
 * ledger, read by header words (not positions) and parsed with the ledger's value parsers, equals the
 * registers' rows as their list methods give them (mapped to sheet columns here, by hand). Second
 * half: imported into an empty ledger and exported again, the same rows — it needs the importer,
 * wired through importForRoundTrip.
 */
type Row = Record<string, unknown>;
let t: TestLedger;
const RANK: Record<string, string> = { leader: '科级以上领导干部', general: '一般干部' };
const CATEGORY: Record<string, string | null> = { poor: '贫困户', special: '特殊户', ordinary: null };

async function list(area: string): Promise<Row[]> {
  const api = t.api as unknown as Record<string, { list(i: object): Promise<{ rows: Row[]; total: number }> }>;
  const out: Row[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await api[area].list({ offset, limit: 5000 });
    out.push(...page.rows);
    if (out.length >= page.total || !page.rows.length) return out;
  }
}

const marks = (r: Row) => Object.fromEntries(
  ['knowFamily', 'knowEconomy', 'knowWishes', 'knowDifficulties', 'knowHealthSchool', 'careIllness', 'careDropout', 'careDisaster', 'careBereavement', 'careFestival']
    .map((k) => [k, Boolean(r[k])]));

/** The ledger's registers as the sheets' rows should read: keys and units of electron/io/sheets.ts. */
async function expectedRows(code: SheetCode): Promise<Row[]> {
  switch (code) {
    case 'T1': {
      const cadres = new Map((await list('cadres')).map((c) => [c.id, c]));
      const households = new Map((await list('households')).map((h) => [h.id, h]));
      return (await list('pairings')).map((p) => {
        const c = cadres.get(p.cadreId)!, h = households.get(p.householdId)!;
        return {
          unit: p.unitName, cadreName: c.name, cadreSex: c.sex, cadreTitle: c.title, cadreRank: RANK[c.rank as string], cadrePhone: c.phone,
          village: h.villageName, group: h.groupName, head: h.head, idNumber: h.idNumber, size: h.size,
          category: CATEGORY[h.category as string], povertyCause: h.povertyCause, since: p.since, note: p.note,
        };
      });
    }
    case 'T2':
      return (await list('households')).filter((h) => h.category !== 'ordinary' || h.cadreNames).map((h) => ({
        village: h.villageName, group: h.groupName, head: h.head, idNumber: h.idNumber, sex: h.sex, nation: h.nation, size: h.size,
        labour: h.labour, category: CATEGORY[h.category as string], povertyAttr: h.povertyAttr, povertyCause: h.povertyCause,
        income: h.incomeFen, phone: h.phone, note: h.note,
      }));
    case 'T3':
      return (await list('visits')).map((v) => ({
        date: v.date, unit: v.unitName, cadreName: v.cadreName, village: v.villageName, head: v.householdHead, idNumber: v.idNumber,
        ...marks(v), content: v.content, request: v.request, thingDone: v.thingDone, result: v.result, note: v.note,
      }));
    case 'T4':
      return (await list('aid')).map((a) => ({
        date: a.date, unit: a.unitName, village: a.villageName, group: a.groupName, head: a.householdHead, idNumber: a.idNumber,
        item: a.item, quantity: a.quantityCenti, measure: a.measure, amount: a.amountFen, handler: a.handler, note: a.note,
      }));
    case 'T5':
      return (await list('land')).map((l) => ({
        village: l.villageName, group: l.groupName, head: l.householdHead, idNumber: l.idNumber, plotName: l.plotName,
        east: l.east, south: l.south, west: l.west, north: l.north, area: l.areaCentimu, mode: l.mode, transferee: l.transferee,
        transfereeKind: l.transfereeKind, start: l.start, end: l.end, price: l.priceFen, contractNo: l.contractNo,
        contractDate: l.contractDate, use: l.use, demoSite: l.demoSite, note: l.note,
      }));
    case 'T6':
      return (await list('greenhouses')).map((g) => ({
        zone: g.zoneName, village: g.villageName, group: g.groupName, head: g.householdHead, idNumber: g.idNumber, type: g.type,
        count: g.count, area: g.areaCentimu, builtOn: g.builtOn, subsidy: g.subsidyFen, crop: g.crop, progress: g.progress, note: g.note,
      }));
    case 'T7':
      return (await list('workItems')).map((w) => ({
        date: w.date, unit: w.unitName, village: w.villageName, category: w.category, content: w.content, quantity: w.quantityCenti,
        measure: w.measure, amount: w.amountFen, result: w.result, note: w.note,
      }));
  }
}

/**
 * Rows as sorted canonical strings: the comparison ignores order, never a value. Text is compared as
 * the ledger stores what it is given (cleanText: half-width brackets), because the demo generator
 * writes its “（演示）” straight into SQL, past the API's cleaning.
 */
const canon = (rows: Record<string, unknown>[]) =>
  rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, typeof r[k] === 'string' ? cleanText(r[k]) : r[k] ?? null]))).sort();

const exported = new Map<SheetCode, Buffer>();

beforeAll(async () => {
  t = withDownloads(tempLedger());
  await t.api.meta.loadDemo({});
  for (const s of SHEETS) {
    // No period: every row of the register (T1/T2: the pairings in force today and their households).
    const r = await t.api.exports.sheet({ sheet: s.code, reportDate: '2014-06-30' });
    exported.set(s.code, downloaded(t, r));
  }
});
afterAll(() => t.close());

describe('exported sheets read back to the ledger’s values', () => {
  for (const s of SHEETS) {
    it(`${s.code} ${s.title}: every header is the table's word, every row the register's values`, async () => {
      const read = readDistrictSheet(exported.get(s.code)!, s);
      // No pairing of this ledger has ended, so T1's optional 解除日期 is not written.
      expect(read.headers).toEqual(s.columns.filter((c) => !c.optional).map((c) => c.header.replace(/\s/g, '')));
      const expected = await expectedRows(s.code);
      expect(read.rows.length).toBe(expected.length);
      expect(canon(read.rows as Record<string, ReadValue>[])).toEqual(canon(expected));
    });
  }
});

describe('exported, imported into an empty ledger, exported again: unchanged', () => {
  it('all seven sheets', async () => {
    const empty = withDownloads(tempLedger());
    try {
      await importForRoundTrip(empty.ctx, SHEETS.map((s) => ({ name: `${s.code}.xlsx`, bytes: exported.get(s.code)! })));
      for (const s of SHEETS) {
        const again = await empty.api.exports.sheet({ sheet: s.code, reportDate: '2014-06-30' });
        const before = readDistrictSheet(exported.get(s.code)!, sheetByCode(s.code)).rows;
        const after = readDistrictSheet(downloaded(empty, again), sheetByCode(s.code)).rows;
        expect(canon(after), s.code).toEqual(canon(before));
      }
    } finally {
      empty.close();
    }
  });
});
