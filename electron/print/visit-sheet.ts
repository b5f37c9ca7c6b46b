import { maskIdNumber } from '../values/idcard';
import { formatScaled } from '../values/numbers';
import { CARE, KNOW, type SheetHousehold, type VisitRow } from './data';

/**
 * 入户走访记录表 (FORMATS.md, 入户调查表 / 问事记录本): one A4 page a household, the paper a cadre
 * carries — the household's facts, its paired cadres, the 五个知晓 and 五个关心, the visits so far and
 * blank rows for the next ones, each signed by the cadre and the head, and the unit head's signature.
 * Plain HTML and print CSS, no script: the same page goes to Chromium's PDF, Electron's printToPDF,
 * the print dialog and the preview iframe.
 */
export type SheetOptions = { county: string; township: string; maskIdNumbers: boolean };

/** Rows of the visit table on every page: the visits so far and blank ones up to this. */
export const VISIT_ROWS = 10;
/** At least this many blank rows remain for the next visits; older visits give way. */
export const BLANK_ROWS = 3;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Long free text is cut so that a page never runs over onto a second. */
const cut = (s: string | null | undefined, n: number) => {
  const t = (s ?? '').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};
const box = (on: boolean) => (on ? '☑' : '☐');
const yuan = (fen: number | null) => (fen === null ? '' : `${formatScaled(fen)} 元`);
const qty = (centi: number | null) => (centi === null ? '' : String(centi / 100));

const CSS = `
@page { size: A4 portrait; margin: 11mm 13mm 10mm 13mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 10.5pt; color: #000; background: #fff; }
.sheet { height: 275mm; overflow: hidden; display: flex; flex-direction: column; }
@media screen {
  /* The preview shows each page as a sheet of paper. */
  body { background: #d9dce1; padding: 6mm 0; }
  .sheet { width: 210mm; height: 297mm; padding: 11mm 13mm 10mm; margin: 0 auto 6mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
.sheet + .sheet { break-before: page; page-break-before: always; }
h1 { font-size: 17pt; font-weight: bold; text-align: center; margin: 0 0 2.5mm; letter-spacing: 0.5pt; }
.place { display: flex; justify-content: space-between; margin: 0 0 1.5mm; font-size: 10.5pt; }
.place b { font-weight: normal; border-bottom: 0.6pt solid #000; padding: 0 1.5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table + table tr:first-child > * { border-top: none; }
td, th { border: 0.6pt solid #000; padding: 0.8mm 1.2mm; vertical-align: middle; line-height: 1.35; overflow: hidden; word-break: break-all; }
th { font-weight: bold; text-align: center; }
td.k { text-align: center; white-space: nowrap; }
td.c { text-align: center; }
td.label { text-align: center; font-weight: bold; writing-mode: vertical-rl; letter-spacing: 2pt; }
tr.r6 > * { height: 6.6mm; }
tr.r7 > * { height: 7.4mm; }
.visits { margin-top: 2.5mm; }
.visits tbody tr > * { height: 10.2mm; font-size: 9.5pt; }
.visits th { font-size: 10pt; height: 7.5mm; }
.mark { font-size: 12pt; }
.note { font-size: 9pt; margin: 1mm 0 0; }
.foot { margin-top: auto; padding-top: 3mm; display: flex; justify-content: space-between; font-size: 10.5pt; }
.foot span { white-space: nowrap; }
.blank { display: inline-block; width: 30mm; border-bottom: 0.6pt solid #000; }
`;

function facts(h: SheetHousehold, o: SheetOptions): string {
  const id = h.idNumber ? (o.maskIdNumbers ? maskIdNumber(h.idNumber) : h.idNumber) : '';
  return `<table class="facts">
<colgroup><col style="width:8%"><col style="width:12%"><col style="width:15%"><col style="width:14%"><col style="width:26%"><col style="width:12%"><col style="width:13%"></colgroup>
<tr class="r7"><td class="label" rowspan="3">基本情况</td><td class="k">户主姓名</td><td class="c">${esc(h.head)}</td><td class="k">身份证号码</td><td class="c">${esc(id)}</td><td class="k">家庭人口</td><td class="c">${esc(h.size ?? '')}${h.size === null ? '' : ' 人'}</td></tr>
<tr class="r7"><td class="k">户类型</td><td class="c">${esc(h.category ?? '')}</td><td class="k">贫困户属性</td><td class="c">${esc(h.povertyAttr ?? '')}</td><td class="k">致贫原因</td><td class="c">${esc(h.povertyCause ?? '')}</td></tr>
<tr class="r7"><td class="k">联系电话</td><td class="c">${esc(h.phone ?? '')}</td><td class="k">年人均纯收入</td><td class="c">${esc(yuan(h.incomeFen))}</td><td class="k">劳动力</td><td class="c">${esc(h.labour ?? '')}${h.labour === null ? '' : ' 人'}</td></tr>
</table>`;
}

function cadres(h: SheetHousehold): string {
  // Two lines at least, so a pairing made after printing can be written in.
  const rows = [...h.cadres.slice(0, 3)];
  while (rows.length < 2) rows.push(null as never);
  return `<table class="cadres">
<colgroup><col style="width:8%"><col style="width:14%"><col style="width:27%"><col style="width:17%"><col style="width:18%"><col style="width:16%"></colgroup>
<tr class="r6"><td class="label" rowspan="${rows.length + 1}">联户干部</td><th>姓名</th><th>联系单位</th><th>职务</th><th>联系电话</th><th>结对日期</th></tr>
${rows.map((c) => `<tr class="r6"><td class="c">${esc(c?.name)}</td><td class="c">${esc(c?.unit)}</td><td class="c">${esc(c?.title)}</td><td class="c">${esc(c?.phone)}</td><td class="c">${esc(c?.since)}</td></tr>`).join('\n')}
</table>`;
}

/** The latest visit that ticked the item: its date and what was learnt. */
function learnt(visits: VisitRow[], key: keyof VisitRow, withRequest: boolean): string {
  const v = [...visits].reverse().find((x) => x[key]);
  if (!v) return '';
  const said = [v.content, withRequest && v.request ? `诉求：${v.request}` : null].filter(Boolean).join('；');
  return `${v.date}　${said}`;
}

function knowings(h: SheetHousehold): string {
  return `<table class="know">
<colgroup><col style="width:8%"><col style="width:14%"><col style="width:9%"><col style="width:69%"></colgroup>
<tr class="r6"><td class="label" rowspan="6">五个知晓</td><th>项目</th><th>知晓</th><th>了解的情况（最近一次走访）</th></tr>
${KNOW.map(([key, label]) => {
    const known = h.visits.some((v) => v[key]);
    return `<tr class="r6"><td class="k">${label}</td><td class="c mark">${box(known)}</td><td>${esc(cut(learnt(h.visits, key, key === 'knowDifficulties'), 56))}</td></tr>`;
  }).join('\n')}
</table>`;
}

function cares(h: SheetHousehold): string {
  const events = (key: (typeof CARE)[number][0]) => {
    const out = h.visits.filter((v) => v[key]).map((v) => `${v.date} ${v.content ?? ''}`.trim());
    if (key === 'careFestival') {
      for (const a of h.aid) out.push(`${a.date} ${a.unit}送${a.item}${a.item === '现金' ? '' : ` ${qty(a.quantityCenti)}${a.measure ?? ''}`}（${formatScaled(a.amountFen)} 元）`);
      out.sort();
    }
    return out.slice(-2).join('；');
  };
  return `<table class="care">
<colgroup><col style="width:8%"><col style="width:14%"><col style="width:9%"><col style="width:69%"></colgroup>
<tr class="r6"><td class="label" rowspan="6">五个关心</td><th>事项</th><th>有无</th><th>日期及关心、慰问情况</th></tr>
${CARE.map(([key, label]) => {
    const text = events(key);
    return `<tr class="r6"><td class="k">${label}</td><td class="c mark">${box(text !== '')}</td><td>${esc(cut(text, 56))}</td></tr>`;
  }).join('\n')}
</table>`;
}

function visitTable(h: SheetHousehold): string {
  const room = VISIT_ROWS - BLANK_ROWS;
  const shown = h.visits.slice(-room);
  const older = h.visits.length - shown.length;
  const rows: string[] = shown.map((v, i) => {
    const asked = [v.content, v.request ? `群众诉求：${v.request}` : null].filter(Boolean).join('；');
    const done = [v.thingDone, v.result].filter(Boolean).join('；');
    return `<tr><td class="c">${older + i + 1}</td><td class="c">${esc(v.date)}</td><td class="c">${esc(v.cadreName)}</td><td>${esc(cut(asked, 40))}</td><td>${esc(cut(done, 30))}</td><td></td><td></td></tr>`;
  });
  for (let i = rows.length; i < VISIT_ROWS; i++) {
    rows.push(`<tr><td class="c">${older + i + 1}</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>`);
  }
  return `<table class="visits">
<colgroup><col style="width:6%"><col style="width:13%"><col style="width:10%"><col style="width:29%"><col style="width:20%"><col style="width:11%"><col style="width:11%"></colgroup>
<thead><tr><th>序号</th><th>走访日期</th><th>走访干部</th><th>了解情况及群众诉求</th><th>帮办实事及办理结果</th><th>干部签字</th><th>户主签字</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>${older > 0 ? `<p class="note">另有 ${older} 次较早的走访记录，见台账。</p>` : ''}`;
}

function page(h: SheetHousehold, o: SheetOptions, n: number, total: number): string {
  const units = [...new Set(h.cadres.map((c) => c.unit))].join('、');
  return `<section class="sheet" data-household="${h.id}">
<h1>${esc(o.county)}${esc(o.township)}双联行动入户走访记录表</h1>
<div class="place"><span>乡镇：<b>${esc(h.township)}</b></span><span>村：<b>${esc(h.village)}</b></span><span>村民小组：<b>${esc(h.group ?? '')}</b></span><span>第 ${n} 户 / 共 ${total} 户</span></div>
${facts(h, o)}
${cadres(h)}
${knowings(h)}
${cares(h)}
${visitTable(h)}
<div class="foot"><span>联系单位：${esc(units)}</span><span>单位负责人（签字）：<span class="blank"></span></span><span>年　　月　　日</span></div>
</section>`;
}

/** One HTML document, a page a household. */
export function visitSheetsHtml(households: SheetHousehold[], o: SheetOptions): string {
  const body = households.map((h, i) => page(h, o, i + 1, households.length)).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(o.township)}入户走访记录表</title>
<style>${CSS}</style></head>
<body>
${body || '<p>没有要打印的户。</p>'}
</body></html>`;
}
