import type { GridApi } from 'ag-grid-community';
import type { Row } from '../registers/types';
import type { ColMeta } from './cells';
import { isDraft } from './controller';
import type { FooterFigures } from './GridFooter';

/**
 * The footer's figures: rows shown, rows in all, and the exact sums of the money and area columns over
 * the rows shown (new rows not yet saved left out). Unfiltered, the rows shown are all the rows: one plain
 * pass over the row nodes, not AG Grid's walk of the filtered tree; over `rows` themselves where the grid
 * was just given them (every one saved), without asking the grid for its 100,000 nodes at all.
 */
export function footerFigures(api: GridApi<Row>, rows?: Row[]): FooterFigures {
  const sumCols = (api.getColumns() ?? []).map((c) => c.getColDef()).filter((c) => {
    const m = c.context as ColMeta | undefined;
    return m?.kind === 'scaled' && !!m.unit && !m.noSum;
  });
  const fields = sumCols.map((c) => c.field!);
  const sums = sumCols.map(() => 0);
  let shown = 0;
  const add = (data: Row) => {
    shown++;
    for (let i = 0; i < fields.length; i++) { const v = data[fields[i]]; if (typeof v === 'number') sums[i] += v; }
  };
  const count = (n: { data?: Row }) => { if (n.data && !isDraft(n.data)) add(n.data); };
  let all: number;
  if (api.isAnyFilterPresent()) {
    all = 0;
    api.forEachNode((n) => { if (n.data && !isDraft(n.data)) all++; });
    api.forEachNodeAfterFilter(count);
  } else {
    if (rows) for (const row of rows) add(row);
    else api.forEachNode(count);
    all = shown;
  }
  return { shown, all, sums: sumCols.map((c, i) => ({ label: c.headerName ?? '', unit: (c.context as { unit: string }).unit, value: sums[i] })) };
}
