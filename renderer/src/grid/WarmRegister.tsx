import { useEffect, useState, type CSSProperties } from 'react';
import { RegisterPage } from '../pages/RegisterPage';
import { REGISTERS } from '../registers/definitions';

/** The register drawn ahead: the one the home page's figures lead to. */
const PAGE = REGISTERS.find((r) => r.key === 'households')!;
/**
 * From this many households on. Drawing a register costs the window about half a second of work and keeps
 * a grid in memory; a smaller one opens quickly enough without (5,000 rows load in about a tenth of that).
 */
const WARM_FROM = 5000;

type Warm = { gen: number; used: boolean; size: CSSProperties };
export type WarmShown = { key: string; shown: boolean; size: CSSProperties };

let gen = 0;
let unseen: string | null = null;
/** Whether the register of page `key` is drawn ahead and not yet shown: going there shows it, and asks for nothing afresh. */
export const isWarm = (key: string) => unseen === key;

/** The content area's inner size, so the grid drawn ahead is the size it will be shown at and need not be laid out again. */
function contentSize(): CSSProperties {
  const el = document.querySelector<HTMLElement>('.shell-content');
  if (!el) return { width: 1000, height: 600 };
  const cs = getComputedStyle(el);
  return {
    width: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),
    height: el.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom),
  };
}

/**
 * While the home page shows a big ledger, 帮扶户 is drawn ahead, off-screen, with its first page of rows, in
 * the window's idle time: going there then only shows it (the rest of its rows are asked for at that
 * moment), instead of creating the grid while the clerk waits. Drawn once per visit of the home page; once
 * shown it is the page like any other, and leaving it lets it go (as leaving any register does).
 */
export function useWarmRegister(route: string, households: number | undefined): WarmShown | null {
  const [warm, setWarm] = useState<Warm | null>(null);
  const onHome = route === 'home';
  const shown = route === `registers/${PAGE.key}`;
  const live = warm && (shown || (onHome && !warm.used)) ? warm : null;
  useEffect(() => {
    unseen = live && !live.used && !shown ? PAGE.key : null;
    if (warm && !live) { setWarm(null); return; }
    if (live && shown && !live.used) { setWarm({ ...live, used: true }); return; }
    if (!warm && onHome && (households ?? 0) >= WARM_FROM) {
      const id = requestIdleCallback(() => setWarm({ gen: ++gen, used: false, size: contentSize() }), { timeout: 300 });
      return () => cancelIdleCallback(id);
    }
  });
  useEffect(() => () => { unseen = null; }, []);
  return live ? { key: `${PAGE.key}:${live.gen}`, shown, size: live.size } : null;
}

/**
 * The register drawn ahead: off-screen, hidden and inert (no focus, no clicks, not read out) until the
 * clerk goes there; then in the content area as the page itself (`display: contents`).
 */
export function WarmRegister({ warm, period }: { warm: WarmShown; period?: string }) {
  return (
    <div className={warm.shown ? 'register-host' : 'register-host register-warm'} style={warm.shown ? undefined : warm.size}
      aria-hidden={warm.shown ? undefined : true} inert={!warm.shown}>
      <RegisterPage page={PAGE} period={period} warm={!warm.shown} />
    </div>
  );
}
