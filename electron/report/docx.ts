import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun,
  VerticalAlign, WidthType, type IRunOptions,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { plain } from './model';
import type { ChartSpec, ReportDoc, ReportTable } from './types';

/*
 * The layout of a Chinese official document (GB/T 9704): A4, margins 3.7 / 3.5 / 2.8 / 2.6 cm, title in
 * 宋体 bold 二号, first-level headings 黑体 三号, body 仿宋 三号 with a two-character indent and a fixed
 * 28-point line, page numbers "— 1 —" in 宋体 四号 at the foot. Sizes are in half-points, lengths in twips.
 */
const CM = 567;
const SIZE = { title: 44, body: 32, table: 21, footer: 28 };
const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN });
const FONTS = { title: font('宋体'), heading: font('黑体'), lead: font('楷体'), body: font('仿宋'), table: font('宋体') };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

const run = (text: string, f: keyof typeof FONTS, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: FONTS[f], size, ...extra });

const body = (children: TextRun[], indent = true) =>
  new Paragraph({ children, spacing: LINE, indent: indent ? { firstLine: 2 * SIZE.body * 10 } : undefined, alignment: AlignmentType.JUSTIFIED });

const heading = (text: string) => new Paragraph({ children: [run(text, 'heading', SIZE.body)], spacing: LINE, indent: { firstLine: 2 * SIZE.body * 10 } });

const centered = (text: string, f: keyof typeof FONTS, size: number, bold = false, after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, f, size, { bold })] });

const cellText = (c: ReportTable['rows'][number][number]) => (typeof c === 'string' ? c : c.text);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** Text width of the page (A4 less the margins), in twips. */
const TEXT_WIDTH = 11906 - Math.round(2.8 * CM) - Math.round(2.6 * CM);

/** Column widths in proportion to the longest text of each column, so names stay on one line where they can. */
function widths(t: ReportTable): number[] {
  const len = t.columns.map((c, i) => Math.max(3, c.length, ...t.rows.map((r) => cellText(r[i]).length)));
  const total = len.reduce((a, b) => a + b, 0);
  return len.map((l) => Math.floor((l / total) * TEXT_WIDTH));
}

/** A table with the first column's repeated entries (类别) merged down over their rows. */
function table(t: ReportTable): Table {
  const cell = (text: string, bold: boolean, left: boolean, rowSpan = 1) => new TableCell({
    borders: BORDERS, verticalAlign: VerticalAlign.CENTER, rowSpan,
    children: [new Paragraph({ alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(text, 'table', SIZE.table, { bold })] })],
  });
  const merge = t.columns.length > 3;
  const span = (i: number) => {
    let n = 1;
    while (i + n < t.rows.length && cellText(t.rows[i + n][0]) === cellText(t.rows[i][0])) n++;
    return n;
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths(t),
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true, false)) }),
      ...t.rows.map((r, ri) => {
        const continued = merge && ri > 0 && cellText(t.rows[ri - 1][0]) === cellText(r[0]);
        const cells = r.map((c, i) => (i === 0 && merge ? cell(cellText(c), false, false, span(ri)) : cell(cellText(c), false, i === 0)));
        return new TableRow({ cantSplit: true, children: continued ? cells.slice(1) : cells });
      }),
    ],
  });
}

/** A column chart of one figure by village, drawn by Word or LibreOffice from its data (editable there). */
function chart(c: ChartSpec): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [new ChartRun({
      type: 'column',
      title: { text: `${c.title}（${c.unit}）`, font: { name: '宋体', size: 12, bold: true } },
      categories: c.categories.length ? c.categories : ['—'],
      series: [{ name: c.unit, values: c.categories.length ? c.values : [0], color: '2F5597' }],
      legend: false,
      dataLabels: { value: true, font: { name: LATIN, size: 9 } },
      font: { name: '宋体' },
      categoryAxis: { font: { name: '宋体', size: 9 } },
      transformation: { width: 560, height: 250 },
      altText: { name: c.title, description: `${c.title}：${c.categories.map((v, i) => `${v}${c.values[i]}${c.unit}`).join('，')}`, title: c.title },
    })],
  });
}

const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The report as a Word document the clerk can edit: real paragraphs, tables and charts, no pictures of text. */
export async function reportDocx(doc: ReportDoc, date: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    centered(doc.title, 'title', SIZE.title, true, 240),
    centered(`（${doc.period.from} 至 ${doc.period.to}）`, 'lead', SIZE.body, false, 360),
    body([run(doc.intro.map((s) => (typeof s === 'string' ? s : s.text)).join(''), 'body', SIZE.body)]),
  ];
  for (const s of doc.sections) {
    children.push(heading(s.heading));
    for (const p of s.paragraphs) {
      children.push(body([...(p.lead ? [run(p.lead, 'lead', SIZE.body, { bold: true })] : []), run(plain(p.body), 'body', SIZE.body)]));
    }
  }
  children.push(
    new Paragraph({ spacing: { before: 480 }, alignment: AlignmentType.RIGHT, indent: { right: 4 * SIZE.body * 10 }, children: [run(doc.township, 'body', SIZE.body)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 2 * SIZE.body * 10 }, children: [run(cnDate(date), 'body', SIZE.body)] }),
  );
  doc.tables.forEach((t, i) => {
    children.push(new Paragraph({ pageBreakBefore: i === 0, spacing: { before: 240, after: 120 }, children: [run(`附表${i + 1}`, 'heading', SIZE.body)] }));
    children.push(centered(t.title, 'title', 28, true, 120), table(t));
  });
  if (doc.charts.length) {
    children.push(new Paragraph({ pageBreakBefore: true, spacing: { after: 120 }, children: [run('附图　各村情况', 'heading', SIZE.body)] }));
    for (const c of doc.charts) children.push(chart(c));
  }
  const document = new Document({
    title: doc.title,
    creator: doc.township,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.body } } } },
    sections: [{
      properties: {
        page: {
          size: { width: 11906, height: 16838 },
          margin: { top: Math.round(3.7 * CM), bottom: Math.round(3.5 * CM), left: Math.round(2.8 * CM), right: Math.round(2.6 * CM), footer: Math.round(2.5 * CM) },
        },
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.table, size: SIZE.footer })],
          })],
        }),
      },
      children,
    }],
  });
  return Packer.toBuffer(document);
}
