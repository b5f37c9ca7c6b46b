import type { Ctx } from '../define';

/**
 * Names instead of ids, as the grids show them: 村 新上村, 联系单位 区统计局, 户 新上村 武荣强. Deleted
 * records keep their names (history and the recycle bin speak of them), so nothing filters on deleted_at.
 */
export class Names {
  private cache = new Map<string, string>();
  constructor(private ctx: Ctx) {}

  private look(kind: string, sql: string, id: unknown): string {
    if (id === null || id === undefined || id === '') return '';
    const key = `${kind}:${String(id)}`;
    let v = this.cache.get(key);
    if (v === undefined) {
      v = (this.ctx.ledger.sqlite.prepare(sql).pluck().get(id) as string | undefined) ?? '（已不存在）';
      this.cache.set(key, v);
    }
    return v;
  }

  village = (id: unknown) => this.look('v', 'select name from villages where id = ?', id);
  group = (id: unknown) => this.look('g', 'select name from village_groups where id = ?', id);
  unit = (id: unknown) => this.look('u', 'select name from units where id = ?', id);
  cadre = (id: unknown) => this.look('c', 'select name from cadres where id = ?', id);
  zone = (id: unknown) => this.look('z', 'select name from greenhouse_zones where id = ?', id);
  /** "新上村 武荣强" */
  household = (id: unknown) => this.look('h', "select v.name || ' ' || h.head from households h join villages v on v.id = h.village_id where h.id = ?", id);
}
