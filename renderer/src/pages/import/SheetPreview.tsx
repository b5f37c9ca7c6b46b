import type { ColDef, RowClassParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, Segmented, Select, Space, Tag, Typography } from 'antd';
import { RosterEnds } from './RosterEnds';
import { useMemo, useState } from 'react';
import { SHEETS, type SheetCode } from '../../../../electron/io/sheets';
import type { PreviewRow, SheetReport } from '../../../../electron/io/import/types';
import { gridTheme, localeText } from '../../grid/setup';
import type { RowFilter } from './PreviewSummary';

const STATUS: Record<PreviewRow['status'], { text: string; color: string }> = {
  added: { text: '新增', color: 'green' }, updated: { text: '更新', color: 'blue' }, unchanged: { text: '无变化', color: 'default' }, error: { text: '拒绝', color: 'red' },
};

export const KIND_OPTIONS = [
  ...SHEETS.map((s) => ({ value: s.code, label: `${s.code} ${s.title}` })),
  { value: 'skip', label: '不导入此表' },
];

type Props = {
  report: SheetReport;
  /** The clerk changes what the sheet is (null: skip it) or which column is which; the preview runs again. */
  onKind: (kind: SheetCode | null) => void;
  onColumn: (index: number, key: string | null) => void;
  /** 作为本单位完整花名册 switched on or off (T1), with the end date for a roster without 填报时间. */
  onRoster?: (on: boolean, date?: string) => void;
  /** The rows the count the clerk clicked stands for. */
  filter?: RowFilter;
};

const FILTERS: { value: RowFilter | 'all'; label: string }[] = [
  { value: 'all', label: '全部' }, { value: 'added', label: '新增' }, { value: 'updated', label: '更新' },
  { value: 'unchanged', label: '无变化' }, { value: 'error', label: '拒绝' }, { value: 'warning', label: '提示' },
];

/** One sheet of the preview: what it was recognised as, its column mapping, and its rows with refused ones in red. */
export function SheetPreview({ report, onKind, onColumn, onRoster, filter }: Props) {
  const [shown, setShown] = useState<RowFilter | 'all'>(filter ?? 'all');
  const def = SHEETS.find((s) => s.code === report.kind);
  const fieldOptions = useMemo(() => [
    { value: '', label: '（忽略此列）' },
    ...(def?.columns.filter((c) => !c.paperOnly).map((c) => ({ value: c.key, label: c.group ? `${c.group}·${c.header}` : c.header })) ?? []),
  ], [def]);

  const columnDefs = useMemo<ColDef<PreviewRow>[]>(() => [
    { headerName: '行号', field: 'row', width: 72, pinned: 'left' },
    {
      headerName: '结果', field: 'status', width: 84, pinned: 'left',
      cellRenderer: (p: { value: PreviewRow['status'] }) => <Tag color={STATUS[p.value].color}>{STATUS[p.value].text}</Tag>,
    },
    {
      headerName: '原因 / 变化', colId: 'reason', width: 380, pinned: 'left', wrapText: true, autoHeight: true,
      valueGetter: (p) => p.data?.message ?? (p.data?.changed ? `改动：${p.data.changed.join('、')}` : ''),
      cellClass: (p) => (p.data?.status === 'error' ? 'import-reason-error' : ''),
    },
    ...report.columns.map((c) => ({
      headerName: c.header || `第 ${c.index + 1} 列`, colId: `c${c.index}`, width: Math.max(80, Math.min(200, (c.header.length + 2) * 15)),
      valueGetter: (p: { data?: PreviewRow }) => p.data?.cells[c.index] ?? '',
      headerClass: c.key ? '' : 'import-col-ignored',
      headerTooltip: c.key ? `导入为：${c.label}` : '此列不导入',
    })),
  ], [report.columns]);

  const warned = new Set(report.warnings.map((w) => w.row));
  const rows = shown === 'all' ? report.preview
    : shown === 'warning' ? report.preview.filter((r) => warned.has(r.row))
    : report.preview.filter((r) => r.status === shown);
  const sheetErrors = report.errors.filter((e) => e.row === null);
  const notices = report.warnings.filter((w) => w.row === null);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap>
        <Typography.Text>这是：</Typography.Text>
        <Select size="small" style={{ width: 300 }} value={report.kind ?? (report.skipped ? 'skip' : undefined)} placeholder="请选择表的种类"
          options={KIND_OPTIONS} aria-label="表的种类" onChange={(v) => onKind(v === 'skip' ? null : (v as SheetCode))} />
        {report.kind && <>
          <Tag color="green">新增 {report.added}</Tag><Tag color="blue">更新 {report.updated}</Tag>
          <Tag>无变化 {report.unchanged}</Tag><Tag color={report.errors.length ? 'red' : 'default'}>拒绝 {report.errors.filter((e) => e.row !== null).length}</Tag>
          <Typography.Text type="secondary">共 {report.rows} 行{report.headerRows ? `，表头在第 ${report.headerRows[0]}${report.headerRows[1] > report.headerRows[0] ? `–${report.headerRows[1]}` : ''} 行` : ''}</Typography.Text>
        </>}
      </Space>
      {report.skipped && !sheetErrors.length && <Alert type="info" showIcon message={report.skipped} />}
      {sheetErrors.map((e, i) => <Alert key={i} type="error" showIcon message={e.message} />)}
      {report.kind && report.columns.length > 0 && (
        <div className="import-mapping" aria-label="列对应">
          {report.columns.filter((c) => c.header).map((c) => (
            <label key={c.index} className={c.key ? '' : 'import-mapping-ignored'}>
              <span title={c.header}>{c.header}</span>
              <Select size="small" value={c.key ?? ''} options={fieldOptions} popupMatchSelectWidth={false}
                onChange={(v) => onColumn(c.index, v || null)} aria-label={`“${c.header}”导入为`} />
            </label>
          ))}
        </div>
      )}
      {report.kind === 'T1' && onRoster && <RosterEnds report={report} onRoster={onRoster} />}
      {report.notices.map((n) => <Alert key={n} type="info" showIcon message={n} />)}
      {notices.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{notices.map((n) => n.message).join('；')}</Typography.Text>
      )}
      {report.kind && report.preview.length > 0 && <>
        <Space>
          <Segmented size="small" value={shown} options={FILTERS} onChange={(v) => setShown(v as RowFilter | 'all')} aria-label="显示哪些行" />
          {report.previewTruncated && <Typography.Text type="secondary">（预览只列出前 2,000 行和全部被拒绝的行）</Typography.Text>}
        </Space>
        {/* A few rows: the grid is as tall as they are; many: a scrolling window. */}
        <div className="import-grid" style={rows.length > 12 ? { height: 420 } : undefined}>
          <AgGridReact<PreviewRow> theme={gridTheme} localeText={localeText} rowData={rows} columnDefs={columnDefs}
            domLayout={rows.length > 12 ? 'normal' : 'autoHeight'}
            getRowClass={(p: RowClassParams<PreviewRow>) => (p.data?.status === 'error' ? 'import-row-error' : undefined)}
            tooltipShowDelay={300} suppressMovableColumns overlayNoRowsTemplate="没有这样的行" />
        </div>
      </>}
      {report.warnings.some((w) => w.row !== null) && (
        <details className="import-warnings">
          <summary>提示 {report.warnings.filter((w) => w.row !== null).length} 条（已导入，但值得核对）</summary>
          <ul>{report.warnings.filter((w) => w.row !== null).slice(0, 200).map((w, i) => <li key={i}>第 {w.row} 行{w.column ? `【${w.column}】` : ''}：{w.message}</li>)}</ul>
        </details>
      )}
    </Space>
  );
}
