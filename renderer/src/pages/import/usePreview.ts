import { App as AntApp } from 'antd';
import type { UploadFile } from 'antd';
import { useRef, useState } from 'react';
import type { LedgerClient } from '../../../../electron/api/client';
import type { ImportReport, RosterChoice, SheetChoice, ValueChoice } from '../../../../electron/io/import/types';
import { holdFile } from '../../client/ledger';
import { Stopped, useLongCall } from '../../client/useLongCall';

export type Chosen = UploadFile;

/**
 * The preview's state: the chosen files, the clerk's corrections (sheet kinds, columns, unlisted
 * words) and the newest preview. Every request is tagged; an answer to an older request is dropped,
 * so a slow preview can never overwrite a newer one, and `current` is false until the newest is in.
 */
export function usePreview(files: Chosen[], includeHidden: boolean) {
  const [choices, setChoices] = useState<SheetChoice[]>([]);
  const [values, setValues] = useState<ValueChoice[]>([]);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  // Preview and commit run as long calls: progress with the call's id, 取消, a newer preview replacing an older one.
  const long = useLongCall();
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  /** T1 sheets the clerk marked as their unit's complete roster, and the end date for rosters without 填报时间. */
  const roster = useRef<{ sheets: RosterChoice[]; date?: string }>({ sheets: [] });
  /** The upload handle of each chosen file: sent once, named by every later preview and the commit. */
  const held = useRef(new Map<string, string>());
  const { message } = AntApp.useApp();

  const input = async (c: SheetChoice[], v: ValueChoice[]) => ({
    files: await Promise.all(files.map(async (f) => {
      let handle = held.current.get(f.uid);
      if (handle === undefined) held.current.set(f.uid, (handle = await holdFile(f.originFileObj!)));
      return { name: f.name, handle };
    })),
    includeHidden, choices: c, values: v,
    completeRoster: roster.current.sheets, ...(roster.current.date ? { rosterDate: roster.current.date } : {}),
  });

  const withProgress = async <T,>(first: string, work: (client: LedgerClient) => Promise<T>, replace = false): Promise<T | null> => {
    try {
      return await long.run(first, work, { replace });
    } catch (e) {
      if (e instanceof Stopped) { if (e.by === 'person') message.info(e.message); }
      else message.error((e as Error).message);
      return null;
    }
  };

  /** Runs the preview with these corrections; true when its answer is the newest and was shown. */
  const run = async (c: SheetChoice[], v: ValueChoice[]): Promise<boolean> => {
    const tag = ++latest.current;
    setChoices(c);
    setValues(v);
    setPending(true);
    const r = await withProgress('正在读取文件…', async (l) => l.imports.preview(await input(c, v)), true);
    if (tag !== latest.current) return false;
    setPending(false);
    if (r) setPreview(r);
    return Boolean(r);
  };

  const choose = (file: string, sheet: string | null, patch: Partial<SheetChoice>) => {
    const others = choices.filter((c) => !(c.file === file && c.sheet === sheet));
    const before = choices.find((c) => c.file === file && c.sheet === sheet) ?? { file, sheet };
    const next = { ...before, ...patch, columns: patch.kind !== undefined ? undefined : { ...before.columns, ...patch.columns } };
    void run([...others, next], values);
  };

  const decide = (answers: ValueChoice[]) => {
    const same = (a: ValueChoice, b: ValueChoice) => a.unit === b.unit && a.key === b.key && a.original === b.original;
    void run(choices, [...values.filter((v) => !answers.some((a) => same(a, v))), ...answers]);
  };

  /** 作为完整花名册: on or off for a T1 sheet; `date` when the sheet has no 填报时间. */
  const setRoster = (file: string, sheet: string | null, on: boolean, date?: string) => {
    const others = roster.current.sheets.filter((r) => !(r.file === file && r.sheet === sheet));
    roster.current = { sheets: [...others, { file, sheet, on }], date: date ?? roster.current.date };
    void run(choices, values);
  };

  const commit = () => withProgress('正在写入台账…', async (l) => l.imports.commit(await input(choices, values)));

  const reset = () => { latest.current++; setChoices([]); setValues([]); setPreview(null); setPending(false); held.current.clear(); roster.current = { sheets: [] }; };

  return { preview, busy: long.progress, cancel: long.cancel, cancelling: long.cancelling, pending, values, run: (): Promise<boolean> => run(choices, values), choose, decide, setRoster, commit, reset };
}
