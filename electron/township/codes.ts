/**
 * The township's base data as the clerk gives it, and the checks FORMATS.md sets for it. Pure: the
 * setup page checks as the clerk types, the API and the CLI check again before writing.
 */
export type VillageDraft = { name: string; code: string; groups: string[] };
export type TownshipDraft = { name: string; code: string; organName: string; county?: string; villages: VillageDraft[] };
export type DraftProblem = { field: string; message: string };

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一组, 12 → 十二组, 20 → 二十组. */
export function groupName(n: number): string {
  if (n <= 10) return `${DIGITS[n]}组`;
  return `${n < 20 ? '' : DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}组`;
}

/** Full-width digits and letters to half-width, spaces out: codes arrive typed in Chinese input modes. */
export function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
}

/** A group as written → its stored name: "3", "3组", "第3组" become 三组; other names stay as typed. */
export function normaliseGroup(raw: string): string {
  const s = halfWidth(raw);
  const m = /^第?(\d{1,2})(组|社|队|村民小组)?$/.exec(s);
  return m && Number(m[1]) > 0 ? groupName(Number(m[1])) : s;
}

/**
 * The township's statistical code, stored as its 9 digits (DOMAIN.md: 上坝镇 620902104). The 12-digit
 * form of the national code list (620902104000) is accepted and shortened.
 */
export function townshipCode(raw: string): { ok: true; code: string } | { ok: false; message: string } {
  let s = halfWidth(raw);
  if (/^\d{12}$/.test(s)) {
    if (!s.endsWith('000')) return { ok: false, message: `乡镇代码 ${s} 是 12 位，但后 3 位不是 000；12 位的乡镇代码应以 000 结尾（如 620902104000），也可只填前 9 位` };
    s = s.slice(0, 9);
  }
  if (!/^\d{9}$/.test(s)) return { ok: false, message: `乡镇代码“${raw}”应为 9 位数字（如 620902104），或 12 位统计用区划代码（如 620902104000）` };
  if (!s.startsWith('62')) return { ok: false, message: `乡镇代码 ${s} 的前 2 位应为 62（甘肃省）` };
  const t = Number(s.slice(6, 9));
  if (t < 100 || t > 199) return { ok: false, message: `乡镇代码 ${s} 的第 7–9 位是 ${s.slice(6, 9)}，镇的代码应在 100–199 之间` };
  return { ok: true, code: s };
}

/** A village's 12-digit code: the township's 9 digits, then 200–399. */
export function villageCodeProblem(code: string, township: string | null): string | null {
  const s = halfWidth(code);
  if (!/^\d{12}$/.test(s)) return `村代码“${code}”应为 12 位数字（如 620902104200）`;
  if (!s.startsWith('62')) return `村代码 ${s} 的前 2 位应为 62（甘肃省）`;
  if (township && !s.startsWith(township)) return `村代码 ${s} 的前 9 位应与乡镇代码 ${township} 相同`;
  const v = Number(s.slice(9));
  if (v < 200 || v > 399) return `村代码 ${s} 的后 3 位是 ${s.slice(9)}，村的代码应在 200–399 之间`;
  return null;
}

export function villageNameProblem(name: string): string | null {
  const s = name.trim();
  if (!s) return '村名不能为空';
  if (s.length > 20) return `村名“${s}”超过 20 个字`;
  return null;
}

export function groupNameProblem(name: string): string | null {
  const s = name.trim();
  if (!s) return '村民小组名称不能为空';
  if (s.length > 20) return `村民小组“${s}”超过 20 个字`;
  return null;
}

/** The draft with names trimmed, codes half-width and groups normalised, as it will be stored. */
export function cleanDraft(d: TownshipDraft): TownshipDraft {
  const code = townshipCode(d.code);
  return {
    name: d.name.trim(), code: code.ok ? code.code : halfWidth(d.code), organName: d.organName.trim(),
    ...(d.county?.trim() ? { county: d.county.trim() } : {}),
    villages: d.villages.map((v) => ({ name: v.name.trim(), code: halfWidth(v.code), groups: v.groups.map(normaliseGroup).filter(Boolean) })),
  };
}

/** Every problem of a draft, each naming the village it is in; empty when it can be set up. */
export function checkDraft(raw: TownshipDraft): DraftProblem[] {
  const d = cleanDraft(raw);
  const out: DraftProblem[] = [];
  if (!d.name) out.push({ field: 'name', message: '请填写乡镇名称（如 上坝镇）' });
  else if (d.name.length > 20) out.push({ field: 'name', message: '乡镇名称超过 20 个字' });
  const code = townshipCode(raw.code);
  if (!code.ok) out.push({ field: 'code', message: code.message });
  if (!d.organName) out.push({ field: 'organName', message: '请填写本镇机关的名称（如 上坝镇机关），镇机关干部的结对登记在它名下' });
  else if (d.organName.length > 40) out.push({ field: 'organName', message: '镇机关名称超过 40 个字' });
  if (d.county && d.county.length > 20) out.push({ field: 'county', message: '区县名称超过 20 个字' });
  if (d.villages.length === 0) out.push({ field: 'villages', message: '请至少填写一个行政村' });
  const names = new Map<string, number>();
  const codes = new Map<string, number>();
  d.villages.forEach((v, i) => {
    const who = `第 ${i + 1} 个村${v.name ? `（${v.name}）` : ''}`;
    const at = (f: string) => `villages.${i}.${f}`;
    const n = villageNameProblem(v.name);
    if (n) out.push({ field: at('name'), message: `${who}：${n}` });
    else if (names.has(v.name)) out.push({ field: at('name'), message: `${who}：村名与第 ${names.get(v.name)! + 1} 个村重复` });
    else names.set(v.name, i);
    const c = villageCodeProblem(v.code, code.ok ? code.code : null);
    if (c) out.push({ field: at('code'), message: `${who}：${c}` });
    else if (codes.has(v.code)) out.push({ field: at('code'), message: `${who}：村代码与第 ${codes.get(v.code)! + 1} 个村重复` });
    else codes.set(v.code, i);
    if (v.groups.length === 0) out.push({ field: at('groups'), message: `${who}：请至少填写一个村民小组（如 一组、二组）` });
    const seen = new Set<string>();
    for (const g of v.groups) {
      const p = groupNameProblem(g);
      if (p) out.push({ field: at('groups'), message: `${who}：${p}` });
      else if (seen.has(g)) out.push({ field: at('groups'), message: `${who}：村民小组“${g}”写了两次` });
      seen.add(g);
    }
  });
  return out;
}
