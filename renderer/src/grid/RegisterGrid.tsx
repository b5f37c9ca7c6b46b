import type {
  CellClassParams, CellDoubleClickedEvent, CellFocusedEvent, CellMouseOverEvent, ColDef, Column, GridApi,
  GetRowIdParams, GridReadyEvent, IRowNode, ModelUpdatedEvent, ValueSetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, App as AntApp, Button, Input, Space, Tooltip, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { pageRows } from '../../../electron/api/page-rows';
import { beginLoad, clientOf, firstLimitOf, PAGE, takeEarly, type Start } from './begin-load';
import { useLookups } from '../client/lookups';
import { useStatus } from '../client/status';
import { confirmDelete } from '../safety/confirmDelete';
import { HistoryDrawer } from '../safety/HistoryDrawer';
import { HouseholdFileDrawer } from '../pages/HouseholdFile';
import { periodDates, type GridContext, type RegisterDef, type Row } from '../registers/types';
import { parseCell, type ColMeta } from './cells';
import { ChecklistFilter, RangeFilter } from './filters';
import { comparatorFor, registerOrder, sortRows, type Run } from './order';
import { TextEditor } from './editors';
import { forwardedKeys, isImeKey, typedStart, useTypingProxy } from './typing';
import { GridController, errorKey, isDraft, type CellEdit, type Problem } from './controller';
import { GridFooter, type FooterFigures } from './GridFooter';
import { footerFigures } from './footer-figures';
import { RangeSelection } from './range';
import { loadPinyin, matches, matchWords, pinyinReady, rowSearchText } from './search';
import { gridTheme, localeText } from './setup';
import { ShortcutHelp } from './ShortcutHelp';
import { parseTsv, toTsv } from './tsv';

// No inferred data types: every column parses its own text (a date column must take 2014年3月5日).
// Keys of an IME composition (Enter picking a candidate, …) belong to the input method, not the grid.
const DEFAULT_COL: ColDef<Row> = {
  sortable: true, filter: true, resizable: true, cellDataType: false,
  suppressKeyboardEvent: (p) => isImeKey(p.event as KeyboardEvent),
};
const DEFAULT_COL_FILTER_ROW: ColDef<Row> = { ...DEFAULT_COL, floatingFilter: true };
/** Columns whose editor is a list to choose from: typing over them opens a text box with what was typed. */
const CHOICE_KINDS = new Set(['list', 'code', 'village', 'group', 'unit', 'zone']);
const ROW_COL = '__row';
/** Rows drawn beyond the visible ones for smooth scrolling (AG Grid's own default). */
const ROW_BUFFER = 10;

/**
 * One register in an editable grid, with the spreadsheet habits AG Grid Community leaves out: a cell
 * range (shift+click, shift+arrows, drag), Ctrl+C / Ctrl+V of Excel/WPS blocks, Ctrl+D, Delete,
 * Ctrl+Z / Ctrl+Y through the ledger, pinyin quick find, and a footer of exact sums.
 */
export function RegisterGrid({ def, compact, period, warm }: { def: RegisterDef; compact?: boolean; period?: string; warm?: boolean }) {
  const { lookups, refresh } = useLookups();
  const { markSaving } = useStatus();
  const { message, modal } = AntApp.useApp();
  const [state, setState] = useState<{ loaded: number; total: number; done: boolean }>({ loaded: 0, total: 0, done: false });
  const [quick, setQuick] = useState('');
  const [problems, setProblems] = useState<{ summary: string; list: Problem[] } | null>(null);
  const [figures, setFigures] = useState<FooterFigures>({ shown: 0, sums: [] });
  const [, setTick] = useState(0);
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const [historyOf, setHistoryOf] = useState<Row | null>(null);
  const [help, setHelp] = useState(false);
  const [filterRow, setFilterRow] = useState(true);
  const gridContext = useRef<GridContext>({}).current;
  const apiRef = useRef<GridApi<Row> | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const pasteSink = useRef<HTMLTextAreaElement>(null);
  const typeProxy = useRef<HTMLTextAreaElement>(null);
  const findRef = useRef<InputRef>(null);
  const lookupsRef = useRef(lookups);
  lookupsRef.current = lookups;
  // The register's order ranks villages and groups by the lookups: a load opened with the window waits for them.
  const lookupsWaiting = useRef<(() => void)[]>([]);
  useEffect(() => { if (lookups) for (const ok of lookupsWaiting.current.splice(0)) ok(); }, [lookups]);
  const whenLookups = useCallback(() => (lookupsRef.current ? Promise.resolve()
    : new Promise<void>((ok) => { lookupsWaiting.current.push(ok); })), []);
  const range = useRef(new RangeSelection()).current;
  const shiftHeld = useRef(false);
  const dragging = useRef(false);
  const words = useRef<string[]>([]);
  const searchCache = useRef(new WeakMap<object, string>()).current;

  const client = clientOf(def);
  const ctl = useMemo(() => new GridController(
    def, client, () => lookupsRef.current,
    {
      error: (summary, list = []) => {
        setProblems(list.length ? { summary, list } : null);
        const first = list[0];
        message.error({ content: list.length === 1 ? `${first.row}${first.column ? `“${first.column}”` : ''}未保存：${first.reason}` : summary, duration: 6 });
      },
      info: (text) => message.info(text),
      saved: () => setProblems(null),
    },
    markSaving,
    () => {
      setTick((n) => n + 1);
      if (['units', 'cadres', 'greenhouseZones', 'unitVillages'].includes(def.area)) void refresh();
    },
    def.readOnly ? null : sessionStorage,
  ), [def, client, message, markSaving, refresh]);

  // --- loading: a small first page shows at once, the rest follows in big pages in the background ---
  const loadId = useRef(0);
  const firstLimit = firstLimitOf(def);
  const start = useCallback((): Start => beginLoad(def), [def]);
  // The first page is asked for as the grid mounts (or already as the route changed to it: `beginEarly`),
  // while the lookups and the columns are still on their way; the first load takes it, every later load
  // (after an import, a restore) asks afresh.
  const early = useRef<Start | null | undefined>(undefined);
  // Drawn ahead while the clerk is elsewhere (WarmRegister.tsx): its pages are read and sorted meanwhile,
  // and go into the grid once it is shown.
  const warmRef = useRef(warm);
  warmRef.current = warm;
  const [shown] = useState(() => { let ok = () => {}; const p = new Promise<void>((r) => { ok = r; }); return { p, ok }; });
  useEffect(() => { if (!warm) shown.ok(); }, [warm, shown]);
  if (early.current === undefined) early.current = warm ? start() : takeEarly(def) ?? start();
  // The grid is created once the first page is here, with its rows: AG Grid then draws them as it is
  // created (not an empty grid first, then the rows again), and the page's requests leave before the
  // grid's creation holds the window's thread (a request the browser has not sent waits for it).
  const [firstRows, setFirstRows] = useState<Row[] | null>(null);
  useEffect(() => {
    let live = true;
    const began = early.current;
    if (!began) return;
    const show = (rows: Row[]) => { if (live) setFirstRows(rows); };
    began.first
      .then(async (first) => { if (def.order) await whenLookups(); show(sortRows(first.rows, def.order, lookupsRef.current)); })
      // The load that follows reports the failure; the grid shows empty meanwhile.
      .catch(() => show([]));
    return () => { live = false; };
  }, [def, whenLookups]);
  const load = useCallback(async (api: GridApi<Row>) => {
    const me = ++loadId.current;
    const size = def.pageSize ?? PAGE;
    const began = early.current ?? start();
    early.current = null;
    const first = await began.first;
    if (def.order) await whenLookups();
    if (me !== loadId.current || api.isDestroyed()) return;
    // The grid was created with the first page's rows (firstRows).
    let loaded = first.rows.length;
    const short = first.rows.length < firstLimit;
    let total = first.total ?? (short ? loaded : (await began.cuts!).total);
    if (me !== loadId.current || api.isDestroyed()) return;
    let done = short || loaded >= total;
    setState({ loaded, total, done });
    const order = registerOrder(def.order, lookupsRef.current);
    /**
     * Every row for the grid: those it shows already (with any edit made meanwhile) and the pages read
     * behind them (each sorted as it arrived), merged in the register's order; new rows not yet saved
     * stay last.
     */
    const inOrder = (pages: Run[]): { rows: Row[]; drafts: number } => {
      const shown = new Map<number, Row>();
      const drafts: Row[] = [];
      api.forEachNode((n) => { if (n.data) { if (isDraft(n.data)) drafts.push(n.data); else shown.set(n.data.id, n.data); } });
      // A page's copy of a row the grid shows already is left out (the shown one may carry an edit).
      const rows = order.merge([order.run([...shown.values()]), ...pages], (row) => shown.has(row.id) && shown.get(row.id) !== row);
      rows.push(...drafts);
      return { rows, drafts: drafts.length };
    };
    const take = (rows: Row[], last: boolean) => {
      if (rows.length) api.applyTransaction({ add: rows });
      loaded += rows.length;
      done = last;
      if (done) total = loaded;
      setState({ loaded, total, done });
    };
    if (def.list) {
      while (!done) {
        const page = await def.list({ offset: loaded, limit: size });
        if (me !== loadId.current || api.isDestroyed()) return;
        if (page.total !== null) total = page.total;
        take(page.rows, page.rows.length < size || loaded + page.rows.length >= total);
      }
    } else if (!done) {
      // The pages are gathered, not added one by one: the rows go into the grid once, already in the
      // register's order, so the grid neither takes in page after page nor sorts 100,000 rows itself.
      const asked = await began.rest!;
      if (me !== loadId.current || api.isDestroyed()) return;
      const pages: Run[] = [];
      let last = false;
      for (let i = 0; i < asked.length; i++) {
        const page = pageRows<Row>(await asked[i]);
        if (me !== loadId.current || api.isDestroyed()) return;
        const open = i === asked.length - 1;
        // Sorted now, while the next page is still on its way: once the last is here, only a merge is left.
        pages.push(order.run(page));
        loaded += page.length;
        last = open && page.length < size;
        if (open && !last) asked.push(client.page({ afterId: page.at(-1)!.id, limit: size }));
        if (!last) setState({ loaded, total, done: false });
      }
      if (warmRef.current) {
        // After the frame that shows the rows drawn ahead: putting every row in holds the window a while.
        await shown.p;
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        if (me !== loadId.current || api.isDestroyed()) return;
      }
      const { rows, drafts } = inOrder(pages);
      // With no new row and no cell open, the rows go in as new data: AG Grid then makes a node per row
      // without first matching each of 100,000 rows against the ones it holds by id (a fifth of the
      // time). Rows and cells are found by id and index, so an edit still on its way lands all the same.
      const fresh = drafts === 0 && api.getEditingCells().length === 0;
      footerFromRows.current = fresh;
      api.updateGridOptions({ resetRowDataOnUpdate: fresh, rowData: rows });
      if (fresh) api.setGridOption('resetRowDataOnUpdate', false);
      loaded = rows.length - drafts;
      take([], true);
      latest.current.showFigures(drafts === 0 ? rows : undefined);
    }
    bufferRows(api);
    await loadPinyin();
    warmSearch(api);
  }, [def, client, start, firstLimit, whenLookups]);

  // --- quick find: each row's search text built once, in slices after loading so typing never waits ---
  const searchTextOf = useCallback((data: Row): string => {
    let s = searchCache.get(data);
    if (s === undefined) {
      const api = apiRef.current!;
      const values: string[] = [];
      for (const c of api.getColumns() ?? []) {
        const cd = c.getColDef();
        const m = cd.context as ColMeta | undefined;
        const f = cd.field;
        if (!f || !m || m.kind === 'mark') continue;
        const v = data[f];
        if (v === null || v === undefined) continue;
        if (m.kind === 'code') values.push(m.labels[v as string] ?? String(v));
        else if (m.kind === 'scaled' && typeof v === 'number') values.push((v / 100).toFixed(2));
        else values.push(String(v));
      }
      s = rowSearchText(values, (def.pinyin ?? []).map((p) => ({ text: (data[p.field] as string | null) ?? '', person: !!p.person })));
      if (pinyinReady()) searchCache.set(data, s);
    }
    return s;
  }, [def, searchCache]);

  const warmSearch = (api: GridApi<Row>) => {
    const nodes: IRowNode<Row>[] = [];
    api.forEachNode((n) => { nodes.push(n); });
    let i = 0;
    // In the window's idle time, so the rows just loaded and the footer draw first.
    const slice = (idle: IdleDeadline) => {
      if (api.isDestroyed()) return;
      do {
        const end = Math.min(i + 500, nodes.length);
        for (; i < end; i++) if (nodes[i].data) searchTextOf(nodes[i].data!);
      } while (i < nodes.length && idle.timeRemaining() > 1);
      if (i < nodes.length) requestIdleCallback(slice, { timeout: 1000 });
    };
    requestIdleCallback(slice, { timeout: 1000 });
  };

  useEffect(() => {
    const t = setTimeout(() => {
      words.current = matchWords(quick);
      const t0 = performance.now();
      apiRef.current?.onFilterChanged();
      // For the benchmark: how long the grid took to filter every row.
      container.current?.setAttribute('data-filter-ms', String(Math.round(performance.now() - t0)));
    }, 120);
    return () => clearTimeout(t);
  }, [quick]);

  // --- columns ---
  // A cell's tooltip (why its value was not saved) comes with the first such problem: a tooltip on every
  // column makes AG Grid wire each cell drawn for one, a fifth of the time the first screen takes.
  const [errorTips, setErrorTips] = useState(false);
  useEffect(() => { if (!errorTips && ctl.errors.size > 0) setErrorTips(true); });
  const colIndex = useRef(new Map<string, number>());
  const indexColumns = () => {
    colIndex.current = new Map((apiRef.current?.getAllDisplayedColumns() ?? []).map((c, i) => [c.getColId(), i]));
  };
  const columnDefs = useMemo<ColDef<Row>[]>(() => {
    if (!lookups) return [];
    const rowNumber: ColDef<Row> = {
      colId: ROW_COL, headerName: '序号', width: 70, editable: false, sortable: false, filter: false, pinned: 'left',
      valueGetter: (p) => (isDraft(p.data) ? '新' : (p.node?.rowIndex ?? 0) + 1), cellClass: 'row-number',
      tooltipValueGetter: (p) => (isDraft(p.data) ? '新行：填完必填项即保存' : def.householdField ? '双击打开户档案' : undefined),
      cellClassRules: { 'cell-range-row': (p: CellClassParams<Row>) => range.isBlock() && (p.node.rowIndex ?? -1) >= range.rect()!.r1 && (p.node.rowIndex ?? -1) <= range.rect()!.r2 },
    };
    return [rowNumber, ...def.columns(lookups).map((c): ColDef<Row> => {
      const colId = c.colId ?? c.field ?? '';
      const meta = c.context as ColMeta | undefined;
      const editable = !def.readOnly && meta?.kind !== 'readonly' && c.editable !== false;
      const ranged = meta?.kind === 'date' || meta?.kind === 'count' || meta?.kind === 'scaled' || c.type === 'rightAligned';
      return {
        ...(c as ColDef<Row>),
        colId,
        editable,
        comparator: comparatorFor(c.field ?? colId, lookups),
        // WPS's filters: a checklist of the column's values, dates and numbers by range.
        filter: ranged ? RangeFilter : ChecklistFilter,
        filterParams: ranged ? { kind: meta?.kind === 'date' ? 'date' : 'number' } : undefined,
        cellEditorSelector: meta && CHOICE_KINDS.has(meta.kind)
          ? (p) => (typedStart(p.eventKey) !== null ? { component: TextEditor } : undefined) : undefined,
        valueSetter: editable ? (p: ValueSetterParams<Row>) => {
          void ctl.edit([{ node: p.node, colId, input: p.newValue }], `修改“${c.headerName}”`);
          return false;
        } : undefined,
        cellClassRules: {
          ...(c.cellClassRules as object),
          'cell-error': (p: CellClassParams<Row>) => Boolean(p.data && ctl.errors.has(errorKey(p.data.id, colId))),
          'cell-range': (p: CellClassParams<Row>) => range.isBlock() && range.has(p.node.rowIndex ?? -1, colIndex.current.get(colId) ?? -1),
        },
        tooltipValueGetter: errorTips ? (p) => (p.data ? ctl.errors.get(errorKey(p.data.id, colId)) : undefined) : undefined,
      };
    })];
  }, [def, lookups, ctl, range, errorTips]);

  const redrawRange = () => apiRef.current?.refreshCells({ suppressFlash: true });

  // --- selection ---
  const cellOf = (rowIndex: number, colId: string) => ({ row: rowIndex, col: colIndex.current.get(colId) ?? 0 });
  const lastCol = () => Math.max(0, colIndex.current.size - 1);
  const lastMouse = useRef<{ row: number; colId: string; at: number } | null>(null);
  /** Keyboard moves: the range follows the focus (Shift held: it extends). Mouse clicks are handled on mousedown. */
  const onCellFocused = (e: CellFocusedEvent<Row>) => {
    if (e.rowIndex === null || e.rowIndex === undefined || !e.column || typeof e.column === 'string') return;
    const colId = (e.column as Column).getColId();
    const m = lastMouse.current;
    if (m && m.row === e.rowIndex && m.colId === colId && performance.now() - m.at < 1000) return;
    if (dragging.current) return;
    if (colId === ROW_COL) selectRows(e.rowIndex, shiftHeld.current);
    else if (shiftHeld.current && range.anchor) range.extend(cellOf(e.rowIndex, colId));
    else range.set(cellOf(e.rowIndex, colId));
    redrawRange();
  };
  const selectRows = (row: number, extend: boolean) => {
    // The row number selects the whole row, as Excel's row header does.
    if (extend && range.anchor) range.extend({ row, col: lastCol() });
    else { range.set({ row, col: 1 }); range.extend({ row, col: lastCol() }); }
  };
  /** Click, shift+click and the start of a drag, read from the mouse event itself (not from focus, which may come later). */
  const onMouseDownCapture = (e: React.MouseEvent) => {
    shiftHeld.current = e.shiftKey;
    if (e.button !== 0) return;
    const t = e.target as HTMLElement;
    const cellEl = t.closest<HTMLElement>('.ag-cell[col-id]');
    const rowEl = t.closest<HTMLElement>('.ag-row[row-index]');
    if (!cellEl || !rowEl || t.closest('.ag-popup-editor, .cell-editor')) return;
    const row = Number(rowEl.getAttribute('row-index'));
    const colId = cellEl.getAttribute('col-id')!;
    lastMouse.current = { row, colId, at: performance.now() };
    if (colId === ROW_COL) selectRows(row, e.shiftKey);
    else if (e.shiftKey && range.anchor) { range.extend(cellOf(row, colId)); e.preventDefault(); }
    else { range.set(cellOf(row, colId)); dragging.current = true; }
    redrawRange();
  };
  const onCellMouseOver = (e: CellMouseOverEvent<Row>) => {
    const ev = e.event as MouseEvent | undefined;
    if (!dragging.current || !ev || (ev.buttons & 1) === 0) { dragging.current = false; return; }
    range.extend(cellOf(e.rowIndex ?? 0, e.column.getColId()));
    redrawRange();
  };
  useEffect(() => {
    const up = () => { dragging.current = false; };
    const key = (e: KeyboardEvent) => { shiftHeld.current = e.shiftKey; };
    window.addEventListener('mouseup', up);
    window.addEventListener('keydown', key, true);
    window.addEventListener('keyup', key, true);
    return () => { window.removeEventListener('mouseup', up); window.removeEventListener('keydown', key, true); window.removeEventListener('keyup', key, true); };
  }, []);

  const selectedRect = () => {
    const r = range.rect();
    if (r) return r;
    const f = apiRef.current?.getFocusedCell();
    if (!f) return null;
    const c = colIndex.current.get(f.column.getColId()) ?? 0;
    return { r1: f.rowIndex, r2: f.rowIndex, c1: c, c2: c };
  };
  const displayedColumns = () => apiRef.current?.getAllDisplayedColumns() ?? [];
  const isEditing = () => (apiRef.current?.getEditingCells().length ?? 0) > 0;

  // --- clipboard ---
  const copySelection = (e: ClipboardEvent) => {
    const api = apiRef.current;
    const r = selectedRect();
    if (!api || !r) return;
    const cols = displayedColumns().slice(Math.max(r.c1, 1), r.c2 + 1);
    const block: string[][] = [];
    for (let i = r.r1; i <= r.r2; i++) {
      const node = api.getDisplayedRowAtIndex(i) ?? null;
      block.push(cols.map((c) => ctl.displayText(node, c)));
    }
    e.clipboardData?.setData('text/plain', toTsv(block));
    e.preventDefault();
    message.success(`已复制 ${block.length} 行 × ${cols.length} 列`);
  };

  const pasteText = async (text: string) => {
    const api = apiRef.current;
    if (!api || def.readOnly) return;
    let block = parseTsv(text);
    if (block.length === 0) return;
    const r = selectedRect() ?? { r1: 0, c1: 1, r2: 0, c2: 1 };
    const cols = displayedColumns();
    const c1 = Math.max(r.c1, 1);
    // One value pasted over a selected block fills the block, as in Excel.
    if (block.length === 1 && block[0].length === 1 && range.isBlock()) {
      block = Array.from({ length: r.r2 - r.r1 + 1 }, () => Array.from({ length: r.c2 - c1 + 1 }, () => block[0][0]));
    }
    const count = api.getDisplayedRowCount();
    const edits: CellEdit[] = [];
    let cut = 0;
    block.forEach((cells, i) => {
      const R = r.r1 + i;
      const node = R < count ? api.getDisplayedRowAtIndex(R) ?? null : null;
      cells.forEach((input, j) => {
        const col = cols[c1 + j];
        if (!col) { cut++; return; }
        edits.push({ node, newRow: R - count, colId: col.getColId(), input });
      });
    });
    const width = Math.max(...block.map((b) => b.length));
    const ok = await ctl.edit(edits, `粘贴 ${block.length} 行 × ${width} 列`, 'paste');
    if (ok) {
      setProblems(null);
      range.set({ row: r.r1, col: c1 });
      range.extend({ row: r.r1 + block.length - 1, col: Math.min(c1 + width - 1, cols.length - 1) });
      redrawRange();
      const added = Math.max(0, r.r1 + block.length - count);
      message.success(`已粘贴 ${block.length} 行 × ${width} 列${added ? `，新增 ${added} 行` : ''}${cut ? `；超出最后一列的 ${cut} 个单元格未粘贴` : ''}`);
    }
  };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const inEditor = (t: EventTarget | null) => t instanceof HTMLElement && t !== pasteSink.current && t !== typeProxy.current && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    const onPaste = (e: ClipboardEvent) => {
      if (inEditor(e.target) || isEditing()) return;
      e.preventDefault();
      const text = e.clipboardData?.getData('text/plain') ?? '';
      refocusCell();
      void pasteText(text);
    };
    const onCopy = (e: ClipboardEvent) => { if (!inEditor(e.target) && !isEditing()) copySelection(e); };
    el.addEventListener('paste', onPaste);
    el.addEventListener('copy', onCopy);
    return () => { el.removeEventListener('paste', onPaste); el.removeEventListener('copy', onCopy); };
  });

  const refocusCell = () => {
    const f = apiRef.current?.getFocusedCell();
    if (f) apiRef.current?.setFocusedCell(f.rowIndex, f.column);
  };

  // --- keyboard ---
  const fillDown = () => {
    const api = apiRef.current;
    const r = selectedRect();
    if (!api || !r || def.readOnly) return;
    const src = r.r1 === r.r2 ? r.r1 - 1 : r.r1;
    const from = api.getDisplayedRowAtIndex(src);
    if (!from?.data) return;
    const edits: CellEdit[] = [];
    const cols = displayedColumns().slice(Math.max(r.c1, 1), r.c2 + 1).filter((c) => c.getColDef().editable);
    for (let i = src + 1; i <= r.r2; i++) {
      const node = api.getDisplayedRowAtIndex(i);
      if (!node) continue;
      for (const c of cols) edits.push({ node, colId: c.getColId(), input: ctl.sourceValue(from, c.getColId()) });
    }
    void ctl.edit(edits, `向下填充 ${edits.length} 个单元格`, 'fill');
  };

  /** Delete: empties the selected cells; a required cell keeps its value and the clerk is told which. */
  const clearCells = () => {
    const api = apiRef.current;
    const r = selectedRect();
    const lk = lookupsRef.current;
    if (!api || !r || def.readOnly || !lk) return;
    const cols = displayedColumns().slice(Math.max(r.c1, 1), r.c2 + 1).filter((c) => c.getColDef().editable);
    const edits: CellEdit[] = [];
    const kept = new Set<string>();
    for (let i = r.r1; i <= r.r2; i++) {
      const node = api.getDisplayedRowAtIndex(i);
      if (!node?.data) continue;
      for (const c of cols) {
        const meta = c.getColDef().context as ColMeta;
        if (!parseCell(meta, '', node.data, lk).ok) kept.add(c.getColDef().headerName ?? c.getColId());
        else edits.push({ node, colId: c.getColId(), input: '' });
      }
    }
    if (kept.size) message.warning(`“${[...kept].join('”“')}”是必填项，不能清除${edits.length ? '；其余单元格已清除' : ''}`);
    if (edits.length) void ctl.edit(edits, `清除 ${edits.length} 个单元格`);
  };

  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    if (forwardedKeys.has(e.nativeEvent) || isImeKey(e.nativeEvent)) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    const stop = () => { e.preventDefault(); e.stopPropagation(); };
    // Ctrl+Shift+L, as in WPS: the filter row on and off (off clears every filter), even from a filter box.
    if (ctrl && e.shiftKey && k === 'l') { stop(); toggleFilters(); return; }
    const sink = e.target === pasteSink.current || e.target === typeProxy.current;
    if (isEditing() || (e.target instanceof HTMLInputElement) || (e.target instanceof HTMLTextAreaElement && !sink)) return;
    if (ctrl && k === 'z' && !e.shiftKey) { stop(); void ctl.undo(); }
    else if (ctrl && (k === 'y' || (k === 'z' && e.shiftKey))) { stop(); void ctl.redo(); }
    else if (ctrl && k === 'd') { stop(); fillDown(); }
    else if (ctrl && k === 'v') {
      // The paste lands in a hidden text box (cells cannot receive it); its paste event does the rest.
      pasteSink.current?.focus();
    } else if (e.key === 'Delete' && !ctrl && !def.readOnly) { stop(); clearCells(); }
    else if (e.shiftKey && e.key.startsWith('Arrow')) {
      // Shift+arrows extend the range from its anchor, as in Excel.
      stop();
      const api = apiRef.current!;
      const f = range.end ?? (() => { const fc = api.getFocusedCell(); return fc ? cellOf(fc.rowIndex, fc.column.getColId()) : null; })();
      if (!f) return;
      if (!range.anchor) range.set(f);
      const next = { row: f.row, col: f.col };
      if (e.key === 'ArrowDown') next.row = Math.min(f.row + 1, api.getDisplayedRowCount() - 1);
      if (e.key === 'ArrowUp') next.row = Math.max(f.row - 1, 0);
      if (e.key === 'ArrowRight') next.col = Math.min(f.col + 1, lastCol());
      if (e.key === 'ArrowLeft') next.col = Math.max(f.col - 1, 1);
      range.extend(next);
      api.ensureIndexVisible(next.row);
      redrawRange();
    }
  };

  useEffect(() => {
    // F1 and Ctrl+F belong to the grid holding the focus, else to the page's first grid.
    const isActive = () => {
      const active = document.activeElement?.closest('.register');
      return active ? active === container.current : document.querySelector('.register') === container.current;
    };
    const onKey = (e: KeyboardEvent) => {
      if (warmRef.current || !isActive()) return;
      if (e.key === 'F1') { e.preventDefault(); setHelp(true); }
      else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') { e.preventDefault(); findRef.current?.focus(); findRef.current?.select(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const toggleFilters = () => {
    setFilterRow((on) => {
      if (on) apiRef.current?.setFilterModel(null);
      message.info(on ? '已关闭筛选（Ctrl+Shift+L 重新打开）' : '已打开筛选：表头下一行');
      return !on;
    });
  };

  // --- typing over a selected cell, an input method's composition included ---
  useTypingProxy({
    container, proxy: typeProxy, api: () => apiRef.current,
    type: (text) => {
      const api = apiRef.current;
      const f = api?.getFocusedCell();
      const node = f ? api?.getDisplayedRowAtIndex(f.rowIndex) : null;
      if (!api || !f || !node || def.readOnly) return;
      if (!f.column.isCellEditable(node)) { message.info(`“${f.column.getColDef().headerName}”不能在这里修改`); return; }
      const meta = f.column.getColDef().context as ColMeta | undefined;
      if (meta?.kind === 'mark') { void ctl.edit([{ node, colId: f.column.getColId(), input: text }], `修改“${f.column.getColDef().headerName}”`); return; }
      api.startEditingCell({ rowIndex: f.rowIndex, colKey: f.column, key: text });
    },
  });

  // --- an open edit is saved before the window reloads or closes ---
  useEffect(() => {
    const commit = () => { if (apiRef.current && !apiRef.current.isDestroyed() && isEditing()) apiRef.current.stopEditing(); };
    // F5 / Ctrl+R: save first, then reload (the save is then certainly done).
    const onKey = (e: KeyboardEvent) => {
      const reload = e.key === 'F5' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'r');
      if (!reload || !isEditing()) return;
      e.preventDefault();
      commit();
      void ctl.idle().then(() => location.reload());
    };
    // Closing the window, or a reload not by key: the edit goes out as the page leaves (keepalive request).
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeunload', commit);
    window.addEventListener('pagehide', commit);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeunload', commit);
      window.removeEventListener('pagehide', commit);
    };
  }, [ctl]);

  // --- the period's figures of each row (a unit's visits), asked again when the header's period changes ---
  useEffect(() => {
    if (!def.periodFigures || !period) return;
    let live = true;
    void def.periodFigures(periodDates(period)).then((m) => {
      if (!live) return;
      gridContext.periodFigures = m;
      apiRef.current?.refreshCells({ force: true, suppressFlash: true });
    });
    return () => { live = false; };
  }, [def, period, state.done, gridContext]);

  // --- rows ---
  const rowsInSelection = (): IRowNode<Row>[] => {
    const api = apiRef.current;
    const r = selectedRect();
    if (!api || !r) return [];
    const out: IRowNode<Row>[] = [];
    for (let i = r.r1; i <= r.r2; i++) { const n = api.getDisplayedRowAtIndex(i); if (n?.data) out.push(n); }
    return out;
  };

  const askDelete = async () => {
    const nodes = rowsInSelection();
    if (!nodes.length) { message.info('请先选中要删除的行（点击序号选中整行，Shift+点击选多行）'); return; }
    // The confirmation names what goes with each record (its pairings, visits …), as the ledger plans the delete.
    const ids = nodes.filter((n) => !isDraft(n.data)).map((n) => n.data!.id);
    const plan = ids.length ? await ctl.client.deletePlan({ ids }) : null;
    const cascadePlan = plan?.needsChoice ? await ctl.client.deletePlan({ ids, cascade: true }) : null;
    const choice = await confirmDelete(modal, def.title, nodes.length, plan, cascadePlan);
    if (!choice) return;
    const ok = await ctl.deleteRows(nodes, `删除 ${nodes.length} 条${def.title}记录`, choice.cascade);
    if (ok) { range.clear(); redrawRange(); message.success(`已删除 ${nodes.length} 条${def.title}记录（可在回收站恢复，Ctrl+Z 可撤销）`); }
  };

  const addRow = () => {
    const node = ctl.addDraft();
    const api = apiRef.current;
    if (!node || !api) return;
    setTimeout(() => {
      const idx = node.rowIndex ?? api.getDisplayedRowCount() - 1;
      api.ensureIndexVisible(idx, 'bottom');
      const first = displayedColumns().find((c) => c.getColDef().editable);
      if (first) { api.setFocusedCell(idx, first); api.startEditingCell({ rowIndex: idx, colKey: first }); }
    }, 0);
  };

  const openHousehold = (data: Row | undefined) => {
    if (!data || !def.householdField || isDraft(data)) return;
    const id = data[def.householdField] as number;
    if (id) setHouseholdId(id);
  };
  const onCellDoubleClicked = (e: CellDoubleClickedEvent<Row>) => { if (e.column.getColId() === ROW_COL) openHousehold(e.data); };

  // --- footer: rows shown and the exact sums of money and area columns ---
  const footerTimer = useRef(0);
  /**
   * The footer is worked out from the rows themselves as a whole register goes in (showFigures(rows)); the
   * grid tells of that new data a moment later (its events come after a timeout), and walking its 100,000
   * row nodes again then would only find the same figures.
   */
  const footerFromRows = useRef(false);
  const onModelUpdated = (e: ModelUpdatedEvent<Row>) => {
    if (e.newData && footerFromRows.current) { footerFromRows.current = false; return; }
    updateFooter();
  };
  const updateFooter = () => {
    cancelAnimationFrame(footerTimer.current);
    footerTimer.current = requestAnimationFrame(() => showFigures());
  };
  /** Now, not at the next frame: once every row is in, the footer says so in the same render as 共 N 条. */
  const showFigures = (rows?: Row[]) => {
    cancelAnimationFrame(footerTimer.current);
    const api = apiRef.current;
    if (!api || api.isDestroyed()) return;
    const next = footerFigures(api, rows);
    setFigures((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  };

  /**
   * Drawn first with the rows in view only; the rows above and below, for smooth scrolling, once every row
   * is in and the window is idle: drawn while the pages still come in, they would be drawn twice (the whole
   * register replaces the first page's rows), and the pages would wait for them.
   */
  const bufferRows = (api: GridApi<Row>) => requestIdleCallback(() => {
    if (!api.isDestroyed()) api.setGridOption('rowBuffer', ROW_BUFFER);
  }, { timeout: 1000 });

  const onGridReady = (e: GridReadyEvent<Row>) => {
    apiRef.current = e.api;
    ctl.api = e.api;
    indexColumns();
    void load(e.api);
  };
  useEffect(() => () => { loadId.current++; }, []);

  // The grid gets the same callbacks on every render (new ones would make it re-apply its options);
  // they call the latest closures through a ref.
  const latest = useRef({ onGridReady, onModelUpdated, showFigures, onCellFocused, onCellMouseOver, onCellDoubleClicked, searchTextOf });
  latest.current = { onGridReady, onModelUpdated, showFigures, onCellFocused, onCellMouseOver, onCellDoubleClicked, searchTextOf };
  const handlers = useMemo(() => ({
    getRowId: (p: GetRowIdParams<Row>) => String(p.data.id),
    onGridReady: (e: GridReadyEvent<Row>) => latest.current.onGridReady(e),
    onDisplayedColumnsChanged: () => indexColumns(),
    onModelUpdated: (e: ModelUpdatedEvent<Row>) => latest.current.onModelUpdated(e),
    isExternalFilterPresent: () => words.current.length > 0,
    doesExternalFilterPass: (n: IRowNode<Row>) => !!n.data && (isDraft(n.data) || matches(latest.current.searchTextOf(n.data), words.current)),
    onCellFocused: (e: CellFocusedEvent<Row>) => latest.current.onCellFocused(e),
    onCellMouseOver: (e: CellMouseOverEvent<Row>) => latest.current.onCellMouseOver(e),
    onCellDoubleClicked: (e: CellDoubleClickedEvent<Row>) => latest.current.onCellDoubleClicked(e),
    onSortChanged: () => { range.clear(); apiRef.current?.refreshCells({ suppressFlash: true }); },
  }), [range]);

  // Read when the button is pressed: focusing a cell does not re-render this component.
  const focusedRow = (): Row | undefined => {
    const focused = apiRef.current?.getFocusedCell();
    return focused ? apiRef.current?.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
  };

  return (
    <div className={`register${compact ? ' register-compact' : ''}`} ref={container} onKeyDownCapture={onKeyDownCapture} onMouseDownCapture={onMouseDownCapture}>
      <Space className="register-toolbar" size="small" wrap>
        <Typography.Title level={compact ? 5 : 4} style={{ margin: 0 }}>{def.title}</Typography.Title>
        <Input.Search ref={findRef} allowClear placeholder="查找：姓名、拼音首字母（如 wf）、身份证号、村… (Ctrl+F)" style={{ width: 340 }}
          value={quick} onChange={(e) => setQuick(e.target.value)} aria-label="查找" />
        {!def.readOnly && <>
          <Button onClick={addRow}>新增一行</Button>
          <Button danger onClick={() => void askDelete()}>删除行</Button>
          <Tooltip title={ctl.canUndo ? `撤销：${ctl.undoLabel()} (Ctrl+Z)` : '没有可撤销的操作'}>
            <Button disabled={!ctl.canUndo} onClick={() => void ctl.undo()} aria-label="撤销">撤销</Button>
          </Tooltip>
          <Tooltip title={ctl.canRedo ? `重做：${ctl.redoLabel()} (Ctrl+Y)` : '没有可重做的操作'}>
            <Button disabled={!ctl.canRedo} onClick={() => void ctl.redo()} aria-label="重做">重做</Button>
          </Tooltip>
        </>}
        {def.householdField && <Button onClick={() => {
          const row = focusedRow();
          if (row) openHousehold(row); else message.info('请先点选一户，再打开户档案（也可双击行首的序号）');
        }}>户档案</Button>}
        {!def.list && <Button onClick={() => {
          const row = focusedRow();
          if (row && !isDraft(row)) setHistoryOf(row); else message.info('请先点选一行，再查看它的历史');
        }}>历史</Button>}
        <Button type="text" onClick={() => setHelp(true)}>快捷键 (F1)</Button>
      </Space>
      {problems && (
        <Alert type="error" showIcon closable onClose={() => setProblems(null)} message={problems.summary}
          description={<ul className="problem-list">{problems.list.slice(0, 12).map((p, i) => (
            <li key={i}>{p.row}{p.column ? `“${p.column}”` : ''}：{p.reason}</li>
          ))}{problems.list.length > 12 && <li>…… 共 {problems.list.length} 处</li>}</ul>} />
      )}
      <div className="register-grid" data-testid={`grid-${def.key}`} data-state={state.done ? 'loaded' : 'loading'} data-loaded={state.loaded}>
        <textarea ref={pasteSink} className="paste-sink" aria-hidden tabIndex={-1} />
        <textarea ref={typeProxy} className="type-proxy" aria-label="输入" tabIndex={-1} data-testid="type-proxy" spellCheck={false} />
        {firstRows && <AgGridReact<Row>
          theme={gridTheme}
          localeText={localeText}
          rowData={firstRows}
          loading={!state.done && state.loaded === 0 && !firstRows.length}
          columnDefs={columnDefs}
          context={gridContext}
          domLayout={compact ? 'autoHeight' : 'normal'}
          defaultColDef={filterRow ? DEFAULT_COL_FILTER_ROW : DEFAULT_COL}
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          suppressScrollOnNewData
          rowBuffer={0}
          enterNavigatesVerticallyAfterEdit
          tooltipShowDelay={200}
          {...handlers}
        />}
      </div>
      <GridFooter total={state.done ? figures.all ?? state.total : state.total} loaded={state.loaded} done={state.done} figures={figures} />
      {historyOf && <HistoryDrawer area={def.area} id={historyOf.id} title={def.title} onClose={() => setHistoryOf(null)} />}
      {householdId !== null && <HouseholdFileDrawer id={householdId} onClose={() => setHouseholdId(null)} />}
      {/* Mounted only when asked for: a closed modal still costs a render as the register opens. */}
      {help && <ShortcutHelp open onClose={() => setHelp(false)} />}
    </div>
  );
}
