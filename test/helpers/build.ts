import { villageId, type TestLedger } from './ledger';

/**
 * Small hand-built ledgers for rule tests: each call adds one record through the API (so every
 * validation and audit applies) and returns its id. Dates default to the first half of 2014.
 */
export function builder(t: TestLedger) {
  const id = (r: unknown) => (r as { id: number }).id;
  return {
    unit: async (name: string, kind: 'district' | 'township' = 'district') => id(await t.api.units.create({ name, kind })),
    cadre: async (unitId: number, name: string, rank: 'leader' | 'general' = 'general') => id(await t.api.cadres.create({ unitId, name, rank })),
    household: async (village: string, head: string, category: 'poor' | 'special' | 'ordinary' = 'poor', idNumber: string | null = null) =>
      id(await t.api.households.create({ villageId: villageId(t, village), head, category, idNumber })),
    pair: async (cadreId: number, householdId: number, since = '2014-01-01', until: string | null = null) =>
      id(await t.api.pairings.create({ cadreId, householdId, since, until })),
    visit: async (cadreId: number, householdId: number, date = '2014-03-01', marks: Record<string, boolean> = { knowFamily: true }) =>
      id(await t.api.visits.create({ cadreId, householdId, date, ...marks })),
    aid: async (unitId: number, householdId: number, amountFen: number, item = '现金', date = '2014-03-01') =>
      id(await t.api.aid.create({ unitId, householdId, amountFen, item, date })),
    plot: async (householdId: number, areaCentimu: number, start = '2014-02-01', end: string | null = null, plotName: string | null = null) =>
      id(await t.api.land.create({ householdId, areaCentimu, start, end, plotName, mode: '出租' })),
    zone: async (name: string, village: string) => id(await t.api.greenhouseZones.create({ name, villageId: villageId(t, village) })),
    greenhouse: async (zoneId: number, householdId: number, count: number, areaCentimu: number, builtOn: string | null = '2014-04-01') =>
      id(await t.api.greenhouses.create({ zoneId, householdId, count, areaCentimu, builtOn, type: '钢架大棚' })),
    work: async (unitId: number, category: string, quantityCenti: number, measure: string, date = '2014-03-01', village: string | null = null) =>
      id(await t.api.workItems.create({ unitId, category, quantityCenti, measure, date, villageId: village ? villageId(t, village) : null } as never)),
    link: async (unitId: number, village: string, since = '2014-01-01', until: string | null = null) =>
      id(await t.api.unitVillages.create({ unitId, villageId: villageId(t, village), since, until })),
  };
}
