/** What each figure of the report counts, as the drill-down drawer names it. */
const LABELS: Record<string, string> = {
  'pairing.district.units': '区直机关事业单位（有结对的单位）',
  'pairing.district.cadres': '区直单位联户干部',
  'pairing.district.leaders': '区直单位科级以上领导干部',
  'pairing.district.general': '区直单位一般干部',
  'pairing.district.poorHouseholds': '区直单位结对的贫困户',
  'pairing.district.specialHouseholds': '区直单位结对的特殊户',
  'pairing.township.cadres': '镇机关联户干部',
  'pairing.township.leaders': '镇机关科级以上领导干部',
  'pairing.township.general': '镇机关一般干部',
  'pairing.township.poorHouseholds': '镇机关结对的贫困户',
  'pairing.township.specialHouseholds': '镇机关结对的特殊户',
  'aid.deliveries': '慰问发放记录',
  'aid.households': '受慰问的户',
  'aid.totalYuan': '慰问发放（折合金额）',
  'aid.cashYuan': '现金慰问',
  'land.plotsInForce': '在流转的地块',
  'land.cumulativeMu': '在流转的地块（累计面积）',
  'land.newPlots': '本期新增流转的地块',
  'land.newMu': '本期新增流转的地块（面积）',
  'greenhouses.zones': '钢架大棚小区',
  'greenhouses.count': '大棚',
  'greenhouses.areaMu': '大棚（占地面积）',
  'visits.count': '入户走访记录',
};

export function figureLabel(path: string): string {
  if (LABELS[path]) return LABELS[path];
  const demo = /^land\.demoSites\.(.+)\.mu$/.exec(path);
  if (demo) return `${demo[1]}的流转地块`;
  const work = /^work\.([^.]+)\.(.*)$/.exec(path);
  if (work) return `工作事项：${work[1]}${work[2] !== '-' ? `（${work[2]}）` : ''}`;
  return path;
}
