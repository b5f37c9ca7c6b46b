import { figureLabel } from './labels';
import type { Figure, Paragraph, TableCell } from '../../../../electron/report/types';

export type OnFigure = (f: Figure, label: string) => void;

/** A figure of the ledger inside the text: highlighted, and a link to the records behind it. */
export function FigureLink({ f, label, onOpen }: { f: Figure; label: string; onOpen: OnFigure }) {
  return (
    <a className={f.period ? 'report-figure report-figure-previous' : 'report-figure'} role="button" tabIndex={0}
      title={f.period ? `上期（${f.period.from} 至 ${f.period.to}）的数字，点击查看明细` : '点击查看这个数字背后的记录'}
      data-figure={f.figure}
      onClick={() => onOpen(f, label)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen(f, label); } }}>
      {f.text}
    </a>
  );
}

/** A sentence of the report with its figures as links. */
export function Sentence({ body, onOpen }: { body: Paragraph; onOpen: OnFigure }) {
  return <>{body.map((s, i) => (typeof s === 'string' ? <span key={i}>{s}</span> : <FigureLink key={i} f={s} label={figureLabel(s.figure)} onOpen={onOpen} />))}</>;
}

export function Cell({ c, onOpen }: { c: TableCell; onOpen: OnFigure }) {
  return typeof c === 'string' ? <>{c}</> : <FigureLink f={c} label={figureLabel(c.figure)} onOpen={onOpen} />;
}
