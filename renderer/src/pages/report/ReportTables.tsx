import type { ReportTable } from '../../../../electron/report/types';
import { Cell, type OnFigure } from './Figures';

/** The report's tables as the document prints them; figures open their records. */
export function ReportTables({ tables, onOpen }: { tables: ReportTable[]; onOpen: OnFigure }) {
  return (
    <>
      {tables.map((t, ti) => (
        <section key={t.title} className="report-table-block">
          <h3 className="report-table-title">附表{ti + 1}　{t.title}</h3>
          <table className="report-table">
            <thead><tr>{t.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>
              {t.rows.map((r, ri) => (
                <tr key={ri}>{r.map((c, ci) => <td key={ci} className={ci > 0 && /^[+\-\d.—]+$/.test(typeof c === 'string' ? c : c.text) ? 'num' : undefined}>
                  <Cell c={c} onOpen={onOpen} />
                </td>)}</tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
