import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Lookups } from '../../../electron/api/meta';
import { parseDate, todayIso } from '../../../electron/values/dates';
import { parseCount, parseScaled, plainScaled } from '../../../electron/values/numbers';
import { ledger } from '../client/ledger';
import { RANK_LABEL } from '../format';
import type { Row } from '../registers/types';
import { idHint, type Picked } from './cells';
import { loadPinyin, matches, matchWords, pinyinOf } from './search';
import { typedStart } from './typing';

type Hint = { ok: boolean; message: string };

/** The text an edit starts from: the key that started it (typing over a cell, as in Excel), or the cell's value. */
function startText(props: CustomCellEditorProps): string {
  const k = props.eventKey;
  const typed = typedStart(k);
  if (typed !== null) return typed;
  if (k === 'Backspace' || k === 'Delete') return '';
  return props.value === null || props.value === undefined ? '' : String(props.value);
}

/** A line under the cell saying what the typed text will be saved as, or why it cannot be. */
function HintBelow({ anchor, hint }: { anchor: HTMLElement; hint: Hint | null }) {
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const r = anchor.getBoundingClientRect();
    setPos({ left: r.left, top: r.bottom + 2 });
  }, [anchor]);
  if (!hint || !pos) return null;
  return createPortal(
    <div className={`cell-hint ${hint.ok ? 'ok' : 'bad'}`} role="status" style={{ left: pos.left, top: pos.top }}>{hint.message}</div>,
    document.body,
  );
}

function CheckedTextEditor(props: CustomCellEditorProps & { check: (text: string) => Hint | null; placeholder?: string }) {
  const [text, setText] = useState(() => startText(props));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    // Typed over the cell: the caret after what was typed (a whole IME composition); else the value selected.
    if (typedStart(props.eventKey) === null) input.current?.select();
    props.onValueChange(text);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const hint = useMemo(() => props.check(text), [text, props]);
  return (
    <>
      <input ref={input} className="cell-editor" value={text} placeholder={props.placeholder} aria-invalid={hint ? !hint.ok : undefined}
        onChange={(e) => { setText(e.target.value); props.onValueChange(e.target.value); }} />
      <HintBelow anchor={props.eGridCell} hint={hint} />
    </>
  );
}

/** Plain text: what is typed is what is saved (the ledger checks the length and says so). */
export function TextEditor(props: CustomCellEditorProps) {
  return <CheckedTextEditor {...props} check={() => null} />;
}

/** 2014-3-5, 2014.3.5, 2014年3月5日 … shown as the date it will be saved as. */
export function DateEditor(props: CustomCellEditorProps & { event?: boolean }) {
  return <CheckedTextEditor {...props} placeholder="2014-03-05" check={(t) => {
    if (!t.trim()) return { ok: true, message: '可写作 2014-3-5、2014.3.5、2014年3月5日' };
    const r = parseDate(t);
    if (!r.ok) return { ok: false, message: r.reason };
    if (props.event && r.value > todayIso()) return { ok: false, message: `${r.value} 晚于今天` };
    return { ok: true, message: `将保存为 ${r.value}` };
  }} />;
}

/** An ID number checked as it is typed: length, birth date, check digit; says the sex and birth date. */
export function IdEditor(props: CustomCellEditorProps) {
  return <CheckedTextEditor {...props} check={(t) => idHint(t)} />;
}

/** 亩 or 元 with two decimals, kept exact: the typed text is what is sent. */
export function ScaledEditor(props: CustomCellEditorProps & { unit?: string }) {
  const value = typeof props.value === 'number' ? plainScaled(props.value) : props.value;
  return <CheckedTextEditor {...props} value={value} check={(t) => {
    if (!t.trim()) return null;
    const r = parseScaled(t, 2, '元|亩|袋|桶|斤|公斤|件|个|套|台|份|册|条|期|人次');
    if (!r.ok) return { ok: false, message: r.reason };
    if (r.value < 0) return { ok: false, message: '不能为负数' };
    const whole = Math.floor(r.value / 100), frac = String(r.value % 100).padStart(2, '0');
    return { ok: true, message: `${whole.toLocaleString('en-US')}.${frac}${props.unit ? ' ' + props.unit : ''}` };
  }} />;
}

export function CountEditor(props: CustomCellEditorProps) {
  return <CheckedTextEditor {...props} check={(t) => {
    if (!t.trim()) return null;
    const r = parseCount(t);
    return r.ok ? (r.value < 0 ? { ok: false, message: '不能为负数' } : null) : { ok: false, message: r.reason };
  }} />;
}

type Option = { id: number; label: string; detail: string; show: Row | Record<string, unknown> };

/**
 * Choose a cadre or a household by typing part of the name (or its pinyin initials for cadres),
 * with the village or unit shown so that two people of one name can be told apart.
 */
export function PickerEditor(props: CustomCellEditorProps & { source: 'cadre' | 'household'; lookups: () => Lookups | null }) {
  const [text, setText] = useState(() => typedStart(props.eventKey) ?? '');
  const [options, setOptions] = useState<Option[]>([]);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  useEffect(() => { input.current?.focus(); void loadPinyin(); }, []);

  useEffect(() => {
    const me = ++seq.current;
    if (props.source === 'cadre') {
      const lk = props.lookups();
      const words = matchWords(text);
      const units = new Map(lk?.units.map((u) => [u.id, u.name]));
      setOptions((lk?.cadres ?? [])
        .filter((c) => !words.length || matches(`${c.name} ${pinyinOf(c.name, true)} ${units.get(c.unitId) ?? ''}`.toLowerCase(), words))
        .slice(0, 50)
        .map((c) => ({ id: c.id, label: c.name, detail: `${units.get(c.unitId) ?? ''} · ${RANK_LABEL[c.rank]}`,
          show: { cadreName: c.name, unitId: c.unitId, unitName: units.get(c.unitId) ?? '' } })));
      setActive(0);
      return;
    }
    const t = setTimeout(async () => {
      const res = await ledger.households.list({ search: text.trim() || undefined, limit: 50 });
      if (me !== seq.current) return;
      setOptions(res.rows.map((h) => ({
        id: h.id, label: h.head, detail: [h.villageName, h.groupName, h.idNumber].filter(Boolean).join(' · '),
        show: { householdHead: h.head, idNumber: h.idNumber, villageId: h.villageId, villageName: h.villageName, groupName: h.groupName },
      })));
      setActive(0);
    }, 150);
    return () => clearTimeout(t);
  }, [text, props]);

  const choose = (o: Option | undefined) => {
    if (!o) return;
    props.onValueChange({ pick: o.id, show: o.show as Record<string, unknown> } satisfies Picked);
    // Let the grid read the new value before it stops editing.
    setTimeout(() => props.stopEditing(), 0);
  };

  return (
    <div className="picker" onKeyDown={(e) => {
      if (e.key === 'ArrowDown') { setActive((a) => Math.min(a + 1, options.length - 1)); e.preventDefault(); e.stopPropagation(); }
      else if (e.key === 'ArrowUp') { setActive((a) => Math.max(a - 1, 0)); e.preventDefault(); e.stopPropagation(); }
      else if (e.key === 'Enter') { choose(options[active]); e.preventDefault(); e.stopPropagation(); }
    }}>
      <input ref={input} className="cell-editor" value={text} placeholder={props.source === 'cadre' ? '姓名或拼音首字母' : '户主姓名或身份证号'}
        onChange={(e) => { setText(e.target.value); }} aria-label="查找并选择" />
      <ul role="listbox">
        {options.map((o, i) => (
          <li key={o.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''}
            onMouseDown={(e) => { e.preventDefault(); choose(o); }}>
            <b>{o.label}</b><span>{o.detail}</span>
          </li>
        ))}
        {options.length === 0 && <li className="empty">没有匹配的{props.source === 'cadre' ? '干部' : '户'}</li>}
      </ul>
    </div>
  );
}
