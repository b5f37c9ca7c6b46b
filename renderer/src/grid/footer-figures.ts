import type { GridApi } from 'ag-grid-community';
import type { Row } from '../registers/types';
import type { ColMeta } from './cells';
import { isDraft } from './controller';
import type { FooterFigures } from './GridFooter';

/**
 * The footer's figures: rows shown, rows in all, and the exact sums of the money and area columns over
 * the rows shown (new rows not yet saved left out). Unfiltered, the rows shown are all the rows: one plain
 * pass over the row nodes, not AG Grid's walk of the filtered tree (a tenth of a second at 100,000 rows).
 */
export function footerFigures(api: GridApi<Row>): FooterFigures {
  const sumCols = (api.getColumns() ?? []).map((c) => c.getColDef()).filter((c) => {
    const m = c.context as ColMeta | undefined;
    return m?.kind === 'scaled' && !!m.unit && !m.noSum;
  });
  const fields = sumCols.map((c) => c.field!);
  const sums = sumCols.map(() => 0);
  let shown = 0;
  const count = (n: { data?: Row }) => {
    const data = n.data;
    if (!data || isDraft(data)) return;
    shown++;
    for (let i = 0; i < fields.length; i++) { const v = data[fields[i]]; if (typeof v === 'number') sums[i] += v; }
  };
  let all: number;
  if (api.isAnyFilterPresent()) {
    all = 0;
    api.forEachNode((n) => { if (n.data && !isDraft(n.data)) all++; });
    api.forEachNodeAfterFilter(count);
  } else {
    api.forEachNode(count);
    all = shown;
  }
  return { shown, all, sums: sumCols.map((c, i) => ({ label: c.headerName ?? '', unit: (c.context as { unit: string }).unit, value: sums[i] })) };
}
