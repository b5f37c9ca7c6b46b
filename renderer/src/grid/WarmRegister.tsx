import { useEffect, useRef, useState } from 'react';
import { RegisterPage } from '../pages/RegisterPage';
import { REGISTERS } from '../registers/definitions';

/** The register drawn ahead: the one the home page's figures lead to. */
const PAGE = REGISTERS.find((r) => r.key === 'households')!;
/**
 * From this many households on. Drawing a register ahead costs the window about half a second of work and
 * holds its rows while the home page shows; a smaller one opens quickly enough without.
 */
const WARM_FROM = 5000;

type Warm = { gen: number };
export type WarmShown = { key: string; shown: boolean };

let gen = 0;
let unseen: string | null = null;
/** Whether the register of page `key` is drawn ahead and not yet shown: going there shows it, and asks for nothing afresh. */
export const isWarm = (key: string) => unseen === key;

/**
 * While the home page shows a big ledger, 帮扶户 is drawn ahead, hidden, with its first page of rows, in the
 * window's idle time, and its later pages are read and sorted behind it: going there then only shows it and
 * puts the rows read in, instead of creating the grid and waiting for the ledger while the clerk waits.
 * Drawn once per visit of the home page; once shown it is the page like any other, and leaving it lets it go
 * (as leaving any register does).
 */
export function useWarmRegister(route: string, households: number | undefined): WarmShown | null {
  const [warm, setWarm] = useState<Warm | null>(null);
  // The register drawn ahead that has been shown (a ref: noting it must not draw the window again).
  const used = useRef<Warm | null>(null);
  const onHome = route === 'home';
  const shown = route === `registers/${PAGE.key}`;
  const live = warm && (shown || (onHome && used.current !== warm)) ? warm : null;
  useEffect(() => {
    unseen = live && !shown ? PAGE.key : null;
    if (live && shown) used.current = live;
    if (warm && !live) { setWarm(null); return; }
    if (!warm && onHome && (households ?? 0) >= WARM_FROM) {
      const id = requestIdleCallback(() => setWarm({ gen: ++gen }), { timeout: 300 });
      return () => cancelIdleCallback(id);
    }
  });
  useEffect(() => () => { unseen = null; }, []);
  return live ? { key: `${PAGE.key}:${live.gen}`, shown } : null;
}

/**
 * The register drawn ahead: in the content area's box, hidden and inert (no focus, no clicks, not read out)
 * until the clerk goes there; then made visible, the page itself.
 */
export function WarmRegister({ warm, period }: { warm: WarmShown; period?: string }) {
  return (
    <div className={warm.shown ? 'register-host' : 'register-host register-warm'} aria-hidden={warm.shown ? undefined : true} inert={!warm.shown}>
      <RegisterPage page={PAGE} period={period} warm={!warm.shown} />
    </div>
  );
}
