import { useState } from 'react';
import { checkDraft, type DraftProblem, type TownshipDraft } from '../../../../electron/township/codes';
import { parseVillageRows, splitGroups, tsvRows } from '../../../../electron/township/rows';
import { ledger } from '../../client/ledger';
import { toBase64 } from '../import/files';

/** A row of the small grid: the groups as one text cell, as the clerk types them (一组、二组). */
export type VillageLine = { key: number; name: string; code: string; groups: string };

let nextKey = 1;
export const blankLine = (): VillageLine => ({ key: nextKey++, name: '', code: '', groups: '' });
const isBlank = (l: VillageLine) => !l.name.trim() && !l.code.trim() && !l.groups.trim();

/** The setup page's state: township fields, the villages' lines, pasting and reading a sheet, and the checks. */
export function useSetupDraft() {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [county, setCounty] = useState('');
  const [organ, setOrgan] = useState('');
  const [organTouched, setOrganTouched] = useState(false);
  const [lines, setLines] = useState<VillageLine[]>([blankLine(), blankLine(), blankLine()]);
  const [notes, setNotes] = useState<string[]>([]);
  const [problems, setProblems] = useState<DraftProblem[]>([]);

  const organName = organTouched ? organ : (name.trim() ? `${name.trim()}机关` : '');
  const draft = (): TownshipDraft => ({
    name, code, organName, ...(county.trim() ? { county } : {}),
    villages: lines.filter((l) => !isBlank(l)).map((l) => ({ name: l.name, code: l.code, groups: splitGroups(l.groups) })),
  });

  const update = (key: number, patch: Partial<VillageLine>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  /** Rows from Excel or a sheet go in place of the blank lines; the township lines above the header fill empty fields. */
  const take = (parsed: ReturnType<typeof parseVillageRows>) => {
    const incoming = parsed.villages.map((v) => ({ key: nextKey++, name: v.name, code: v.code, groups: v.groups.join('、') }));
    setLines((ls) => [...ls.filter((l) => !isBlank(l)), ...incoming, blankLine()]);
    if (parsed.township.name && !name) setName(parsed.township.name);
    // The township's code is its villages' first 9 digits, when the sheet does not say it.
    const prefixes = [...new Set(parsed.villages.map((v) => v.code.slice(0, 9)))];
    const inferred = parsed.township.code ?? (prefixes.length === 1 && /^\d{9}$/.test(prefixes[0]) ? prefixes[0] : undefined);
    if (inferred && !code) setCode(inferred);
    if (parsed.township.organName && !organTouched) { setOrgan(parsed.township.organName); setOrganTouched(true); }
    setNotes([`已读入 ${incoming.length} 个村`, ...parsed.problems]);
  };

  const paste = (text: string): boolean => {
    if (!/[\t\n]/.test(text.trim())) return false;
    take(parseVillageRows(tsvRows(text)));
    return true;
  };

  const readSheet = async (file: File) => {
    const parsed = await ledger.township.readSheet({ name: file.name, base64: await toBase64(file) });
    take(parsed);
  };

  const check = (): TownshipDraft | null => {
    const d = draft();
    const p = checkDraft(d);
    setProblems(p);
    return p.length ? null : d;
  };

  return {
    name, setName, code, setCode, county, setCounty, organName, setOrgan: (v: string) => { setOrgan(v); setOrganTouched(true); },
    lines, update, add: () => setLines((ls) => [...ls, blankLine()]), remove: (key: number) => setLines((ls) => ls.filter((l) => l.key !== key)),
    paste, readSheet, notes, problems, setProblems, check,
  };
}
