import type Database from 'better-sqlite3';
import { auditShape } from '../electron/io/import/writer';
import { checkChar } from '../electron/values/idcard';
import { TOWNSHIP_UNIT } from './base';

/**
 * A realistic demo ledger for trying the app: the 2014 half-year of the reference township at about
 * its real proportions (DOMAIN.md), with made-up people. Deterministic: the same seed, the same ledger.
 */
export type DemoSize = { households: number; districtCadres: number; townshipCadres: number };
export const DEMO_DEFAULT: DemoSize = { households: 2702, districtCadres: 263, townshipCadres: 66 };

const SURNAMES = '王张李刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔汤';
const GIVEN = '建国军明华平芳丽英兰秀玉梅红霞燕军强伟勇杰涛斌海林峰春生福贵兴旺德仁义忠文武国庆志刚永学保成金银玲娟静婷';
const UNITS = ['区统计局', '区司法局', '区文广局', '区财政局', '区农牧局', '区水务局', '区卫生局', '区教育局', '区林业局'];
const TITLES = ['局长', '副局长', '科长', '副科长', '科员', '办事员', '主任', '副主任'];
const CAUSES = ['因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '缺资金', '自身发展动力不足'];
const ATTRS = ['一般贫困户', '低保贫困户', '特困供养贫困户', '五保户'];
const ITEMS: [string, string, number][] = [['现金', '元', 1], ['大米', '袋', 12000], ['清油', '桶', 9000], ['大肉', '斤', 1300], ['面粉', '袋', 10000]];
const WORK: [string, string, number, number][] = [
  ['宣传', '册', 300, 9], ['宣传', '条', 2, 8], ['宣传', '期', 1, 6], ['宣传', '人次', 40, 9], ['生产发展计划', '份', 9, 9],
  ['热点难点问题', '件', 2, 7], ['一事一议', '个', 2, 9], ['矛盾纠纷调解', '件', 3, 9], ['帮办实事', '件', 4, 10],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadDemo(sqlite: Database.Database, size: DemoSize = DEMO_DEFAULT, seed = 2014): { households: number; cadres: number; visits: number; batch: number } {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const name = () => pick([...SURNAMES]) + pick([...GIVEN]) + (r() < 0.6 ? pick([...GIVEN]) : '');
  const date = (from: string, days: number) => {
    const d = new Date(from + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + int(0, days));
    return d.toISOString().slice(0, 10);
  };
  const usedIds = new Set<string>();
  const idNumber = (male: boolean) => {
    for (;;) {
      const birth = date('1940-01-01', 365 * 50).replace(/-/g, '');
      const seq = int(0, 99) * 10 + (male ? pick([1, 3, 5, 7, 9]) : pick([0, 2, 4, 6, 8]));
      const first = `620902${birth}${String(seq).padStart(3, '0')}`;
      const id = first + checkChar(first);
      if (!usedIds.has(id)) { usedIds.add(id); return id; }
    }
  };

  // Every demo row belongs to one batch of kind `demo`: marked while present, removed whole by 导入记录's 撤销.
  let batchId = 0;
  const audit = sqlite.prepare("insert into audit_log (table_name, row_id, action, after, batch_id, source) values (?, ?, 'create', ?, ?, 'demo')");
  const ins = (table: string, row: Record<string, unknown>): number => {
    const cols = Object.keys(row);
    const stored = sqlite.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')}) returning *`)
      .get(...cols.map((c) => (typeof row[c] === 'boolean' ? Number(row[c]) : row[c]))) as Record<string, unknown> & { id: number };
    audit.run(table, stored.id, JSON.stringify(auditShape(stored)), batchId);
    return stored.id;
  };

  return sqlite.transaction(() => {
    if ((sqlite.prepare('select count(*) as n from households where deleted_at is null').get() as { n: number }).n > 0) {
      throw new Error('台账中已有帮扶户，演示数据只能载入空台账');
    }
    batchId = Number(sqlite.prepare(`insert into import_batches (unit, files, kind) values ('演示数据', ?, 'demo')`)
      .run(JSON.stringify([{ name: '载入演示数据（人名均为虚构）', sha256: '' }])).lastInsertRowid);
    const villages = sqlite.prepare('select id, name from villages order by sort').all() as { id: number; name: string }[];
    const groups = sqlite.prepare('select id, village_id as villageId from village_groups').all() as { id: number; villageId: number }[];
    const townshipUnit = (sqlite.prepare('select id from units where name = ?').get(TOWNSHIP_UNIT) as { id: number }).id;

    const unitIds = UNITS.map((u, i) => {
      const id = ins('units', { name: u, kind: 'district' });
      ins('unit_villages', { unit_id: id, village_id: villages[i % villages.length].id, since: '2012-03-01' });
      return id;
    });
    const cadres: { id: number; unitId: number; rank: string }[] = [];
    const addCadres = (n: number, unitOf: (i: number) => number, leaders: number) => {
      for (let i = 0; i < n; i++) {
        const leader = i < leaders;
        const unitId = unitOf(i);
        const id = ins('cadres', {
          unit_id: unitId, name: name() + (i % 50 === 49 ? '甲' : ''), sex: r() < 0.7 ? '男' : '女',
          title: leader ? pick(TITLES.slice(0, 4)) : pick(TITLES.slice(4)), rank: leader ? 'leader' : 'general',
          phone: `1${pick(['39', '59', '89', '33', '80'])}${String(int(0, 99999999)).padStart(8, '0')}`,
        });
        cadres.push({ id, unitId, rank: leader ? 'leader' : 'general' });
      }
    };
    // District cadres spread over the units, leaders first so each unit has some.
    addCadres(size.districtCadres, (i) => unitIds[i % unitIds.length], Math.round(size.districtCadres * 70 / 263));
    addCadres(size.townshipCadres, () => townshipUnit, Math.round(size.townshipCadres * 12 / 66));

    const households: { id: number; villageId: number; category: string }[] = [];
    const poorTarget = cadres.length;
    const specialTarget = Math.round(size.districtCadres * 68 / 263) + Math.round(size.townshipCadres * 12 / 66);
    for (let i = 0; i < size.households; i++) {
      const v = villages[i % villages.length];
      const vg = groups.filter((g) => g.villageId === v.id);
      const male = r() < 0.8;
      const category = i < poorTarget ? 'poor' : i < poorTarget + specialTarget ? 'special' : 'ordinary';
      const hsize = int(1, 6);
      const id = ins('households', {
        village_id: v.id, group_id: pick(vg).id, head: name(), id_number: idNumber(male), sex: male ? '男' : '女', nation: '汉族',
        size: hsize, labour: int(0, hsize), category,
        poverty_attr: category === 'poor' ? pick(ATTRS.slice(0, 3)) : category === 'special' ? pick(ATTRS.slice(1)) : null,
        poverty_cause: category === 'ordinary' ? null : pick(CAUSES),
        income_fen: category === 'ordinary' ? int(400000, 1200000) : int(120000, 290000),
        phone: r() < 0.7 ? `1${pick(['39', '59', '89'])}${String(int(0, 99999999)).padStart(8, '0')}` : null,
      });
      households.push({ id, villageId: v.id, category });
    }
    // Each cadre keeps one poor household; the special ones go to cadres in turn.
    const pairs: { cadreId: number; householdId: number; unitId: number }[] = [];
    cadres.forEach((c, i) => {
      const h = households[i];
      ins('pairings', { cadre_id: c.id, household_id: h.id, since: date('2014-01-06', 40) });
      pairs.push({ cadreId: c.id, householdId: h.id, unitId: c.unitId });
    });
    // Special households in DOMAIN.md's proportions: 68 to district cadres, 12 to the township's.
    const specialDistrict = Math.round(size.districtCadres * 68 / 263);
    households.filter((h) => h.category === 'special').forEach((h, i) => {
      const c = i < specialDistrict ? cadres[i % size.districtCadres] : cadres[size.districtCadres + ((i - specialDistrict) % size.townshipCadres)];
      ins('pairings', { cadre_id: c.id, household_id: h.id, since: date('2014-01-06', 40) });
      pairs.push({ cadreId: c.id, householdId: h.id, unitId: c.unitId });
    });
    let visitCount = 0;
    for (const p of pairs) {
      // A cadre visits a household at most once a day.
      const days = new Set<string>();
      for (let n = int(1, 3); days.size < n;) days.add(date('2014-02-10', 135));
      [...days].sort().forEach((day, k) => {
        ins('visits', {
          date: day, cadre_id: p.cadreId, household_id: p.householdId,
          know_family: r() < 0.9, know_economy: r() < 0.8, know_wishes: r() < 0.8, know_difficulties: r() < 0.8, know_health_school: r() < 0.6,
          care_festival: k === 0 && r() < 0.3, care_illness: r() < 0.05,
          content: pick(['了解家庭收入和种植情况', '宣传双联政策', '了解子女上学情况', '商议发展养殖计划']),
          request: r() < 0.5 ? pick(['希望协调小额贷款', '希望提供种植技术', '希望解决灌溉用水']) : null,
          thing_done: r() < 0.3 ? pick(['联系技术员上门指导', '协调水管站安排灌溉']) : null,
          result: r() < 0.4 ? '已办结' : null,
        });
        visitCount++;
      });
    }
    for (const p of pairs.slice(0, 40)) {
      const [item, measure, unitFen] = pick(ITEMS);
      const qty = item === '现金' ? pick([200, 300, 500]) : int(1, 3);
      ins('aid_deliveries', {
        date: date('2014-01-20', 20), unit_id: p.unitId, household_id: p.householdId, item, quantity_centi: qty * 100, measure,
        amount_fen: item === '现金' ? qty * 100 : qty * unitFen, handler: name(),
      });
    }
    const jiudun = villages.find((v) => v.name === '旧墩村')!;
    const modes = ['出租', '转包', '互换', '转让', '入股'];
    let contract = 1;
    for (const h of households.slice(0, Math.min(households.length, 600))) {
      if (r() < 0.5) continue;
      const start = date('2012-03-01', 800);
      const demo = h.villageId === jiudun.id && r() < 0.6;
      ins('land_plots', {
        household_id: h.id, plot_name: pick(['东滩地', '西河地', '渠边地', '北大田', '南坡地']),
        east: '渠', south: '路', west: pick(['林带', '邻户']), north: '邻户',
        area_centimu: int(150, 1200), mode: pick(modes), transferee: demo ? '酒泉市旧墩现代农业公司' : pick(['上坝镇种植合作社', '王永福', '肃州区制种公司']),
        transferee_kind: demo ? '企业' : pick(['合作社', '种植大户', '企业']),
        start, end: `${Number(start.slice(0, 4)) + 10}${start.slice(4)}`, price_fen: int(40000, 80000),
        contract_no: `SB-${start.slice(0, 4)}-${String(contract++).padStart(4, '0')}`, contract_date: start,
        use: pick(['玉米制种', '蔬菜制种', '甜叶菊', '钢架大棚']), demo_site: demo ? '旧墩村土地流转示范点' : null,
      });
    }
    for (let z = 0; z < 4; z++) {
      const v = villages[(z * 2) % villages.length];
      const zoneId = ins('greenhouse_zones', { name: `${v.name}钢架大棚小区`, village_id: v.id });
      for (const h of households.filter((x) => x.villageId === v.id).slice(0, 25)) {
        const count = int(3, 7);
        ins('greenhouses', {
          zone_id: zoneId, household_id: h.id, type: '钢架大棚', count, area_centimu: count * 140, built_on: date('2014-03-01', 100),
          subsidy_fen: count * 500000, crop: pick(['辣椒', '西红柿', '人参果', '葡萄']), progress: pick(['在建', '建成', '已验收']),
        });
      }
    }
    for (const [category, measure, qty, n] of WORK) {
      for (let k = 0; k < n; k++) {
        ins('work_items', {
          date: date('2014-01-10', 160), unit_id: pick([...unitIds, townshipUnit]), village_id: pick(villages).id, category,
          content: `${category}（演示）`, quantity_centi: int(Math.ceil(qty / 2), qty * 2) * 100, measure,
        });
      }
    }
    const added = sqlite.prepare('select count(*) from audit_log where batch_id = ?').pluck().get(batchId);
    sqlite.prepare('update import_batches set summary = ? where id = ?')
      .run(JSON.stringify({ demo: true, seed, totals: { added, updated: 0, unchanged: 0, errors: 0 } }), batchId);
    return { households: households.length, cadres: cadres.length, visits: visitCount, batch: batchId };
  })();
}
