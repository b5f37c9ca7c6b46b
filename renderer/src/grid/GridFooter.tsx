import { formatScaled } from '../../../electron/values/numbers';

export type FooterFigures = { shown: number; all?: number; sums: { label: string; unit: string; value: number }[] };

/** 共 2,702 条 · 显示 120 条 · 年人均纯收入 合计 …: the figures of what is shown, summed in integers. */
export function GridFooter({ total, loaded, done, figures }: { total: number; loaded: number; done: boolean; figures: FooterFigures }) {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <div className="register-footer" data-testid="grid-footer">
      <span>{done ? `共 ${n(total)} 条` : `正在读取 ${n(loaded)} / ${n(total)} 条…`}</span>
      {done && figures.shown !== total && <span>筛选后 {n(figures.shown)} 条</span>}
      {figures.sums.map((s) => (
        <span key={s.label}>{s.label.replace(/\(.*\)$/, '')} 合计 <b>{formatScaled(s.value, 2)}</b> {s.unit}</span>
      ))}
    </div>
  );
}
