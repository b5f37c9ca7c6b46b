import { useEffect, useRef, useState } from 'react';
import { ledger } from '../client/ledger';
import { RegisterPage } from '../pages/RegisterPage';
import { REGISTERS } from '../registers/definitions';

/** The register drawn ahead: the one the home page's figures lead to. */
const PAGE = REGISTERS.find((r) => r.key === 'households')!;
/**
 * From this many households on. Drawing a register ahead costs the window about half a second of work and
 * holds its rows while the home page shows; a smaller one opens quickly enough without.
 */
const WARM_FROM = 5000;

/** A register drawn ahead: the ledger's version read just before its rows, and the change count it was drawn at. */
type Warm = { gen: number; version: string; changes: number };
export type WarmShown = { key: string; shown: boolean };

let gen = 0;
let unseen: string | null = null;
/** Whether the register of page `key` is drawn ahead and not yet shown: going there shows it, and asks for nothing afresh. */
export const isWarm = (key: string) => unseen === key;
/** The ledger's version, asked for the moment the route goes to the register drawn ahead (before React draws). */
let asked: Promise<string> | null = null;
const askVersion = () => ledger.meta.version({}).then((v) => v.version);
/** Going to the register drawn ahead: whether its rows are still the ledger's is asked at once. */
export function checkWarm(key: string): void {
  if (isWarm(key)) asked = askVersion();
}

/**
 * While the home page shows a big ledger, 帮扶户 is drawn ahead, hidden, with its first page of rows, in the
 * window's idle time, and its later pages are read and sorted behind it: going there then only shows it and
 * puts the rows read in, instead of creating the grid and waiting for the ledger while the clerk waits.
 * Drawn once per visit of the home page; once shown it is the page like any other, and leaving it lets it go
 * (as leaving any register does).
 *
 * It is never shown older than the ledger: a change this window makes (`changes`: an import or restore
 * finishing, the home page's counts refreshed) throws it away and it is drawn afresh; a change made
 * elsewhere (another tab, the command line) is caught as it is to be shown, by the ledger's version read
 * before its rows: if that moved, it is thrown away and the register loads as from any other page.
 */
export function useWarmRegister(route: string, households: number | undefined, changes: number): WarmShown | null {
  const [warm, setWarm] = useState<Warm | null>(null);
  // The register drawn ahead found current as it was to be shown: from then on it is the page.
  const [checked, setChecked] = useState<Warm | null>(null);
  // The register drawn ahead that has been shown (a ref: noting it must not draw the window again).
  const used = useRef<Warm | null>(null);
  const onHome = route === 'home';
  const there = route === `registers/${PAGE.key}`;
  const current = warm !== null && warm.changes === changes;
  const live = warm && (there ? checked === warm || current : onHome && current && used.current !== warm) ? warm : null;
  const shown = there && live !== null && checked === live;
  useEffect(() => {
    unseen = live && !there ? PAGE.key : null;
    if (live && shown) used.current = live;
    if (warm && !live) { setWarm(null); return; }
    if (live && there && !shown) {
      let on = true;
      const v = asked ?? askVersion();
      asked = null;
      // Not current (or not answered): thrown away, and the page loads its rows as from any other page.
      void v.catch(() => null).then((now) => { if (on) { if (now === live.version) setChecked(live); else setWarm(null); } });
      return () => { on = false; };
    }
    if (!warm && onHome && (households ?? 0) >= WARM_FROM) {
      let on = true;
      const drawnAt = changes;
      // The version is read before the register's rows are asked for: a write after it moves it.
      const id = requestIdleCallback(() => {
        void askVersion().then((version) => { if (on) setWarm({ gen: ++gen, version, changes: drawnAt }); }, () => undefined);
      }, { timeout: 300 });
      return () => { on = false; cancelIdleCallback(id); };
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
