import { resolve } from 'node:path';
import { callMethod } from '../api/dispatch';
import type { Ctx } from '../api/define';
import type { HalfYearReport } from '../api/reports';
import { parse, UsageError } from '../args';
import { openContext } from '../context';
import type { Command } from './command';

function human(r: HalfYearReport): string {
  const d = r.pairing.district, t = r.pairing.township;
  return [
    `统计期间：${r.period.from} 至 ${r.period.to}`,
    `区直单位：${d.units} 个，联户干部 ${d.cadres} 人（科级以上领导干部 ${d.leaders}，一般干部 ${d.general}），联系贫困户 ${d.poorHouseholds} 户、特殊户 ${d.specialHouseholds} 户`,
    `镇机关：联户干部 ${t.cadres} 人（科级以上领导干部 ${t.leaders}，一般干部 ${t.general}），联系贫困户 ${t.poorHouseholds} 户、特殊户 ${t.specialHouseholds} 户`,
    `慰问发放：${r.aid.deliveries} 次，${r.aid.households} 户，折合 ${r.aid.totalYuan} 元（现金 ${r.aid.cashYuan} 元）`,
    `土地流转：在流转地块 ${r.land.plotsInForce} 块，累计 ${r.land.cumulativeMu} 亩；新增 ${r.land.newPlots} 块 ${r.land.newMu} 亩`,
    ...r.land.demoSites.map((s) => `  示范点 ${s.name}（${s.village}）${s.mu} 亩`),
    `设施农业：${r.greenhouses.zones} 个小区，${r.greenhouses.count} 座，${r.greenhouses.areaMu} 亩`,
    `入户走访：${r.visits.count} 次`,
    ...r.work.map((w) => `${w.category}：${w.quantity}${w.measure ?? ''}`),
    `帮扶户：共 ${r.households.total} 户（贫困户 ${r.households.poor}，特殊户 ${r.households.special}，普通户 ${r.households.ordinary}）`,
  ].join('\n');
}

/** The report's .docx or .xlsx, written where the command line says. */
async function writeReportFile(ctx: Ctx, name: string, period: { from: string; to: string }, file: string): Promise<string> {
  const r = await callMethod(ctx, name, { ...period, out: resolve(file) }) as { path: string };
  return r.path;
}

export const reportCommand: Command = {
  name: 'report',
  usage: 'report --from 日期 --to 日期 [--docx 文件] [--xlsx 文件]',
  summary: '半年报告的各项数字；--docx 写出 Word 报告，--xlsx 写出附表',
  run: async (db, argv, o) => {
    const { values } = parse(argv, { from: { type: 'string' }, to: { type: 'string' }, docx: { type: 'string' }, xlsx: { type: 'string' } });
    if (!values.from || !values.to) throw new UsageError('请用 --from 和 --to 给出统计期间，例如 --from 2014-01-01 --to 2014-06-30');
    const ctx = openContext(db);
    try {
      const period = { from: values.from, to: values.to };
      if (values.docx || values.xlsx) {
        const files: Record<string, string> = {};
        if (values.docx) files.docx = await writeReportFile(ctx, 'reportDoc.docx', period, values.docx);
        if (values.xlsx) files.xlsx = await writeReportFile(ctx, 'reportDoc.xlsx', period, values.xlsx);
        o.out(o.json ? JSON.stringify(files) : Object.values(files).map((f) => `已写出：${f}`).join('\n'));
        return 0;
      }
      const r = await callMethod(ctx, 'reports.halfYear', period) as HalfYearReport;
      o.out(o.json ? JSON.stringify(r, null, 2) : human(r));
      return 0;
    } finally {
      ctx.ledger.close();
    }
  },
};
