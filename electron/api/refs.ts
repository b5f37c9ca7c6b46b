import { LedgerError, type Ctx } from './define';

type Named = { id: number; name: string };

function one<T>(ctx: Ctx, sql: string, ...params: unknown[]): T | undefined {
  return ctx.ledger.sqlite.prepare(sql).get(...params) as T | undefined;
}

/**
 * The village a record names. `record` is given when a record is written: a retired (撤销) village then
 * takes no record that was not already in it (`was`: the record's village before this write).
 */
export function requireVillage(ctx: Ctx, id: number, field = 'villageId', record?: { was: unknown }): Named {
  const v = one<Named & { retired_at: string | null }>(ctx, 'select id, name, retired_at from villages where id = ?', id);
  if (!v) throw new LedgerError('本镇没有这个村，请从列表中选择', [{ field, message: '本镇没有这个村' }]);
  if (record && v.retired_at && record.was !== id) {
    throw new LedgerError(`${v.name}已撤销，不再登记新的记录；请选择在用的村，或在“设置 → 村和村民小组”中恢复该村`, [{ field, message: `${v.name}已撤销` }]);
  }
  return { id: v.id, name: v.name };
}

export function requireGroup(ctx: Ctx, villageId: number, groupId: number | null, field = 'groupId', record?: { was: unknown }): void {
  if (groupId === null) return;
  const g = one<{ village_id: number; name: string; retired_at: string | null }>(ctx, 'select village_id, name, retired_at from village_groups where id = ?', groupId);
  if (!g || g.village_id !== villageId) {
    const v = requireVillage(ctx, villageId);
    throw new LedgerError(`${v.name}没有这个村民小组，请从该村的小组中选择`, [{ field, message: `${v.name}没有这个村民小组` }]);
  }
  if (record && g.retired_at && record.was !== groupId) {
    throw new LedgerError(`${g.name}已撤销，不再登记新的记录；请选择在用的村民小组`, [{ field, message: `${g.name}已撤销` }]);
  }
}

export function requireUnit(ctx: Ctx, id: number, field = 'unitId'): Named {
  const u = one<Named>(ctx, 'select id, name from units where id = ? and deleted_at is null', id);
  if (!u) throw new LedgerError('没有这个联系单位，请从列表中选择', [{ field, message: '没有这个联系单位' }]);
  return u;
}

export function requireCadre(ctx: Ctx, id: number, field = 'cadreId'): Named & { unit_id: number } {
  const c = one<Named & { unit_id: number }>(ctx, 'select id, name, unit_id from cadres where id = ? and deleted_at is null', id);
  if (!c) throw new LedgerError('没有这位联户干部，请从列表中选择', [{ field, message: '没有这位联户干部' }]);
  return c;
}

export function requireHousehold(ctx: Ctx, id: number, field = 'householdId'): { id: number; head: string } {
  const h = one<{ id: number; head: string }>(ctx, 'select id, head from households where id = ? and deleted_at is null', id);
  if (!h) throw new LedgerError('没有这一户，请从列表中选择', [{ field, message: '没有这一户' }]);
  return h;
}

export function requireZone(ctx: Ctx, id: number, field = 'zoneId'): Named {
  const z = one<Named>(ctx, 'select id, name from greenhouse_zones where id = ? and deleted_at is null', id);
  if (!z) throw new LedgerError('没有这个大棚小区，请从列表中选择', [{ field, message: '没有这个大棚小区' }]);
  return z;
}

/** A unique value already taken by another live row: say whose, so the clerk can find it. */
export function refuseDuplicate(ctx: Ctx, sql: string, params: unknown[], field: string, message: (who: string) => string): void {
  const other = one<{ who: string }>(ctx, sql, ...params);
  if (other) throw new LedgerError(message(other.who), [{ field, message: message(other.who) }]);
}

export function checkRange(start: string | null, end: string | null, field = 'until'): void {
  if (start && end && end < start) {
    const m = `终止日期 ${end} 早于起始日期 ${start}`;
    throw new LedgerError(m, [{ field, message: m }]);
  }
}
