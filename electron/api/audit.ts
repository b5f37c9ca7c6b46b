import { z } from 'zod';
import { method, type Ctx } from './define';
import { readEntries, SOURCES, type AuditRow, type HistoryEntry } from './history/entry';
import { REGISTERS } from './register-specs';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2014-01-01');

/** The register areas of the API and the tables they keep (a record's 历史 is asked for by its grid's area). */
const AREA_TABLE: Record<string, string> = {
  units: 'units', unitVillages: 'unit_villages', cadres: 'cadres', households: 'households', pairings: 'pairings', visits: 'visits',
  aid: 'aid_deliveries', land: 'land_plots', greenhouseZones: 'greenhouse_zones', greenhouses: 'greenhouses', workItems: 'work_items',
};

const SELECT = `select a.id, a.at, a.table_name as tableName, a.row_id as rowId, a.action, a.before, a.after, a.batch_id as batchId,
    a.source, a.deletion_id as deletionId, b.kind as batchKind
  from audit_log a left join import_batches b on b.id = a.batch_id`;

function page(ctx: Ctx, where: string[], params: unknown[], limit: number, offset: number): { total: number; rows: HistoryEntry[] } {
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const db = ctx.ledger.sqlite;
  const total = (db.prepare(`select count(*) from audit_log a ${w}`).pluck().get(...params) as number);
  const rows = db.prepare(`${SELECT} ${w} order by a.id desc limit ? offset ?`).all(...params, limit, offset) as AuditRow[];
  return { total, rows: readEntries(ctx, rows) };
}

export const audit = {
  /** 操作记录: newest first, in the clerk's words, filtered by register, source and date (local days). */
  list: method(
    z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
      table: z.string().max(40).optional(),
      source: z.string().max(20).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      rowId: z.number().int().positive().optional(),
    }),
    (ctx, i) => {
      const where: string[] = [];
      const p: unknown[] = [];
      if (i.table) { where.push('a.table_name = ?'); p.push(i.table); }
      if (i.source) {
        const stored = SOURCES.find((s) => s.value === i.source)?.stored ?? [i.source];
        where.push(`a.source in (select value from json_each(?))`);
        p.push(JSON.stringify(stored));
      }
      if (i.from) { where.push("date(a.at, 'localtime') >= ?"); p.push(i.from); }
      if (i.to) { where.push("date(a.at, 'localtime') <= ?"); p.push(i.to); }
      if (i.rowId) { where.push('a.row_id = ?'); p.push(i.rowId); }
      return page(ctx, where, p, i.limit, i.offset);
    },
  ),

  /** One record's 历史 (a register grid's row, a household in 户档案), newest first. */
  history: method(
    z.object({ area: z.string().max(40), id: z.number().int().positive(), limit: z.number().int().min(1).max(1000).default(500) }),
    (ctx, { area, id, limit }) => page(ctx, ['a.table_name = ?', 'a.row_id = ?'], [AREA_TABLE[area] ?? area, id], limit, 0),
  ),

  /** The choices of 操作记录's filters. */
  options: method(z.object({}), () => ({
    registers: [...[...REGISTERS.values()].map((r) => ({ value: r.table, label: r.label })), { value: 'settings', label: '设置' }],
    sources: SOURCES.map(({ value, label }) => ({ value, label })),
  })),
};
