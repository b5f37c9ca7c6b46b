import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { callMethod } from '../api/dispatch';
import { parse, UsageError } from '../args';
import { openContext } from '../context';
import type { ImportReport, Issue } from '../io/import/types';
import { eachWarning } from '../io/import/warning-log';
import type { Command } from './command';

const plain = (i: Issue) => ({ row: i.row, column: i.column, message: i.message });

/** The report as scripts read it: counts and issues per file and sheet, nothing for the preview grid. */
export function cliShape(r: ImportReport) {
  return {
    batch: r.batch,
    links: r.links,
    files: r.files.map((f) => ({
      file: f.file,
      ...(f.error ? { error: f.error } : {}),
      sheets: f.sheets.map((s) => ({
        sheet: s.sheet, kind: s.kind, rows: s.rows, added: s.added, updated: s.updated, unchanged: s.unchanged,
        errors: s.errors.map(plain), warnings: s.warnings.map(plain), ended: s.ended,
      })),
    })),
  };
}

/** A list as JSON, a few hundred items to a piece: a 100,000-row file's warnings are never one string. */
function* jsonList<T>(items: Iterable<T>, shape: (x: T) => unknown): Generator<string> {
  yield '[';
  let piece: string[] = [];
  let first = true;
  const out = () => {
    const s = (first ? '' : ',') + piece.join(',');
    first = false;
    piece = [];
    return s;
  };
  for (const x of items) {
    piece.push(JSON.stringify(shape(x)));
    if (piece.length === 500) yield out();
  }
  if (piece.length) yield out();
  yield ']';
}

/**
 * `JSON.stringify(cliShape(r))` in pieces, byte for byte (a test holds them equal): the report of a
 * big file is written as it is turned into text, without a copy of every warning and the whole text
 * of them held at once at the import's end.
 */
export function* cliJson(r: ImportReport): Generator<string> {
  yield `{"batch":${JSON.stringify(r.batch)},"links":${JSON.stringify(r.links)},"files":[`;
  for (const [fi, f] of r.files.entries()) {
    yield `${fi ? ',' : ''}{"file":${JSON.stringify(f.file)}${f.error ? `,"error":${JSON.stringify(f.error)}` : ''},"sheets":[`;
    for (const [si, s] of f.sheets.entries()) {
      const head = JSON.stringify({ sheet: s.sheet, kind: s.kind, rows: s.rows, added: s.added, updated: s.updated, unchanged: s.unchanged });
      yield `${si ? ',' : ''}${head.slice(0, -1)},"errors":`;
      yield* jsonList(s.errors, plain);
      yield ',"warnings":';
      yield* jsonList(eachWarning(s), plain);
      yield `,"ended":${JSON.stringify(s.ended)}}`;
    }
    yield ']}';
  }
  yield ']}';
}

/** The report for a person, line by line. */
function* human(r: ImportReport): Generator<string> {
  for (const f of r.files) {
    yield `${f.file}${f.error ? `：未导入，${f.error}` : ''}`;
    for (const s of f.sheets) {
      const name = s.sheet ?? '（CSV）';
      if (!s.kind) { yield `  ${name}：${s.skipped ?? '未导入'}`; continue; }
      yield `  ${name}（${s.title}）：${s.rows} 行，新增 ${s.added}，更新 ${s.updated}，无变化 ${s.unchanged}，拒绝 ${s.errors.length}`;
      if (s.ended.length) yield `    解除结对 ${s.ended.length}（${s.ended[0].until}）：${s.ended.map((e) => `${e.cadre}—${e.household}`).join('、')}`;
      for (const e of s.errors) yield `    ✗ ${e.row ? `第 ${e.row} 行` : '整表'}${e.column ? `【${e.column}】` : ''}${e.message}`;
      for (const w of eachWarning(s)) yield `    ! ${w.row ? `第 ${w.row} 行` : ''}${w.column ? `【${w.column}】` : ''}${w.message}`;
    }
  }
  if (r.links.length) yield `新增联村 ${r.links.length} 条：${r.links.map((l) => `${l.unit}—${l.village}（自 ${l.since}）`).join('；')}`;
  const t = r.totals;
  yield r.dryRun ? `试导入（未写入台账）：新增 ${t.added}，更新 ${t.updated}，无变化 ${t.unchanged}，拒绝 ${t.errors} 行`
    : r.batch ? `已导入（第 ${r.batch} 批）：新增 ${t.added}，更新 ${t.updated}，无变化 ${t.unchanged}，拒绝 ${t.errors} 行`
    : `没有需要写入的内容：新增 0，更新 0，无变化 ${t.unchanged}，拒绝 ${t.errors} 行`;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import 文件… [--dry-run] [--rejects 目录] [--complete-roster [--roster-date 日期]]',
  summary: '导入各单位报送的表格（xlsx、xls、et、csv、ods），多个文件为一批；--dry-run 只核对不写入；--rejects 把被拒绝的行按单位写成退回清单；--complete-roster 把每张花名册（T1）当作该单位完整的名单，未列出的结对于填报时间（或 --roster-date）解除',
  run: async (db, argv, o) => {
    const { values, positionals } = parse(argv, { 'dry-run': { type: 'boolean' }, rejects: { type: 'string' }, 'complete-roster': { type: 'boolean' }, 'roster-date': { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('请给出要导入的文件');
    if (values.rejects !== undefined && values['dry-run']) throw new UsageError('--rejects 只用于正式导入（退回清单来自记录下的这一批），不能与 --dry-run 同用');
    const ctx = openContext(db);
    try {
      // `npm run` starts us in the project folder; relative names are meant from where the clerk typed them.
      const cwd = process.env.INIT_CWD ?? process.cwd();
      const input = {
        files: positionals.map((p) => ({ path: resolve(cwd, p) })),
        // The command line prints counts and issues, never the preview grid: no rows of cells for it.
        previewRows: 0,
        ...(values['complete-roster'] ? { completeRoster: 'all' as const } : {}),
        ...(values['roster-date'] !== undefined ? { rosterDate: values['roster-date'] } : {}),
      };
      const report = await callMethod(ctx, values['dry-run'] ? 'imports.preview' : 'imports.commit', input) as ImportReport;
      if (o.json && o.part) {
        for (const piece of cliJson(report)) o.part(piece);
        o.part('\n');
      } else if (o.json) o.out(JSON.stringify(cliShape(report)));
      else for (const line of human(report)) o.out(line);
      if (values.rejects !== undefined && report.batch !== null && report.totals.errors > 0) {
        const dir = resolve(cwd, values.rejects);
        mkdirSync(dir, { recursive: true });
        const { files } = await callMethod(ctx, 'imports.exportRejects', { batchId: report.batch, out: dir }) as { files: { path: string; rows: number }[] };
        o.err(`退回清单：${files.map((f) => `${f.path}（${f.rows} 行）`).join('，')}`);
      }
      return report.files.some((f) => f.error) ? 1 : 0;
    } finally {
      ctx.ledger.close();
    }
  },
};
