import { halfWidth, type TownshipDraft, type VillageDraft } from './codes';

/**
 * Rows of 村 · 村代码 · 村民小组 — pasted from Excel (tab-separated) or read from a sheet — into villages.
 * A row's 村民小组 cell may hold several groups separated by 、 , ， ; or spaces; a row whose 村 and
 * 村代码 are empty (a merged cell, or one row per group) adds its groups to the village above; a village
 * named again with the same code adds to it. Above the header, lines like 乡镇名称 | 新华镇,
 * 乡镇代码 | 620902105 and 镇机关 | 新华镇机关 give the township.
 */
export type ParsedVillages = {
  township: Partial<Pick<TownshipDraft, 'name' | 'code' | 'organName'>>;
  villages: VillageDraft[];
  /** Rows that could not be placed, each naming its row as Excel numbers it. */
  problems: string[];
};

type Cell = string | number | boolean | null | undefined;

const text = (c: Cell) => (c === null || c === undefined ? '' : String(c)).replace(/\u00a0/g, ' ').trim();
const compact = (c: Cell) => text(c).replace(/[\s\u3000]+/g, '');

function headerColumns(row: Cell[]): { village: number; code: number; groups: number } | null {
  const cells = row.map(compact);
  const village = cells.findIndex((c) => /^(村|村名|行政村|村名称|行政村名称)$/.test(c));
  const code = cells.findIndex((c) => /代码|编码/.test(c) && !/乡|镇/.test(c));
  const groups = cells.findIndex((c) => /组|社/.test(c));
  return village >= 0 && code >= 0 && groups >= 0 ? { village, code, groups } : null;
}

export function splitGroups(cell: Cell): string[] {
  return text(cell).split(/[,，、;；\s\u3000]+/).map((g) => g.trim()).filter(Boolean);
}

/** Tab-separated text as Excel and WPS put it on the clipboard (no quoting inside these cells). */
export function tsvRows(tsv: string): string[][] {
  const lines = tsv.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

export function parseVillageRows(rows: Cell[][]): ParsedVillages {
  const out: ParsedVillages = { township: {}, villages: [], problems: [] };
  let header = rows.findIndex((r) => headerColumns(r) !== null);
  const cols = header >= 0 ? headerColumns(rows[header])! : { village: 0, code: 1, groups: 2 };
  for (let i = 0; i < Math.max(header, 0); i++) {
    const [label, value] = rows[i].map(text).filter(Boolean);
    if (!label || !value) continue;
    const l = compact(label).replace(/[：:]$/, '');
    if (/机关/.test(l)) out.township.organName = value;
    else if (/代码/.test(l)) out.township.code = halfWidth(value);
    else if (/^(乡镇|镇|乡镇名称|镇名|乡镇名)$/.test(l)) out.township.name = value;
  }
  let last: VillageDraft | null = null;
  for (let i = header + 1; i < rows.length; i++) {
    const r = rows[i];
    const name = compact(r[cols.village]);
    const code = halfWidth(text(r[cols.code]));
    const groups = splitGroups(r[cols.groups]);
    if (!name && !code && groups.length === 0) continue;
    if (/^(合计|小计|总计)$/.test(name)) continue;
    if (!name && !code) {
      if (last) last.groups.push(...groups);
      else out.problems.push(`第 ${i + 1} 行：只有村民小组“${groups.join('、')}”，上面没有村，无法归入`);
      continue;
    }
    const same = out.villages.find((v) => v.name === name && (v.code === code || !code));
    if (same) { same.groups.push(...groups); last = same; continue; }
    last = { name, code, groups };
    out.villages.push(last);
  }
  return out;
}
