import { Button, Table, Tag, Typography } from 'antd';
import type { FileReport, ImportReport, SheetReport } from '../../../../electron/io/import/types';

/** Which rows of a sheet a count opens. */
export type RowFilter = 'added' | 'updated' | 'unchanged' | 'error' | 'warning';
export type SheetRef = { file: number; sheet: number };

type Line = { key: string; file: FileReport; fileIndex: number; sheet: SheetReport | null; sheetIndex: number };

const refused = (s: SheetReport) => new Set(s.errors.filter((e) => e.row !== null).map((e) => e.row)).size;
const hints = (s: SheetReport) => s.warnings.filter((w) => w.row !== null).length;

/**
 * The preview as one table: file → sheet → kind → 新增/更新/无变化/拒绝/提示, counted in rows of the
 * units' sheets. Each count opens its rows; a file that cannot be imported stands as its own line
 * with the reason, and the other files go on.
 */
export function PreviewSummary({ report, onOpen }: { report: ImportReport; onOpen: (ref: SheetRef, filter: RowFilter) => void }) {
  const lines: Line[] = report.files.flatMap((file, fileIndex): Line[] => {
    const sheets = file.sheets.map((sheet, sheetIndex) => ({ sheet, sheetIndex })).filter(({ sheet }) => sheet.kind || sheet.rows > 0 || sheet.headerRows || sheet.hidden);
    if (file.error || sheets.length === 0) return [{ key: `${fileIndex}`, file, fileIndex, sheet: null, sheetIndex: -1 }];
    return sheets.map(({ sheet, sheetIndex }) => ({ key: `${fileIndex}:${sheetIndex}`, file, fileIndex, sheet, sheetIndex }));
  });
  const count = (l: Line, n: number, filter: RowFilter, color?: string) => (l.sheet && l.sheet.kind && n > 0
    ? <Button type="link" size="small" style={{ padding: 0, color }} onClick={() => onOpen({ file: l.fileIndex, sheet: l.sheetIndex }, filter)}
        aria-label={`${l.file.file} ${l.sheet.sheet ?? ''} ${filter}`}>{n.toLocaleString('en-US')}</Button>
    : <Typography.Text type="secondary">{l.sheet?.kind ? 0 : '—'}</Typography.Text>);

  return (
    <Table<Line> className="import-summary" size="small" rowKey="key" dataSource={lines} pagination={false} bordered
      columns={[
        { title: '文件', width: 220, render: (_, l) => <Typography.Text strong ellipsis title={l.file.file}>{l.file.file}</Typography.Text>,
          onCell: (l) => ({ rowSpan: l.sheet === null || l.sheetIndex === lines.find((x) => x.fileIndex === l.fileIndex)!.sheetIndex ? lines.filter((x) => x.fileIndex === l.fileIndex).length : 0 }) },
        { title: '工作表', width: 140, render: (_, l) => (l.sheet ? (l.sheet.sheet ?? '（CSV）') + (l.sheet.hidden ? '（隐藏）' : '') : '—') },
        { title: '表的种类', render: (_, l) => {
          if (l.file.error) return <Typography.Text type="danger">未导入：{l.file.error}</Typography.Text>;
          if (!l.sheet) return <Typography.Text type="secondary">没有可导入的工作表</Typography.Text>;
          if (!l.sheet.kind || l.sheet.skipped) return <Typography.Text type={l.sheet.errors.length ? 'danger' : 'secondary'}>{l.sheet.kind ? `${l.sheet.kind} ${l.sheet.title}：` : ''}{l.sheet.skipped ?? '未识别'}</Typography.Text>;
          return <><Tag>{l.sheet.kind}</Tag>{l.sheet.title}{l.sheet.unit ? <Typography.Text type="secondary">（{l.sheet.unit}）</Typography.Text> : null}</>;
        } },
        { title: '行', width: 70, align: 'right', render: (_, l) => l.sheet?.rows ?? '—' },
        { title: '新增', width: 70, align: 'right', render: (_, l) => count(l, l.sheet?.added ?? 0, 'added') },
        { title: '更新', width: 70, align: 'right', render: (_, l) => count(l, l.sheet?.updated ?? 0, 'updated') },
        { title: '无变化', width: 70, align: 'right', render: (_, l) => count(l, l.sheet?.unchanged ?? 0, 'unchanged') },
        { title: '拒绝', width: 70, align: 'right', render: (_, l) => count(l, l.sheet ? refused(l.sheet) : 0, 'error', '#cf1322') },
        { title: '提示', width: 70, align: 'right', render: (_, l) => count(l, l.sheet ? hints(l.sheet) : 0, 'warning') },
      ]} />
  );
}
