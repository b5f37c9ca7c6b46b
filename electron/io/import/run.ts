import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Cancelled, checkCancelled, type ProgressEvent } from '../../api/define';
import { BackupError } from '../../../db/backup';
import { todayIso } from '../../values/dates';
import { ReadAborted, WorkbookReader, type ToRead } from '../read/read';
import { ReadRefusal, type RawSheet, type RawWorkbook } from '../read/types';
import type { SheetCode, SheetDef } from '../sheets';
import { breathe, bulkSettings, CHUNK } from './chunks';
import { dataRows, type DataRow } from './extract';
import { SheetFeed } from './feed';
import { withTightHeap } from './heap';
import { APPLY, KIND_ORDER } from './kinds';
import { loadLearned, rememberColumns, rememberRosters, rememberValues, type Learned } from './learned';
import { applyColumnChoices, recognize, type Recognition } from './recognize';
import { Resolver } from './resolve';
import { RowFailure } from './row';
import { displayCells, readRow, valueWord, type ValueDecisions } from './rows';
import type { FileReport, ImportReport, PreviewRow, RosterChoice, SheetChoice, SheetReport, ValueChoice } from './types';
import { endUnlisted, RosterDateMissing, type Roster } from './roster';
import { Writer } from './writer';
import { keepWarnings, restoreWarnings, warningCount } from './warning-log';

/**
 * A file to import: its bytes, or a file on disk read by the reading process itself (the import's own
 * copy, DiskCopies in on-disk.ts, whose digest and size were taken as it was copied). `error` when it
 * could not even be opened (the report names it like any refused file).
 */
export type ImportFile = { name: string; error?: string } & ({ bytes: Uint8Array; path?: undefined } | { path: string; sha256: string; size: number; bytes?: undefined });

export type ImportOptions = {
  dryRun: boolean;
  includeHidden?: boolean;
  choices?: SheetChoice[];
  progress?: (e: ProgressEvent) => void;
  /** Rows of a sheet the report carries for the preview grid (refused rows always). */
  previewRows?: number;
  /**
   * The reading process to use; by default one is started and stopped per import. `own`: it is this
   * import's alone (started early with WorkbookReader.warm) and is stopped once the files are read;
   * otherwise the caller reuses it (many imports in a row) and stops it.
   */
  reader?: { process: WorkbookReader; own: boolean };
  /** The clerk's answers for words that are not listed values (remembered per unit when the batch commits). */
  values?: ValueChoice[];
  /** T1 sheets taken as their unit's complete roster ('all': every T1 sheet of the batch). */
  completeRoster?: RosterChoice[] | 'all';
  /** When a complete roster has no 填报时间: the day its unlisted pairings end. */
  rosterDate?: string;
  /** Aborted when the person presses 取消: checked between files and every CHUNK rows; nothing is written. */
  signal?: AbortSignal;
  /**
   * What must be done before anything is written (the backup before a commit): run once a big file's
   * read has been asked for, so the reading process reads while it works; when it throws, nothing is
   * written. It may return the wait for work it left running (the backup's copy, in its worker thread,
   * while the rows are written): called before the commit; when that throws, nothing is kept.
   */
  beforeWrites?: () => void | (() => void);
  /** The native SQLite module the ledger was opened with, for the import's own temporary store (seen.ts). */
  nativeBinding?: string;
};


/**
 * `beforeWrites`, run once, and the wait it may leave: settled before the commit, or, when the import
 * stops with its own error, let end (a backup's copy finishes or is removed) without hiding that error.
 */
class Before {
  private wait: (() => void) | null = null;
  constructor(private readonly opts: ImportOptions) {}

  start(): void {
    this.wait = this.opts.beforeWrites?.() ?? null;
  }

  settle(): void {
    const wait = this.wait;
    this.wait = null;
    wait?.();
  }

  /** The import stopped with `cause`: what was started ends first; a failure of it as well is not told over the cause. */
  abandon(cause: unknown): never {
    try {
      this.settle();
    } catch (e) {
      // The copy's own failure left nothing under a backup's name; the clerk is told why the import stopped.
      // Anything else is a fault in the code and stops the work with its real message.
      if (!isBackupFailure(e)) throw e;
    }
    throw cause;
  }
}

/** A failed backup copy: BackupError itself, or the refusal that names it (startBackupBefore's, with it as cause). */
const isBackupFailure = (e: unknown): boolean =>
  e instanceof BackupError || (e instanceof Error && e.cause instanceof BackupError);

/** An import under way: its options, and what it started before writing. */
type Running = ImportOptions & { before: Before };

/** A sheet to apply: its records read whole, or a feed of them still being read (a big one-sheet xlsx). */
type Job = { file: number; report: SheetReport; def: SheetDef; rec: Recognition; rows: DataRow[] | SheetFeed; date1904: boolean; width: number };

const rowCount = (j: Job) => (Array.isArray(j.rows) ? j.rows.length : j.rows.total());

/** What a file's name says it is, when that is not a table: refused by name before any reader runs. */
const NOT_TABLES: [RegExp, string][] = [
  [/^(docx?|wps|rtf|odt)$/, '是文字文档（Word/WPS 文字），不是表格'],
  [/^(png|jpe?g|gif|bmp|tiff?|webp|heic)$/, '是图片，不是表格'],
  [/^pdf$/, '是 PDF 文件，不是表格'],
  [/^(pptx?|dps|odp)$/, '是演示文稿，不是表格'],
  [/^(zip|rar|7z|gz|tar)$/, '是压缩包；请先解压，再导入其中的表格'],
];
const TABLE_EXT = /^(xlsx|xlsm|xltx|xltm|xls|xlt|et|ett|ods|csv|tsv|txt|xml|html?|slk)$/;

/** Why a file is refused by its name alone (a Word document, an image, an unknown extension), or null. */
export function refuseByName(name: string): string | null {
  const ext = /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === undefined || TABLE_EXT.test(ext)) return null;
  const known = NOT_TABLES.find(([re]) => re.test(ext));
  const what = known ? known[1] : `的扩展名 .${ext} 不是可导入的表格类型`;
  return `“${name}”${what}；可导入 Excel（.xlsx、.xls）、WPS（.et）、.ods 和 .csv 文件，请让报送单位发送表格文件`;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const toRead = (f: ImportFile): ToRead => (f.bytes !== undefined ? f.bytes : { path: f.path });
const digest = (f: ImportFile) => (f.bytes !== undefined ? { sha256: sha256(f.bytes), bytes: f.bytes.length } : { sha256: f.sha256, bytes: f.size });
/** 区文广局-花名册.csv → 区文广局: units name their files after themselves. */
const unitFromName = (name: string) => /^([^-_—－\s.]+)[-_—－\s]/.exec(name)?.[1] ?? null;

function emptyReport(sheet: RawSheet): SheetReport {
  return {
    sheet: sheet.name, kind: null, title: null, hidden: sheet.hidden, skipped: null, unit: null, headerRows: null, columns: [],
    rows: 0, added: 0, updated: 0, unchanged: 0, errors: [], warnings: [], preview: [], previewTruncated: false, unlisted: [], notices: [],
    reportDate: null, completeRoster: false, ended: [],
  };
}

/** Sheets to jobs: recognised, mapped (with what the clerk taught), rows extracted; or why a sheet is skipped. */
function plan(files: ImportFile[], books: (RawWorkbook | ReadRefusal)[], opts: ImportOptions, learnt: Learned, feed?: SheetFeed): { reports: FileReport[]; jobs: Job[] } {
  const learned = learnt.columns;
  const jobs: Job[] = [];
  const reports = files.map((f, fi): FileReport => {
    const book = books[fi];
    const base: FileReport = { file: f.name, ...digest(f), format: null, encoding: null, sheets: [] };
    if (book instanceof ReadRefusal) return { ...base, error: book.message };
    base.format = book.format;
    base.encoding = book.encoding ?? null;
    for (const sheet of book.sheets) {
      const report = emptyReport(sheet);
      base.sheets.push(report);
      const choice = opts.choices?.find((c) => c.file === f.name && c.sheet === sheet.name);
      if (choice?.kind === null) { report.skipped = '已按您的选择跳过此表'; continue; }
      if (sheet.hidden && !opts.includeHidden && !choice?.kind) { report.skipped = '隐藏的工作表，未导入（如需导入，请勾选“包括隐藏的工作表”）'; continue; }
      if (sheet.rows.length === 0) { report.skipped = '空白工作表'; continue; }
      const fileUnit = unitFromName(f.name);
      let rec = recognize(sheet, f.name, { force: choice?.kind ?? null, learned: learned[fileUnit ?? ''] });
      if (rec.unit && rec.unit !== fileUnit && learned[rec.unit]) rec = recognize(sheet, f.name, { force: choice?.kind ?? null, learned: learned[rec.unit] });
      if (choice?.columns) rec = applyColumnChoices(rec, choice.columns);
      report.unit = rec.unit ?? fileUnit;
      report.reportDate = rec.reportDate;
      const rosterChoice = opts.completeRoster === 'all' ? { on: true } : opts.completeRoster?.find((c) => c.file === f.name && c.sheet === sheet.name);
      report.completeRoster = rec.def?.code === 'T1' && (rosterChoice ? rosterChoice.on !== false : learnt.rosters[report.unit ?? ''] === true);
      report.headerRows = rec.headerStart >= 0 ? [rec.headerStart + 1, rec.headerEnd + 1] : null;
      if (!rec.def) {
        report.skipped = rec.headerStart >= 0
          ? '表头与七种报表都对不上，未导入；可在预览中指定这是哪一种表'
          : '没有找到表头（含“序号”“户主姓名”等列名的一行），未导入';
        report.warnings.push({ row: null, column: null, message: `工作表“${sheet.name ?? f.name}”${report.skipped}`, code: 'sheet_skipped' });
        continue;
      }
      report.kind = rec.def.code;
      report.title = rec.def.title;
      if (rec.def.code === 'T3') report.notices.push('五个知晓、五个关心：打 √ 记为已做；空白格不改变台账中已有的 √（新增的走访记为未做）；要去掉已有的 √，请在该格填 ×');
      report.columns = rec.columns.map((c) => ({
        index: c.index, header: c.header, key: c.key, label: c.key ? rec.def!.columns.find((d) => d.key === c.key)?.header ?? null : null,
      }));
      for (const c of rec.columns) {
        if (!c.key && c.header) report.warnings.push({ row: null, column: c.header, message: `“${c.header}”列不属于${rec.def.title}，已忽略`, code: 'column_ignored' });
      }
      // A streamed sheet's records are counted as they are read (importStreamed, applyJobs).
      let rows: DataRow[] | SheetFeed;
      if (feed) {
        feed.start(rec.headerEnd);
        rows = feed;
      } else {
        rows = dataRows(sheet, rec.headerEnd);
        report.rows = rows.length;
      }
      if (rec.missing.length) {
        const names = rec.missing.map((c) => c.header).join('、');
        report.skipped = `缺少必填的列：${names}`;
        report.errors.push({ row: null, column: rec.missing[0].header, code: 'missing_column', message: `表中没有“${names}”列，整张表未导入；请在预览中指定对应的列，或补上该列后再导入` });
        continue;
      }
      const width = Array.isArray(rows) ? Math.max(rec.columns.length, ...rows.map((r) => r.cells.length)) : rec.columns.length;
      jobs.push({ file: fi, report, def: rec.def, rec, rows, date1904: book.date1904, width });
    }
    if (!base.sheets.some((s) => s.kind)) {
      base.error = base.sheets.length === 0 || base.sheets.every((s) => s.rows === 0 && (s.skipped === '空白工作表' || !s.headerRows))
        ? '文件中没有可导入的内容：没有找到任何一种双联报表的表头（应有“序号”及“户主姓名”“身份证号码”等列名）'
        : '文件中的工作表都未能识别为七种双联报表之一，未导入；可在预览中指定表的种类';
    }
    return base;
  });
  const order = (j: Job) => KIND_ORDER.indexOf(j.def.code);
  jobs.sort((a, b) => order(a) - order(b) || a.file - b.file);
  return { reports, jobs };
}

/** The clerk's answers that hold for a sheet of this unit: remembered ones, then this preview's. */
function decisionsFor(unit: string | null, learned: Learned, choices: ValueChoice[] = []): ValueDecisions {
  const out: ValueDecisions = {};
  for (const [key, words] of Object.entries(learned.values[unit ?? ''] ?? {})) out[key] = { ...words };
  for (const c of choices) if ((c.unit ?? '') === (unit ?? '')) (out[c.key] ??= {})[valueWord(c.original)] = c.value;
  return out;
}

/** What 导入记录 keeps of a refused row: the row as the unit wrote it, to send back (退回清单). */
function keepRejected(w: Writer, batch: number, file: string, job: Job, row: number, column: string | null, reason: string, cells: (string | null)[]): void {
  const sheetCells = job.rec.columns.map((c) => ({ header: c.header, key: c.key, text: cells[c.index] ?? null }));
  w.prep('insert into import_rejects (batch_id, file, sheet, kind, unit, row, "column", reason, cells) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(batch, file, job.report.sheet, job.def.code, job.report.unit, row, column, reason, JSON.stringify(sheetCells));
}

/**
 * Applies the jobs in one transaction. Only validation and matching problems (RowFailure) refuse a
 * row; any other error (a bug, SQLITE_BUSY, a broken constraint, a cancel) aborts the whole batch with
 * its own message and nothing is written. A dry run is rolled back; a commit that refuses rows and
 * writes nothing else is still recorded as a batch, so its refused rows can be sent back.
 * The transaction is opened by hand so that the event loop can turn every CHUNK rows (a cancel and
 * the progress bar reach us); a row that writes keeps its own savepoint inside it (Writer.startRow).
 */
async function apply(db: Database.Database, files: FileReport[], jobs: Job[], opts: Running, learned: Learned): Promise<{ batch: number | null; links: Resolver['newLinks'] }> {
  if (db.inTransaction) throw new Error('另一项导入或撤销正在进行，请等它完成后再试');
  const step = opts.dryRun ? '核对' : '写入';
  // A streamed sheet's total is an estimate until its read ends; the bar says so, and shows the count once known.
  const sure = () => jobs.every((j) => Array.isArray(j.rows) || j.rows.ended);
  let wasSure = sure();
  let done = 0;
  let batch: number | null = null;
  db.exec('BEGIN IMMEDIATE');
  let resolver: Resolver | undefined;
  try {
    const w = new Writer(db);
    resolver = new Resolver(w, opts.nativeBinding);
    // A promise only every CHUNK rows: an await per row would cost a turn of the microtask queue each.
    const keep = await applyJobs(db, w, resolver, files, jobs, opts, learned, () => {
      done++;
      const known = wasSure || sure();
      if (done % CHUNK !== 0 && known === wasSure) return;
      wasSure = known;
      const total = jobs.reduce((s, j) => s + rowCount(j), 0);
      opts.progress?.({ task: 'import', step, done, total, message: `正在${step}第 ${done.toLocaleString('en-US')} 行，共${known ? '' : '约'} ${total.toLocaleString('en-US')} 行` });
      return done % CHUNK === 0 ? breathe(opts.signal) : undefined;
    }, (b) => { batch = b; });
    checkCancelled(opts);
    // The backup before the import (copying while the rows were written) has ended: if it failed, nothing is kept.
    opts.before.settle();
    if (keep) db.exec('COMMIT');
    else { db.exec('ROLLBACK'); batch = null; }
    return { batch, links: resolver.newLinks };
  } finally {
    resolver?.close();
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

/** The body of `apply`, inside its transaction: false when nothing is to be kept (a dry run, nothing written). */
async function applyJobs(db: Database.Database, w: Writer, resolver: Resolver, files: FileReport[], jobs: Job[], opts: ImportOptions, learned: Learned,
  rowDone: () => Promise<void> | undefined, setBatch: (b: number) => void): Promise<boolean> {
  const today = todayIso();
  const limit = opts.previewRows ?? 2000;
  let batch: number | null = null;
  {
    if (!opts.dryRun) {
      const units = [...new Set(jobs.map((j) => j.report.unit).filter(Boolean))].join('、') || null;
      batch = Number(db.prepare('insert into import_batches (unit, files) values (?, ?)')
        .run(units, JSON.stringify(files.map((f) => ({ name: f.file, sha256: f.sha256 })))).lastInsertRowid);
      w.batchId = batch;
      setBatch(batch);
    }
    let refused = 0;
    for (const job of jobs) {
      resolver.newFile();
      const r = job.report;
      const apply = APPLY[job.def.code];
      const decisions = decisionsFor(r.unit, learned, opts.values);
      const roster: Roster = { units: new Set(), listed: new Set() };
      let explicitEnds = false;
      const feed = Array.isArray(job.rows) ? null : job.rows;
      for await (const rows of feed ? feed.batches() : [job.rows as DataRow[]]) for (const dr of rows) {
        if (feed && dr.cells.length > job.width) job.width = dr.cells.length;
        let preview: PreviewRow;
        const ctx = readRow(job.def, job.rec.columns, dr, job.date1904, today, decisions);
        if (Array.isArray(ctx)) {
          r.errors.push(...ctx.map(({ unlisted: _u, ...i }) => i));
          for (const i of ctx) {
            if (!i.unlisted) continue;
            const u = i.unlisted;
            let entry = r.unlisted.find((x) => x.key === u.key && valueWord(x.original) === valueWord(u.original));
            if (!entry) {
              const values = [...(job.def.columns.find((c) => c.key === u.key)?.values ?? [])];
              r.unlisted.push(entry = { key: u.key, header: i.column ?? u.key, original: u.original, suggestion: u.suggestion, values, rows: [] });
            }
            entry.rows.push(dr.row);
          }
          preview = { row: dr.row, status: 'error', message: ctx.map((i) => i.message).join('；'), cells: [] };
        } else {
          let outcome: 'added' | 'updated' | 'unchanged' = 'unchanged';
          try {
            w.startRow();
            w.listedPairing = null;
            outcome = apply(ctx, resolver, w);
            w.keepRow();
            resolver.endRow(true);
            const listed = w.listedPairing as Writer['listedPairing'];
            if (listed) { roster.units.add(listed.unit); roster.listed.add(listed.pairing); }
            if (ctx.has('until')) explicitEnds = true;
          } catch (e) {
            if (!(e instanceof RowFailure)) throw e;
            w.abandonRow();
            resolver.endRow(false);
            r.errors.push(...e.issues);
            preview = { row: dr.row, status: 'error', message: e.issues.map((i) => i.message).join('；'), cells: [] };
          }
          preview ??= (() => {
            r[outcome]++;
            keepWarnings(r, ctx.warnings);
            return { row: dr.row, status: outcome, cells: [], ...(ctx.changed.length ? { changed: ctx.changed } : {}) } as PreviewRow;
          })();
        }
        // The cells as shown are needed only for the preview grid and a refused row's record.
        const shown = preview.status === 'error' || r.preview.length < limit;
        const cells = shown ? displayCells(job.def, job.rec.columns, dr, job.date1904, job.width) : [];
        if (preview.status === 'error' && batch !== null) {
          const first = r.errors.findLast((e) => e.row === dr.row);
          keepRejected(w, batch, files[job.file].file, job, dr.row, first?.column ?? null, preview.message ?? '', cells);
          refused++;
        }
        if (shown) {
          preview.cells = cells;
          r.preview.push(preview);
        } else r.previewTruncated = true;
        const turn = rowDone();
        if (turn) await turn;
      }
      if (feed) {
        r.rows = feed.count;
        // Rows shown before a wider one came are as wide as the sheet, as when it is read whole.
        for (const p of r.preview) while (p.cells.length < job.width) p.cells.push(null);
      }
      if (job.def.code === 'T1' && (r.completeRoster || explicitEnds)) {
        const date = r.reportDate ?? opts.rosterDate ?? null;
        const where = `“${files[job.file].file}”${r.sheet ? `工作表“${r.sheet}”` : ''}`;
        if (date === null && r.completeRoster) {
          const missing = `${where}作为完整花名册导入，但表中没有填报时间，无法确定未列出的结对何时解除；请给出解除日期（命令行加 --roster-date 2014-06-30），或在表头第二行写明“填报时间：2014年6月30日”`;
          // The preview asks for the date beside the switch; the import itself never guesses one.
          if (!opts.dryRun) throw new RosterDateMissing(missing);
          r.warnings.push({ row: null, column: null, code: 'roster_no_date', message: missing });
          continue;
        }
        if (date === null) {
          r.warnings.push({ row: null, column: null, code: 'roster_no_date', message: `${where}列有解除日期，但没有填报时间，表中未列出的结对未解除；如这是本单位完整的花名册，请给出解除日期后再导入` });
        } else {
          r.completeRoster = true;
          endUnlisted(w, r, roster, date);
        }
      }
    }
    if (opts.dryRun) return false;
    rememberColumns(w, (opts.choices ?? []).flatMap((c) => {
      const job = jobs.find((j) => files[j.file].file === c.file && j.report.sheet === c.sheet);
      return job && c.columns ? [{ unit: job.report.unit ?? '', code: job.def.code as SheetCode, rec: job.rec, columns: c.columns }] : [];
    }));
    rememberRosters(w, Array.isArray(opts.completeRoster) ? opts.completeRoster.flatMap((c) => {
      const job = jobs.find((j) => files[j.file].file === c.file && j.report.sheet === c.sheet && j.def.code === 'T1');
      return job ? [{ unit: job.report.unit ?? '', on: c.on !== false }] : [];
    }) : []);
    rememberValues(w, (opts.values ?? []).map((v) => ({ unit: v.unit ?? '', key: v.key, original: valueWord(v.original), value: v.value })));
    w.finish();
    if (w.writes === 0 && refused === 0) return false;
    db.prepare('update import_batches set summary = ? where id = ?').run(JSON.stringify(summarize(files)), batch);
    return true;
  }
}

/** What the batch history keeps: counts per sheet, not the rows. */
export function summarize(files: FileReport[]) {
  return {
    files: files.map((f) => ({
      file: f.file, error: f.error,
      sheets: f.sheets.filter((s) => s.kind).map((s) => ({ sheet: s.sheet, kind: s.kind, rows: s.rows, added: s.added, updated: s.updated, unchanged: s.unchanged, errors: s.errors.length, warnings: warningCount(s) })),
    })),
    totals: totals(files),
  };
}

function totals(files: FileReport[]): ImportReport['totals'] {
  const t = { rows: 0, added: 0, updated: 0, unchanged: 0, errors: 0, warnings: 0 };
  for (const s of files.flatMap((f) => f.sheets)) {
    t.rows += s.rows; t.added += s.added; t.updated += s.updated; t.unchanged += s.unchanged;
    t.errors += s.errors.length; t.warnings += warningCount(s);
  }
  return t;
}

/**
 * Imports files as one batch: each read in the worker, its sheets recognised, then every sheet applied
 * in dependency order inside ONE transaction. A dry run does all of it and rolls back. A big one-sheet
 * xlsx imported alone is written while it is read (importStreamed).
 */
export function importFiles(db: Database.Database, files: ImportFile[], opts: ImportOptions): Promise<ImportReport> {
  return withTightHeap(() => importAll(db, files, opts)).then(restoreWarnings);
}

async function importAll(db: Database.Database, files: ImportFile[], options: ImportOptions): Promise<ImportReport> {
  const opts: Running = { ...options, before: new Before(options) };
  try {
    return await readAndApply(db, files, opts);
  } catch (e) {
    return opts.before.abandon(e);
  }
}

async function readAndApply(db: Database.Database, files: ImportFile[], opts: Running): Promise<ImportReport> {
  const { process: reader, own } = opts.reader ?? { process: new WorkbookReader(), own: true };
  // The reading process goes as soon as the files are read, not after the writes (its memory); closing twice is harmless.
  const close = async () => { if (own) await reader.close(); };
  try {
    const one = files.length === 1 && !files[0].error && !refuseByName(files[0].name) ? files[0] : null;
    // A reader given by a caller may be a stand-in that only reads whole (the bench's).
    if (one && typeof reader.readStreaming === 'function') {
      checkCancelled(opts);
      opts.progress?.({ task: 'import', step: '读取', done: 0, total: 1, message: `正在读取 ${one.name}（1/1）` });
      const feed = new SheetFeed(reader, toRead(one), one.name, opts.signal);
      let book: RawWorkbook | ReadRefusal;
      try {
        await reader.booted();
        opts.before.start();
        if (await feed.ready() === 'stream') return await importStreamed(db, files, feed, opts);
        book = feed.whole!;
      } catch (e) {
        if (e instanceof Cancelled || e instanceof ReadAborted) throw new Cancelled();
        // The file turned out unreadable (even part-way through a streamed sheet, whose writes were rolled back): refused as when read whole.
        if (e !== feed.failed) throw e;
        book = e instanceof ReadRefusal ? e : new ReadRefusal('读取文件时出错，文件可能已损坏', String(e));
      } finally {
        feed.stop();
      }
      await close();
      return await importBooks(db, files, [book], opts);
    }
    opts.before.start();
    const books: (RawWorkbook | ReadRefusal)[] = [];
    for (const [i, f] of files.entries()) {
      checkCancelled(opts);
      opts.progress?.({ task: 'import', step: '读取', done: i, total: files.length, message: `正在读取 ${f.name}（${i + 1}/${files.length}）` });
      try {
        if (f.error) throw new ReadRefusal(f.error);
        const refused = refuseByName(f.name);
        if (refused) throw new ReadRefusal(refused);
        books.push(await reader.read(toRead(f), f.name, undefined, opts.signal));
      } catch (e) {
        if (e instanceof Cancelled || e instanceof ReadAborted) throw new Cancelled();
        books.push(e instanceof ReadRefusal ? e : new ReadRefusal('读取文件时出错，文件可能已损坏', String(e)));
      }
    }
    await close();
    return await importBooks(db, files, books, opts);
  } finally {
    await close();
  }
}

/** Files read whole: planned, then applied. */
async function importBooks(db: Database.Database, files: ImportFile[], books: (RawWorkbook | ReadRefusal)[], opts: Running): Promise<ImportReport> {
  checkCancelled(opts);
  const learned = loadLearned(db);
  const { reports, jobs } = plan(files, books, opts, learned);
  return await applyPlanned(db, reports, jobs, opts, learned);
}

/**
 * One big one-sheet xlsx, written while it is read: planned from its first rows, then its records
 * applied as the reader hands them over. A read that fails part-way throws (the caller refuses the file).
 */
async function importStreamed(db: Database.Database, files: ImportFile[], feed: SheetFeed, opts: Running): Promise<ImportReport> {
  checkCancelled(opts);
  const learned = loadLearned(db);
  const book: RawWorkbook = { format: 'xlsx', date1904: feed.head!.date1904, sheets: [feed.firstRows()] };
  const { reports, jobs } = plan(files, [book], opts, learned, feed);
  // A sheet refused whole for a missing column still reports how many records it has.
  const sheet = reports[0].sheets[0];
  if (jobs.length === 0 && sheet?.errors.some((e) => e.code === 'missing_column')) sheet.rows = await feed.drain();
  return await applyPlanned(db, reports, jobs, opts, learned);
}

async function applyPlanned(db: Database.Database, reports: FileReport[], jobs: Job[], opts: Running, learned: Learned): Promise<ImportReport> {
  const step = opts.dryRun ? '核对' : '写入';
  const total = jobs.reduce((s, j) => s + rowCount(j), 0);
  opts.progress?.({ task: 'import', step, done: 0, total, message: opts.dryRun ? '正在核对…' : '正在写入台账…' });
  const { batch, links } = await bulkSettings(db, () => apply(db, reports, jobs, opts, learned));
  const all = jobs.reduce((s, j) => s + rowCount(j), 0);
  opts.progress?.({ task: 'import', step, done: all, total: all, message: '完成' });
  return { batch, dryRun: opts.dryRun, files: reports, links, totals: totals(reports) };
}
