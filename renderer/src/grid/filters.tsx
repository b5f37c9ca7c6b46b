import type { IDoesFilterPassParams, IRowNode } from 'ag-grid-community';
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { Button, Checkbox, Input, Space } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseDate } from '../../../electron/values/dates';
import type { Row } from '../registers/types';
import { loadPinyin, matches, matchWords, pinyinOf } from './search';

export const BLANK = '（空白）';
/** Rows of the checklist drawn at once; a name column of 2,700 households is narrowed by the search box. */
const SHOWN = 300;

/** What a cell shows, as the checklist lists it. */
function shown(p: CustomFilterProps<Row>, node: IRowNode<Row>): string {
  const v = p.api.getCellValue({ rowNode: node, colKey: p.column, useFormatter: true }) as unknown;
  if (typeof v === 'boolean') return v ? '√' : BLANK;
  const s = v === null || v === undefined ? '' : String(v).trim();
  return s === '' ? BLANK : s;
}

type ChecklistModel = { values: string[] };

/**
 * WPS's 筛选 checklist on AG Grid Community (its Set Filter is Enterprise): every value of the column
 * with how many rows hold it, a search box (pinyin too: "xs" finds 新上村), 全选 and 清除. Ticking applies
 * at once; all ticked is no filter.
 */
export function ChecklistFilter(props: CustomFilterProps<Row, unknown, ChecklistModel>) {
  const { model, onModelChange, api, column } = props;
  const [search, setSearch] = useState('');
  const [, setPinyin] = useState(false);
  useEffect(() => { void loadPinyin().then(() => setPinyin(true)); }, []);

  // Values in the column's own order (villages as the township orders them, names by pinyin), with counts.
  const entries = useMemo(() => {
    const counts = new Map<string, { n: number; node: IRowNode<Row> }>();
    api.forEachNode((node) => {
      if (!node.data) return;
      const s = shown(props, node);
      const e = counts.get(s);
      if (e) e.n++; else counts.set(s, { n: 1, node });
    });
    const c = column.getColDef().comparator;
    const cmp = typeof c === 'function' ? c : undefined;
    return [...counts.entries()].sort(([a, x], [b, y]) => {
      if (a === BLANK || b === BLANK) return a === b ? 0 : a === BLANK ? 1 : -1;
      const va = x.node.data ? api.getCellValue({ rowNode: x.node, colKey: column }) : a;
      const vb = y.node.data ? api.getCellValue({ rowNode: y.node, colKey: column }) : b;
      return cmp ? cmp(va, vb, x.node, y.node, false) : a.localeCompare(b, 'zh-CN');
    }).map(([value, e]) => ({ value, n: e.n }));
    // Recounted whenever the popup opens (the component is created anew) or the model changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, column, model]);

  const selected = useMemo(() => new Set(model?.values ?? entries.map((e) => e.value)), [model, entries]);
  const words = matchWords(search);
  const visible = words.length ? entries.filter((e) => matches(`${e.value.toLowerCase()} ${pinyinOf(e.value, false)}`, words)) : entries;

  const set = (next: Set<string>) => {
    onModelChange(next.size === entries.length && entries.every((e) => next.has(e.value)) ? null : { values: [...next] });
  };
  const toggle = (value: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(value); else next.delete(value);
    set(next);
  };

  const doesFilterPass = useCallback((p: IDoesFilterPassParams<Row>) => {
    if (!model) return true;
    return model.values.includes(shown(props, p.node));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model]);
  useGridFilter({
    doesFilterPass,
    getModelAsString: (m: ChecklistModel | null) => (m ? m.values.join('、') : ''),
  });

  return (
    <div className="checklist-filter" data-testid="checklist-filter">
      <Input size="small" allowClear placeholder="搜索（可输拼音）" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="搜索筛选项" />
      <Space size={4} className="checklist-actions">
        <Button size="small" onClick={() => set(new Set(words.length ? [...selected, ...visible.map((e) => e.value)] : entries.map((e) => e.value)))}>全选</Button>
        <Button size="small" onClick={() => set(words.length ? new Set([...selected].filter((v) => !visible.some((e) => e.value === v))) : new Set())}>清除</Button>
      </Space>
      <ul className="checklist">
        {visible.slice(0, SHOWN).map((e) => (
          <li key={e.value}>
            <Checkbox checked={selected.has(e.value)} onChange={(x) => toggle(e.value, x.target.checked)}>
              <span className="checklist-value">{e.value}</span><span className="checklist-count">{e.n}</span>
            </Checkbox>
          </li>
        ))}
        {visible.length === 0 && <li className="checklist-empty">没有匹配的值</li>}
        {visible.length > SHOWN && <li className="checklist-empty">还有 {visible.length - SHOWN} 项，请在上面搜索</li>}
      </ul>
    </div>
  );
}

type RangeModel = { from: string; to: string };

/** 从 … 到 …: dates (any way the ledger reads them: 2014.3.5, 2014年3月5日) or numbers, both ends optional. */
export function RangeFilter(props: CustomFilterProps<Row, unknown, RangeModel> & { kind: 'date' | 'number' }) {
  const { model, onModelChange, kind } = props;
  const [from, setFrom] = useState(model?.from ?? '');
  const [to, setTo] = useState(model?.to ?? '');
  const read = (s: string): string | number | null => {
    const t = s.trim();
    if (!t) return null;
    if (kind === 'date') { const r = parseDate(t); return r.ok ? r.value : null; }
    const n = Number(t.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  };
  const lo = read(model?.from ?? ''), hi = read(model?.to ?? '');
  const bad = (s: string) => s.trim() !== '' && read(s) === null;

  const doesFilterPass = useCallback((p: IDoesFilterPassParams<Row>) => {
    const raw = props.api.getCellValue({ rowNode: p.node, colKey: props.column, useFormatter: false }) as unknown;
    const colDef = props.column.getColDef();
    let v: unknown = raw;
    if (typeof colDef.filterValueGetter === 'function') v = colDef.filterValueGetter({ ...p, column: props.column, colDef, getValue: () => raw, api: props.api, context: undefined } as never);
    if (v === null || v === undefined || v === '') return lo === null && hi === null;
    if (lo !== null && (v as string | number) < lo) return false;
    if (hi !== null && (v as string | number) > hi) return false;
    return true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model]);
  useGridFilter({ doesFilterPass, getModelAsString: (m: RangeModel | null) => (m ? `${m.from || '…'} 至 ${m.to || '…'}` : '') });

  const apply = (f: string, t: string) => {
    setFrom(f); setTo(t);
    if (bad(f) || bad(t)) return;
    onModelChange(f.trim() || t.trim() ? { from: f.trim(), to: t.trim() } : null);
  };
  const ph = kind === 'date' ? '2014-01-01' : '';
  return (
    <div className="range-filter" data-testid="range-filter">
      <label>从 <Input size="small" value={from} placeholder={ph} status={bad(from) ? 'error' : undefined} onChange={(e) => apply(e.target.value, to)} aria-label="从" /></label>
      <label>到 <Input size="small" value={to} placeholder={ph} status={bad(to) ? 'error' : undefined} onChange={(e) => apply(from, e.target.value)} aria-label="到" /></label>
      {(bad(from) || bad(to)) && <div className="range-bad">{kind === 'date' ? '日期写作 2014-3-5、2014.3.5 或 2014年3月5日' : '请填写数字'}</div>}
      <Button size="small" onClick={() => apply('', '')}>清除</Button>
    </div>
  );
}
