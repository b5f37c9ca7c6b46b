import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartSpec } from '../../../../electron/report/types';

echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const FONT = '"Noto Serif CJK SC", SimSun, "宋体", serif';

/** One figure by village as a column chart, drawn as SVG so that it prints sharp. */
function VillageChart({ c }: { c: ChartSpec }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.setOption({
      animation: false,
      title: { text: `${c.title}（${c.unit}）`, left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} ${c.unit}` },
      grid: { left: 48, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: c.categories, axisLabel: { interval: 0, fontFamily: FONT } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: c.values, itemStyle: { color: '#2f5597' }, label: { show: true, position: 'top' }, barMaxWidth: 36 }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [c]);
  return <div ref={el} className="report-chart" role="img" aria-label={c.title} />;
}

export function VillageCharts({ charts }: { charts: ChartSpec[] }) {
  return <div className="report-charts">{charts.map((c) => <VillageChart key={c.key} c={c} />)}</div>;
}
