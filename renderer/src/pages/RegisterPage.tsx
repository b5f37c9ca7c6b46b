import { RegisterGrid } from '../grid/RegisterGrid';
import type { RegisterPageDef } from '../registers/types';

/** A page of the 台账 menu: its register, with a companion grid above where it has one (units' village links, greenhouse zones). */
export function RegisterPage({ page, period, warm }: { page: RegisterPageDef; period?: string; warm?: boolean }) {
  if (page.grids.length === 1) return <RegisterGrid def={page.grids[0]} period={period} warm={warm} />;
  return (
    <div className="register-split">
      {page.grids.map((def, i) => (
        <div key={def.key} className={i === 0 ? 'split-top' : 'split-bottom'}><RegisterGrid def={def} compact={i === 0} period={period} warm={warm} /></div>
      ))}
    </div>
  );
}
