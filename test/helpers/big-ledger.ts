import type Database from 'better-sqlite3';

/**
 * A district-sized ledger for the report benchmark, written straight with SQL (no audit rows, no
 * import): households over the township's villages, district and township cadres, pairings that
 * start and end over the years, and `records` visits and aid deliveries spread over households and
 * half-years 2012–2016 — with some of everything deleted, so the live rules have work to do.
 * Deterministic: the same size, the same ledger.
 */
export type BigSize = { households: number; records: number };

export function fillBigLedger(sqlite: Database.Database, size: BigSize = { households: 30_000, records: 1_000_000 }): { visits: number; aid: number } {
  let s = 20140101;
  const r = () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s / 4294967296; };
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const day = (from: number, days: number) => new Date(from + int(0, days) * 86_400_000).toISOString().slice(0, 10);
  const START = Date.UTC(2012, 0, 1);
  const SPAN = 5 * 365;
  const villages = sqlite.prepare('select id from villages order by sort').pluck().all() as number[];
  const groups = sqlite.prepare('select id, village_id as v from village_groups').all() as { id: number; v: number }[];
  const townshipUnit = sqlite.prepare("select id from units where kind = 'township'").pluck().get() as number;
  let visits = 0, aid = 0;

  sqlite.transaction(() => {
    const unit = sqlite.prepare("insert into units (name, kind, deleted_at) values (?, 'district', ?)");
    const units = Array.from({ length: 40 }, (_, i) => Number(unit.run(`区直单位${i + 1}`, i === 39 ? '2015-01-01T00:00:00Z' : null).lastInsertRowid));
    const cadre = sqlite.prepare('insert into cadres (unit_id, name, rank, deleted_at) values (?, ?, ?, ?)');
    const cadres: { id: number; unit: number }[] = [];
    for (let i = 0; i < 1200; i++) {
      const u = i < 1000 ? units[i % units.length] : townshipUnit;
      cadres.push({ id: Number(cadre.run(u, `干部${i + 1}`, i % 4 === 0 ? 'leader' : 'general', i % 97 === 0 ? '2015-06-01T00:00:00Z' : null).lastInsertRowid), unit: u });
    }
    const hh = sqlite.prepare('insert into households (village_id, group_id, head, category, deleted_at) values (?, ?, ?, ?, ?)');
    const households: number[] = [];
    for (let i = 0; i < size.households; i++) {
      const v = villages[i % villages.length];
      const vg = groups.filter((g) => g.v === v);
      const category = i % 10 < 2 ? 'poor' : i % 10 === 2 ? 'special' : 'ordinary';
      households.push(Number(hh.run(v, vg[i % vg.length].id, `户主${i + 1}`, category, i % 211 === 0 ? '2016-01-01T00:00:00Z' : null).lastInsertRowid));
    }
    // Every poor and special household paired; a pairing runs a year or more, some still open.
    const pairing = sqlite.prepare('insert into pairings (cadre_id, household_id, since, until, deleted_at) values (?, ?, ?, ?, ?)');
    const paired: { c: { id: number; unit: number }; h: number }[] = [];
    households.forEach((h, i) => {
      if (i % 10 > 2 && i % 7 !== 0) return;
      const c = cadres[i % cadres.length];
      const since = day(START, 600);
      const until = r() < 0.5 ? null : day(Date.parse(since) + 365 * 86_400_000, 700);
      pairing.run(c.id, h, since, until, i % 301 === 0 ? '2015-03-01T00:00:00Z' : null);
      paired.push({ c, h });
    });
    const visit = sqlite.prepare('insert into visits (date, cadre_id, household_id, know_family, content, deleted_at) values (?, ?, ?, 1, ?, ?)');
    const delivery = sqlite.prepare('insert into aid_deliveries (date, unit_id, household_id, item, amount_fen, deleted_at) values (?, ?, ?, ?, ?, ?)');
    const items = ['现金', '大米', '清油', '面粉'];
    for (let n = 0; n < size.records; n++) {
      const p = paired[int(0, paired.length - 1)];
      const deleted = n % 503 === 0 ? '2016-06-01T00:00:00Z' : null;
      if (n % 10 === 0) {
        const item = items[n % items.length];
        delivery.run(day(START, SPAN), p.c.unit, p.h, item, item === '现金' ? int(2, 10) * 10000 : int(50, 300) * 100, deleted);
        aid++;
      } else {
        visit.run(day(START, SPAN), p.c.id, p.h, '了解家庭收入和种植情况', deleted);
        visits++;
      }
    }
    const plot = sqlite.prepare('insert into land_plots (household_id, area_centimu, mode, start, "end", demo_site) values (?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < 5000; i++) {
      const start = day(START, SPAN);
      plot.run(households[int(0, households.length - 1)], int(150, 1200), '出租', start, r() < 0.3 ? null : `${Number(start.slice(0, 4)) + 5}${start.slice(4)}`,
        i % 50 === 0 ? `示范点${i % 3}` : null);
    }
    const zone = sqlite.prepare('insert into greenhouse_zones (name, village_id) values (?, ?)');
    const house = sqlite.prepare('insert into greenhouses (zone_id, household_id, type, count, area_centimu, built_on) values (?, ?, ?, ?, ?, ?)');
    villages.forEach((v, z) => {
      const id = Number(zone.run(`大棚小区${z + 1}`, v).lastInsertRowid);
      for (let k = 0; k < 200; k++) { const c = int(1, 7); house.run(id, households[int(0, households.length - 1)], '钢架大棚', c, c * 140, day(START, SPAN)); }
    });
    const work = sqlite.prepare('insert into work_items (date, unit_id, village_id, category, measure, quantity_centi) values (?, ?, ?, ?, ?, ?)');
    const kinds = [['宣传', '册'], ['宣传', '条'], ['帮办实事', '件'], ['一事一议', '个'], ['矛盾纠纷调解', '件']];
    for (let i = 0; i < 20_000; i++) {
      const [category, measure] = kinds[i % kinds.length];
      work.run(day(START, SPAN), units[i % units.length], villages[i % villages.length], category, measure, int(1, 50) * 100);
    }
  })();
  return { visits, aid };
}
