import type { GridApi } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';
import type { Row } from '../registers/types';

/** Keys the grid itself acts on when a cell is selected (move, edit, cancel); everything else is typing. */
const GRID_KEYS = new Set(['Enter', 'F2', 'Escape', 'Tab', 'Backspace', 'Delete', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
  'PageUp', 'PageDown', 'Home', 'End']);

/** Keys that keep their meaning with Ctrl held (Ctrl+↓ to the last row, Ctrl+Home to the first cell, as in WPS). */
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** Key events this module re-sends to the focused cell: the grid's own handlers must not see them twice. */
export const forwardedKeys = new WeakSet<Event>();

/** The text an edit was started with by typing over a cell, as opposed to Enter/F2/Backspace/Delete. */
export function typedStart(eventKey: string | null | undefined): string | null {
  if (!eventKey) return null;
  return GRID_KEYS.has(eventKey) ? null : eventKey;
}

/** A key press that belongs to an input method (a composition under way, or the IME's "Process" key). */
export const isImeKey = (e: KeyboardEvent) => e.isComposing || e.keyCode === 229 || e.key === 'Process';

/**
 * Typing over a selected cell, with or without an input method, as in WPS.
 *
 * A browser only runs an IME (搜狗, 微软拼音 …) for an editable element. A selected AG Grid cell is a
 * plain div, so the first keystroke reaches the grid as a bare letter ("m"), the grid opens its editor
 * with it, and the IME starts only on the second key: "m满族", or the first syllable lost. So while a
 * cell is selected the keyboard focus sits in an invisible text box over it. Keys the grid acts on
 * (arrows, Enter, F2, Tab, Esc, Delete …) are passed on to the cell; a composition runs in the text box
 * (shown over the cell while it lasts) and its committed text opens the cell's editor with that text;
 * a plain character does the same at once.
 */
export function useTypingProxy(opts: {
  container: RefObject<HTMLDivElement | null>;
  proxy: RefObject<HTMLTextAreaElement | null>;
  api: () => GridApi<Row> | null;
  /** Starts editing the focused cell with this text (or writes it, for cells that are chosen from a list). */
  type: (text: string) => void;
}) {
  useEffect(() => {
    const host = opts.container.current;
    const proxy = opts.proxy.current;
    if (!host || !proxy) return;
    let composing = false;

    const focusedCellEl = (): HTMLElement | null => {
      const f = opts.api()?.getFocusedCell();
      if (!f) return null;
      return host.querySelector<HTMLElement>(`.ag-row[row-index="${f.rowIndex}"] .ag-cell[col-id="${CSS.escape(f.column.getColId())}"]`);
    };
    const place = (cell: HTMLElement | null) => {
      if (!cell) return;
      const h = host.getBoundingClientRect();
      const r = cell.getBoundingClientRect();
      proxy.style.left = `${r.left - h.left}px`;
      proxy.style.top = `${r.top - h.top}px`;
      proxy.style.width = `${Math.max(r.width, 120)}px`;
      proxy.style.height = `${r.height}px`;
    };
    const editing = () => (opts.api()?.getEditingCells().length ?? 0) > 0;

    // A cell got the focus (click, arrow, after an edit): take it over, unless an editor is open.
    const takeOver = (t: HTMLElement) => {
      if (document.activeElement !== t || editing()) return false;
      place(t);
      proxy.value = '';
      proxy.focus({ preventScroll: true });
      return true;
    };
    const onFocusIn = (e: FocusEvent) => {
      const t = e.target as HTMLElement;
      if (t === proxy || !t.classList?.contains('ag-cell')) return;
      // The grid may focus the cell before it has closed the editor (Enter, Esc): look again once it has.
      if (!takeOver(t)) setTimeout(() => takeOver(t), 0);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (composing || isImeKey(e) || forwardedKeys.has(e)) return;
      const ctrl = e.ctrlKey || e.metaKey;
      if (!GRID_KEYS.has(e.key) || e.altKey || (ctrl && !NAV_KEYS.has(e.key))) return;
      const cell = focusedCellEl();
      if (!cell) return;
      const copy = new KeyboardEvent('keydown', {
        key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true,
      });
      forwardedKeys.add(copy);
      cell.dispatchEvent(copy);
      if (copy.defaultPrevented || e.key === 'Tab') e.preventDefault();
      // The cell did not move the focus elsewhere (the last row, the first column): keep typing here.
      if (document.activeElement === cell) proxy.focus({ preventScroll: true });
    };
    const commit = (text: string) => {
      proxy.value = '';
      proxy.classList.remove('composing');
      if (text) opts.type(text);
    };
    const onInput = () => { if (!composing) commit(proxy.value); };
    const onCompositionStart = () => {
      composing = true;
      place(focusedCellEl());
      proxy.classList.add('composing');
    };
    const onCompositionEnd = () => {
      composing = false;
      commit(proxy.value);
    };
    host.addEventListener('focusin', onFocusIn);
    proxy.addEventListener('keydown', onKeyDown);
    proxy.addEventListener('input', onInput);
    proxy.addEventListener('compositionstart', onCompositionStart);
    proxy.addEventListener('compositionend', onCompositionEnd);
    return () => {
      host.removeEventListener('focusin', onFocusIn);
      proxy.removeEventListener('keydown', onKeyDown);
      proxy.removeEventListener('input', onInput);
      proxy.removeEventListener('compositionstart', onCompositionStart);
      proxy.removeEventListener('compositionend', onCompositionEnd);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
