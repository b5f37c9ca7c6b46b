import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import type { BatchOp, BatchProblem, WriteSource } from '../../../electron/api/crud';
import type { Lookups } from '../../../electron/api/meta';
import { ledger } from '../client/ledger';
import type { RegisterClient, RegisterDef, Row } from '../registers/types';
import { isPicked, parseCell, type ColMeta, type Picked } from './cells';

/** One cell to write: an existing row (node), or the k-th new row a paste adds below the last. */
export type CellEdit = { node: IRowNode<Row> | null; newRow?: number; colId: string; input: unknown };

export type Problem = { row: string; column: string; reason: string };

type UndoEntry = { label: string; ops: BatchOp[] };

export type Notifier = {
  error(summary: string, problems?: Problem[]): void;
  info(text: string): void;
  /** A change was saved: whatever was refused before is no longer the news. */
  saved(): void;
};

const DRAFT = '__draft';
let nextDraftId = -1;


export const isDraft = (row: Row | undefined) => Boolean(row && (row as Record<string, unknown>)[DRAFT]);
export const errorKey = (id: number, colId: string) => `${id}:${colId}`;

/**
 * Every change a grid makes — a typed cell, a paste, a fill, a delete, an undo — goes through here as
 * ONE batch call: checked cell by cell in the renderer first (so a bad cell is never sent), then
 * applied by the ledger all-or-nothing, and its inverse kept for Ctrl+Z.
 */
export class GridController {
  api: GridApi<Row> | null = null;
  readonly errors = new Map<string, string>();
  private undoStack: UndoEntry[] = [];
  private redoStack: UndoEntry[] = [];
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    readonly def: RegisterDef,
    readonly client: RegisterClient,
    private lookups: () => Lookups | null,
    private notify: Notifier,
    private markSaving: () => () => void,
    private afterWrite: () => void,
    /** Where the undo history outlives a reload of the window (sessionStorage: this session only). */
    private keep: Pick<Storage, 'getItem' | 'setItem'> | null = null,
  ) {
    const kept = keep?.getItem(this.keepKey());
    if (kept) {
      try {
        const k = JSON.parse(kept) as { undo: UndoEntry[]; redo: UndoEntry[] };
        this.undoStack = k.undo; this.redoStack = k.redo;
      } catch { /* a damaged entry is an empty history */ }
    }
  }

  private keepKey() { return `undo:${this.def.key}`; }
  private persist() { this.keep?.setItem(this.keepKey(), JSON.stringify({ undo: this.undoStack, redo: this.redoStack })); }

  /** Resolves once every edit queued so far is written (or refused). */
  idle(): Promise<void> { return this.busy.then(() => undefined); }

  get canUndo() { return this.undoStack.length > 0; }
  get canRedo() { return this.redoStack.length > 0; }
  undoLabel() { return this.undoStack.at(-1)?.label; }
  redoLabel() { return this.redoStack.at(-1)?.label; }

  meta(colId: string): ColMeta {
    return (this.api?.getColumn(colId)?.getColDef().context as ColMeta | undefined) ?? { kind: 'readonly' };
  }

  header(colId: string): string {
    return this.api?.getColumn(colId)?.getColDef().headerName ?? colId;
  }

  /** "第 12 行": the row as the clerk sees it numbered (序号), or the new row's number. */
  rowLabel(node: IRowNode<Row> | null, newRow = 0): string {
    if (node) return isDraft(node.data) ? '新行' : `第 ${(node.rowIndex ?? 0) + 1} 行`;
    return `新增第 ${newRow + 1} 行`;
  }

  /** The API field an error names, back to the column that shows it. */
  private columnOfField(field: string): string | null {
    for (const c of this.api?.getColumns() ?? []) {
      const m = c.getColDef().context as ColMeta | undefined;
      if (m && m.kind !== 'readonly' && m.field === field) return c.getColId();
    }
    return null;
  }

  /** Queue: edits apply one after another, in the order made, so undo sees them in order. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }

  private setError(id: number, colId: string, reason: string | null) {
    const k = errorKey(id, colId);
    if (reason) this.errors.set(k, reason); else this.errors.delete(k);
  }

  private refreshNodes(nodes: IRowNode<Row>[]) {
    if (nodes.length) this.api?.refreshCells({ rowNodes: nodes, suppressFlash: true });
  }

  /** source: which gesture (typing, paste, fill) — 操作记录 tells them apart. */
  edit(edits: CellEdit[], label: string, source: WriteSource = 'edit'): Promise<boolean> {
    return this.serial(() => this.applyEdits(edits, label, source));
  }

  private async applyEdits(edits: CellEdit[], label: string, source: WriteSource): Promise<boolean> {
    const lk = this.lookups();
    if (!lk || !this.api || edits.length === 0) return false;
    type Target = { node: IRowNode<Row> | null; newRow: number; row: Row; patch: Record<string, unknown>; cols: string[]; hints: Record<string, string> };
    const targets = new Map<string, Target>();
    const order = new Map(this.api.getAllDisplayedColumns().map((c, i) => [c.getColId(), i]));
    const sorted = [...edits].sort((a, b) => (order.get(a.colId) ?? 0) - (order.get(b.colId) ?? 0));
    for (const e of sorted) {
      const key = e.node ? `n${e.node.id}` : `new${e.newRow}`;
      let t = targets.get(key);
      if (!t) {
        const base = e.node?.data ? { ...e.node.data } : { id: 0, ...(this.def.newRow?.(lk) ?? {}) };
        t = { node: e.node, newRow: e.newRow ?? 0, row: base as Row, patch: {}, cols: [], hints: {} };
        targets.set(key, t);
      }
      if (this.meta(e.colId).kind === 'readonly' && typeof e.input === 'string') t.hints[e.colId] = e.input.trim();
    }
    const households = await this.resolveHouseholds(sorted);

    const problems: (Problem & { node: IRowNode<Row> | null; colId: string })[] = [];
    const skipped = new Set<string>();
    for (const e of sorted) {
      const t = targets.get(e.node ? `n${e.node.id}` : `new${e.newRow}`)!;
      const meta = this.meta(e.colId);
      if (meta.kind === 'readonly') {
        if (typeof e.input !== 'string' || e.input.trim() !== this.displayText(e.node, e.colId)) skipped.add(this.header(e.colId));
        continue;
      }
      let input = e.input;
      if (meta.kind === 'household' && !isPicked(input)) {
        const found = pickHousehold(String(input ?? '').trim(), households, t.hints);
        if ('reason' in found) {
          problems.push({ node: e.node, colId: e.colId, row: this.rowLabel(e.node, t.newRow), column: this.header(e.colId), reason: found.reason });
          continue;
        }
        input = found;
      }
      const r = parseCell(meta, input, t.row, lk);
      if (!r.ok) {
        problems.push({ node: e.node, colId: e.colId, row: this.rowLabel(e.node, t.newRow), column: this.header(e.colId), reason: r.reason });
        continue;
      }
      Object.assign(t.row, r.show);
      Object.assign(t.patch, r.patch);
      t.cols.push(e.colId);
    }
    if (problems.length) {
      for (const p of problems) if (p.node?.data) this.setError(p.node.data.id, p.colId, p.reason);
      this.refreshNodes(problems.flatMap((p) => (p.node ? [p.node] : [])));
      this.notify.error(`${label}未保存：${problems.length} 处有误`, problems);
      return false;
    }

    const list = [...targets.values()].filter((t) => t.cols.length > 0);
    const ops: BatchOp[] = [];
    const opTargets: Target[] = [];
    for (const t of list) {
      const data = t.node?.data;
      if (data && !isDraft(data)) ops.push({ op: 'update', id: data.id, patch: t.patch });
      else ops.push({ op: 'create', values: { ...((data as Record<string, unknown> | undefined)?.__values as object), ...t.patch } });
      opTargets.push(t);
    }
    if (ops.length === 0) {
      if (skipped.size) this.notify.info(`已跳过只读列：${[...skipped].join('、')}`);
      return false;
    }

    const done = this.markSaving();
    try {
      const res = await this.client.batch({ ops, source });
      if (!res.ok) {
        const onlyMissing = res.problems.every((p) => /必填$/.test(p.message) && isDraft(opTargets[p.index].node?.data));
        if (onlyMissing) {
          // A new row typed cell by cell: keep what is there and wait for the rest before creating it.
          for (const t of opTargets) this.keepDraft(t.node!, t.row, ops[opTargets.indexOf(t)]);
          const missing = [...new Set(res.problems.map((p) => p.message.replace(/：必填$/, '')))];
          this.notify.info(`新行还需填写：${missing.join('、')}，填完即保存`);
          return false;
        }
        this.showServerProblems(label, res.problems, opTargets);
        return false;
      }
      for (const t of opTargets) for (const c of t.cols) if (t.node?.data) this.setError(t.node.data.id, c, null);
      // create and update give back one row each, in the order of the ops.
      const plain: Row[] = [];
      opTargets.forEach((t, i) => { if (t.node && isDraft(t.node.data)) this.replaceDraft(t.node, res.rows[i]); else plain.push(res.rows[i]); });
      this.applyRows(plain);
      this.pushUndo({ label, ops: res.inverse });
      this.notify.saved();
      if (skipped.size) this.notify.info(`已跳过只读列：${[...skipped].join('、')}`);
      this.afterWrite();
      return true;
    } catch (err) {
      this.notify.error(`${label}未保存：${err instanceof Error ? err.message : String(err)}`);
      return false;
    } finally {
      done();
    }
  }

  private showServerProblems(label: string, problems: BatchProblem[], targets: { node: IRowNode<Row> | null; newRow: number }[]) {
    const shown: Problem[] = [];
    const nodes: IRowNode<Row>[] = [];
    for (const p of problems) {
      const t = targets[p.index];
      const colId = this.columnOfField(p.field);
      const column = colId ? this.header(colId) : '';
      // The ledger says "户主姓名最多 50 个字"; next to the column's name the rule alone reads best.
      const reason = ruleOf(p.message, column, p.field);
      if (t.node?.data && colId) { this.setError(t.node.data.id, colId, reason); nodes.push(t.node); }
      shown.push({ row: this.rowLabel(t.node, t.newRow), column, reason });
    }
    this.refreshNodes(nodes);
    this.notify.error(`${label}未保存：${problems.length} 处有误`, shown);
  }

  private keepDraft(node: IRowNode<Row>, row: Row, op: BatchOp) {
    if (op.op !== 'create') return;
    node.setData({ ...row, id: node.data!.id, [DRAFT]: true, __values: op.values } as Row);
  }

  /** The saved rows back into the grid: deleted ones out, changed ones updated, new ones added. */
  private applyRows(rows: Row[]) {
    const api = this.api!;
    const update: Row[] = [], remove: Row[] = [], add: Row[] = [];
    for (const row of rows) {
      const node = api.getRowNode(String(row.id));
      if (row.deletedAt) { if (node) remove.push(node.data!); } else if (node) update.push(row); else add.push(row);
    }
    api.applyTransaction({ update, remove, add });
  }

  /** A saved draft takes its place in the grid as the real row. */
  private replaceDraft(draft: IRowNode<Row>, row: Row) {
    const index = draft.sourceRowIndex;
    this.api!.applyTransaction({ remove: [draft.data!] });
    this.api!.applyTransaction({ add: [row], addIndex: index });
  }

  private pushUndo(entry: UndoEntry) {
    if (entry.ops.length === 0) return;
    this.undoStack.push(entry);
    if (this.undoStack.length > 200) this.undoStack.shift();
    this.redoStack = [];
    this.persist();
  }

  undo(): Promise<boolean> { return this.serial(() => this.replay(this.undoStack, this.redoStack, '撤销')); }
  redo(): Promise<boolean> { return this.serial(() => this.replay(this.redoStack, this.undoStack, '重做')); }

  private async replay(from: UndoEntry[], to: UndoEntry[], verb: string): Promise<boolean> {
    const entry = from.pop();
    if (!entry) { this.notify.info(`没有可${verb}的操作`); return false; }
    this.persist();
    const done = this.markSaving();
    try {
      const res = await this.client.batch({ ops: entry.ops, source: verb === '撤销' ? 'undo' : 'redo' });
      if (!res.ok) {
        from.push(entry);
        this.persist();
        this.notify.error(`无法${verb}“${entry.label}”：${res.problems.map((p) => p.message).join('；')}`);
        return false;
      }
      this.applyRows(res.rows);
      to.push({ label: entry.label, ops: res.inverse });
      this.persist();
      this.notify.saved();
      this.notify.info(`已${verb}：${entry.label}`);
      this.afterWrite();
      return true;
    } catch (err) {
      from.push(entry);
      this.persist();
      this.notify.error(`无法${verb}：${err instanceof Error ? err.message : String(err)}`);
      return false;
    } finally {
      done();
    }
  }

  /** Soft delete, undoable; the caller has asked the clerk first. */
  /** cascade: the clerk chose that a unit's cadres or a cadre's pairings go too. */
  deleteRows(nodes: IRowNode<Row>[], label: string, cascade = false): Promise<boolean> {
    return this.serial(async () => {
      const drafts = nodes.filter((n) => isDraft(n.data));
      if (drafts.length) this.api?.applyTransaction({ remove: drafts.map((n) => n.data!) });
      const ids = nodes.filter((n) => !isDraft(n.data)).map((n) => n.data!.id);
      if (!ids.length) return true;
      const done = this.markSaving();
      try {
        const res = await this.client.batch({ ops: [{ op: 'delete', ids, cascade }] });
        if (!res.ok) { this.notify.error(`删除未完成：${res.problems.map((p) => p.message).join('；')}`); return false; }
        this.applyRows(res.rows);
        this.pushUndo({ label, ops: res.inverse });
        this.afterWrite();
        return true;
      } finally { done(); }
    });
  }

  /** A new, empty row at the end, saved once its required cells are filled. */
  addDraft(): IRowNode<Row> | undefined {
    const lk = this.lookups();
    if (!lk || !this.api) return undefined;
    const row = { id: nextDraftId--, [DRAFT]: true, __values: {}, ...(this.def.newRow?.(lk) ?? {}) } as Row;
    const res = this.api.applyTransaction({ add: [row] });
    return res?.add[0];
  }

  /** What a cell shows, as copied to the clipboard and compared with pasted text. */
  displayText(node: IRowNode<Row> | null, colId: string | Column): string {
    if (!node || !this.api) return '';
    const col = typeof colId === 'string' ? this.api.getColumn(colId) : colId;
    if (!col) return '';
    const meta = col.getColDef().context as ColMeta | undefined;
    if (meta?.kind === 'mark') return node.data?.[meta.field] ? '√' : '';
    const v = this.api.getCellValue({ rowNode: node, colKey: col, useFormatter: true });
    return v === null || v === undefined ? '' : String(v);
  }

  /** The value a fill-down copies: a reference by its id (no name lookups), anything else as shown. */
  sourceValue(node: IRowNode<Row>, colId: string): unknown {
    const meta = this.meta(colId);
    const data = node.data!;
    if (meta.kind === 'household' || meta.kind === 'cadre') {
      const show = meta.kind === 'household'
        ? { householdHead: data.householdHead, villageId: data.villageId, villageName: data.villageName, idNumber: data.idNumber, groupName: data.groupName }
        : { cadreName: data.cadreName, unitId: data.unitId, unitName: data.unitName };
      return { pick: data[meta.field] as number, show } satisfies Picked;
    }
    if (meta.kind === 'mark') return Boolean(data[meta.field]);
    return this.displayText(node, colId);
  }

  /** Household names pasted or filled as text, looked up in the ledger (too many to keep in the renderer). */
  private async resolveHouseholds(edits: CellEdit[]): Promise<Map<string, Row[]>> {
    const names = new Set<string>();
    for (const e of edits) if (this.meta(e.colId).kind === 'household' && typeof e.input === 'string' && e.input.trim()) names.add(e.input.trim());
    const out = new Map<string, Row[]>();
    await Promise.all([...names].map(async (head) => {
      const res = await ledger.households.list({ filters: { head }, limit: 50 });
      out.set(head, res.rows as Row[]);
    }));
    return out;
  }
}

/** "户主姓名最多 50 个字" → "最多 50 个字", "户主姓名：必填" → "必填" when shown beside the column 户主姓名. */
function ruleOf(message: string, column: string, field: string): string {
  for (const label of [column, field]) {
    if (label && message.startsWith(label)) return message.slice(label.length).replace(/^：/, '');
  }
  return message;
}

function pickHousehold(head: string, found: Map<string, Row[]>, hints: Record<string, string>): Picked | { reason: string } {
  if (!head) return { reason: '必填' };
  let rows = found.get(head) ?? [];
  if (rows.length === 0) return { reason: `台账中没有户主“${head}”，请先在“帮扶户”中登记，或双击单元格从列表中选择` };
  if (rows.length > 1 && hints.idNumber) rows = rows.filter((r) => r.idNumber === hints.idNumber);
  if (rows.length > 1 && hints.villageName) rows = rows.filter((r) => r.villageName === hints.villageName);
  if (rows.length > 1 && hints.groupName) rows = rows.filter((r) => r.groupName === hints.groupName);
  if (rows.length !== 1) return { reason: `有 ${found.get(head)!.length} 户户主名为“${head}”，请一并粘贴村或身份证号，或双击单元格从列表中选择` };
  const h = rows[0];
  return { pick: h.id, show: { householdHead: h.head, idNumber: h.idNumber, villageId: h.villageId, villageName: h.villageName, groupName: h.groupName } };
}
