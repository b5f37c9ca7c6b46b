// The floor of the T2 export, run as its own process: `node test/bench/export-floor.mjs ledger.sqlite out.xlsx`.
// A bare ExcelJS streaming writer, used as its README shows (addRow, commit each row, commit the workbook),
// writing the same cells with the same per-column styles from one plain SELECT of the same households in
// the same order; no ledger logic (no selection rules, masking, column widths, heading, sums or footer).
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';

const [db, out] = process.argv.slice(2);
const thin = { style: 'thin' };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const style = (horizontal, numFmt, wrapText = false) => ({
  font: { name: '宋体', size: 10, bold: false, charset: 134 }, border, alignment: { horizontal, vertical: 'middle', wrapText }, ...(numFmt ? { numFmt } : {}),
});
// 序号 村 村民小组 户主姓名 身份证号码 性别 民族 家庭人口 劳动力 户类型 贫困户属性 主要致贫原因 年人均纯收入(元) 联系电话 备注
const STYLES = [
  style('center'), style('left', '@', true), style('left', '@', true), style('left', '@', true), style('left', '@'), style('center', '@'),
  style('left', '@', true), style('center', '0'), style('center', '0'), style('center', '@'), style('center', '@'), style('center', '@'),
  style('right', '0.00'), style('center', '@'), style('left', '@', true),
];

const sqlite = new Database(db, { readonly: true });
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true });
const ws = wb.addWorksheet('帮扶户基本信息表');
const rows = sqlite.prepare(`select v.name, g.name, h.head, h.id_number, h.sex, h.nation, h.size, h.labour,
    case h.category when 'poor' then '贫困户' else '特殊户' end, h.poverty_attr, h.poverty_cause, h.income_fen / 100.0, h.phone, h.note
  from households h join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
  where h.deleted_at is null order by v.sort, v.id, g.sort, g.id, h.id`).raw().iterate();
let n = 0;
for (const values of rows) {
  const row = ws.addRow([++n, ...values]);
  for (let i = 0; i < STYLES.length; i++) row.getCell(i + 1).style = STYLES[i];
  row.height = 20;
  row.commit();
}
ws.commit();
await wb.commit();
sqlite.close();
