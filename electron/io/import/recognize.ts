import { headerKey, SHEETS, type SheetCode, type SheetColumn, type SheetDef } from '../sheets';
import type { CellValue, RawSheet } from '../read/types';
import { reportDateOf } from './roster';

/** A column of the file as the clerk sees it: its header text and what the importer makes of it. */
export type ColumnMap = { index: number; header: string; group: string | null; key: string | null };

export type Recognition = {
  def: SheetDef | null;
  /** 0-based rows of the header block. */
  headerStart: number;
  headerEnd: number;
  columns: ColumnMap[];
  /** Required columns of the sheet that no column of the file supplies. */
  missing: SheetColumn[];
  /** From the 填报单位 line, when the sheet has one. */
  unit: string | null;
  /** From the 填报时间 line (row 2), as YYYY-MM-DD. */
  reportDate: string | null;
};

/** Header words the clerk taught the ledger for a unit: normalised header text → column key (null: ignore). */
export type LearnedWords = Partial<Record<SheetCode, Record<string, string | null>>>;

const GROUP_WORDS = new Set(['联户干部', '联系户', '五个知晓', '五个关心', '四至', '联户干部情况', '联系户情况']);
const TITLE_HINTS: Record<SheetCode, string[]> = {
  T1: ['花名册', '联户干部及联系户'], T2: ['帮扶户基本信息', '基本信息', '帮扶户'], T3: ['走访'],
  T4: ['慰问', '物资', '发放'], T5: ['土地流转', '流转'], T6: ['设施农业', '大棚', '温室'], T7: ['工作事项', '事项'],
};

/** A header cell as compared: headerKey, without the * some templates put before required columns. */
export const normHeader = (s: string) => headerKey(s).replace(/^[*※＊]+|[*※＊]+$/g, '');

const columnWords = (c: SheetColumn) => [c.header, ...(c.synonyms ?? [])].map(normHeader);

const KNOWN = new Set<string>([...GROUP_WORDS, ...SHEETS.flatMap((d) => d.columns.flatMap(columnWords))]);

export const cellText = (v: CellValue): string => (v === null || v === undefined ? '' : String(v).trim());
const isNumberLike = (v: CellValue) => typeof v === 'number' || /^\s*[\d０-９]+([.．][\d０-９]+)?\s*$/.test(String(v ?? ''));

function knownCount(row: CellValue[]): number {
  let n = 0;
  for (const v of row) if (typeof v === 'string' && KNOWN.has(normHeader(v))) n++;
  return n;
}

/** A row that reads as headers: mostly known words, and no numbers (data rows carry 序号 and counts). */
export function isHeaderLike(row: CellValue[]): boolean {
  const filled = row.filter((v) => cellText(v) !== '');
  if (filled.length === 0 || filled.some(isNumberLike)) return false;
  const known = knownCount(row);
  return known >= 1 && known * 2 >= filled.length;
}

/** The header block, found by content: the first row with three known header words, and the header rows below it. */
function findHeader(sheet: RawSheet): { start: number; end: number } | null {
  const scan = Math.min(sheet.rows.length, 40);
  for (let r = 0; r < scan; r++) {
    if (knownCount(sheet.rows[r] ?? []) < 3) continue;
    let end = r;
    // A group header or a single header merged down makes the block as deep as its merge.
    for (const m of sheet.merges) if (m.r1 === r && m.r2 > end && m.r2 <= r + 2) end = m.r2;
    while (end < r + 2 && isHeaderLike(sheet.rows[end + 1] ?? [])) end++;
    return { start: r, end };
  }
  return null;
}

/** Each column's header texts top to bottom, merged cells spread over the cells they cover. */
function headerColumns(sheet: RawSheet, start: number, end: number): { header: string; group: string | null }[] {
  const width = Math.max(0, ...sheet.rows.slice(start, end + 1).map((r) => r.length),
    ...sheet.merges.filter((m) => m.r1 >= start && m.r1 <= end).map((m) => m.c2 + 1));
  const grid: string[][] = [];
  for (let r = start; r <= end; r++) grid.push(Array.from({ length: width }, (_, c) => cellText(sheet.rows[r]?.[c] ?? null)));
  for (const m of sheet.merges) {
    if (m.r1 < start || m.r1 > end) continue;
    const v = grid[m.r1 - start][m.c1];
    for (let r = m.r1; r <= Math.min(m.r2, end); r++) for (let c = m.c1; c <= m.c2 && c < width; c++) if (!grid[r - start][c]) grid[r - start][c] = v;
  }
  return Array.from({ length: width }, (_, c) => {
    const texts: string[] = [];
    for (const row of grid) if (row[c] && row[c] !== texts[texts.length - 1]) texts.push(row[c]);
    const header = texts[texts.length - 1] ?? '';
    return { header, group: texts.length > 1 ? texts[0] : null };
  });
}

/** Assigns the sheet's columns to a definition's fields: header words and synonyms, then what the clerk taught. */
function mapColumns(def: SheetDef, cols: { header: string; group: string | null }[], learned: Record<string, string | null> = {}): ColumnMap[] {
  const taken = new Set<string>();
  const settled = new Set<number>();
  const out: ColumnMap[] = cols.map((c, index) => ({ index, header: c.header, group: c.group, key: null }));
  // Learned words first: the clerk's correction (a field, or "ignore") wins over the synonyms.
  for (const m of out) {
    const k = normHeader(m.header);
    if (!k || !(k in learned)) continue;
    const key = learned[k];
    if (key === null) settled.add(m.index);
    else if (!taken.has(key) && def.columns.some((c) => c.key === key)) { m.key = key; taken.add(key); settled.add(m.index); }
  }
  for (const m of out) {
    const k = normHeader(m.header);
    if (!k || settled.has(m.index)) continue;
    const group = m.group ? normHeader(m.group) : null;
    const candidates = def.columns.filter((c) => !taken.has(c.key) && columnWords(c).includes(k));
    const pick = candidates.find((c) => c.group && group && normHeader(c.group) === group) ?? candidates[0];
    if (pick) { m.key = pick.key; taken.add(pick.key); }
  }
  return out;
}

function score(def: SheetDef, columns: ColumnMap[], hints: string): number {
  const fields = columns.filter((c) => c.key && c.key !== 'seq' && c.key !== 'note').length;
  const hinted = TITLE_HINTS[def.code].some((h) => hints.includes(h)) ? 1.5 : 0;
  return fields + hinted;
}

const UNIT_LINE = /填报单位[^：:]*[：:]\s*([^\s　]+)/;

/**
 * Decides what a sheet is by its content: finds the header rows wherever they are, maps the columns by
 * header words, and picks the one of T1–T7 whose columns the sheet has most of. `force` is the clerk's choice.
 */
export function recognize(sheet: RawSheet, fileName: string, opts: { force?: SheetCode | null; learned?: LearnedWords } = {}): Recognition {
  const header = findHeader(sheet);
  const none: Recognition = { def: null, headerStart: -1, headerEnd: -1, columns: [], missing: [], unit: null, reportDate: null };
  if (!header) return none;
  const above = sheet.rows.slice(0, header.start).flat().map(cellText).join(' ');
  const unit = UNIT_LINE.exec(above)?.[1]?.replace(/[（(]盖章[）)]/, '') ?? null;
  const reportDate = reportDateOf(above);
  const hints = `${above} ${sheet.name ?? ''} ${fileName}`;
  const cols = headerColumns(sheet, header.start, header.end);
  let best: { def: SheetDef; columns: ColumnMap[]; score: number; missing: number } | null = null;
  for (const def of SHEETS) {
    if (opts.force && def.code !== opts.force) continue;
    const columns = mapColumns(def, cols, opts.learned?.[def.code]);
    const s = score(def, columns, hints);
    // On equal evidence, the sheet whose required columns are all there wins (村 户主 身份证 户类型 is a T2, not a T1 without its cadre).
    const have = new Set(columns.map((c) => c.key));
    const missing = def.columns.filter((c) => c.required && !have.has(c.key)).length;
    if (!best || s > best.score || (s === best.score && missing < best.missing)) best = { def, columns, score: s, missing };
  }
  if (!best || (!opts.force && best.score < 3)) return { ...none, headerStart: header.start, headerEnd: header.end, unit, reportDate };
  const have = new Set(best.columns.map((c) => c.key));
  const missing = best.def.columns.filter((c) => c.required && !have.has(c.key));
  return { def: best.def, headerStart: header.start, headerEnd: header.end, columns: best.columns, missing, unit, reportDate };
}

/** Re-maps after the clerk corrected columns in the preview: index → key (null: ignore this column). */
export function applyColumnChoices(rec: Recognition, choices: Record<string, string | null>): Recognition {
  if (!rec.def) return rec;
  const columns = rec.columns.map((c) => (String(c.index) in choices ? { ...c, key: choices[String(c.index)] } : c));
  // A key chosen for one column leaves the column that had it before.
  for (const [idx, key] of Object.entries(choices)) {
    if (!key) continue;
    for (const c of columns) if (c.key === key && String(c.index) !== idx) c.key = null;
  }
  const have = new Set(columns.map((c) => c.key));
  return { ...rec, columns, missing: rec.def.columns.filter((c) => c.required && !have.has(c.key)) };
}
