import { FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, DatePicker, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Figure } from '../../../../electron/report/types';
import { ledger, saveDownload } from '../../client/ledger';
import { periodPresets } from '../export/periods';
import { ClerkText, SaveTextBar, useClerkText } from './ClerkText';
import { FigureDrawer } from './FigureDrawer';
import { Sentence } from './Figures';
import { ReportTables } from './ReportTables';
import type { OpenFigure } from './useRecords';
import { useReportView } from './useReportView';
import { VillageCharts } from './VillageCharts';
import './report.css';

/** "2014-H1" → 2014-01-01 … 2014-06-30. */
export function periodRange(period: string): { from: string; to: string } {
  const [y, h] = period.split('-');
  return h === 'H1' ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
}

/** Word and Excel downloads of the report: the API writes the file, the window saves it (saveDownload). */
function useDownloads(from: string, to: string) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);
  const get = async (kind: 'docx' | 'xlsx') => {
    setBusy(kind);
    try {
      const r = await (kind === 'docx' ? ledger.reportDoc.docx({ from, to }) : ledger.reportDoc.xlsx({ from, to }));
      if (!r.download || !(await saveDownload({ download: r.download, fileName: r.fileName }))) return;
      message.success(`已导出：${r.fileName}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return { busy, get };
}

/** 半年报告: the report written from the ledger, every figure opening its records; Word, Excel and print. */
export function ReportPage({ period }: { period: string }) {
  const [range, setRange] = useState(() => periodRange(period));
  useEffect(() => setRange(periodRange(period)), [period]);
  const { from, to } = range;
  const { view, error, reload } = useReportView(from, to);
  const text = useClerkText(from, to, view?.doc.text, () => void reload());
  const downloads = useDownloads(from, to);
  const [open, setOpen] = useState<OpenFigure | null>(null);
  const onOpen = (f: Figure, label: string) => setOpen({ figure: f.figure, from: f.period?.from ?? from, to: f.period?.to ?? to, label, value: f.text });

  const { modal } = AntApp.useApp();
  const pick = (v: [Dayjs | null, Dayjs | null] | null) => {
    if (!v?.[0] || !v[1]) return;
    const next = { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') };
    if (!text.dirty) { setRange(next); return; }
    modal.confirm({
      title: '本期的存在问题和下一步打算还没有保存',
      content: '换到另一个期间，这些修改将丢失。要先保存吗？',
      okText: '保存后切换', cancelText: '不保存，直接切换', keyboard: false, maskClosable: false,
      onOk: async () => { await text.save(); setRange(next); },
      onCancel: () => setRange(next),
    });
  };

  const doc = view?.doc;
  return (
    <div className="report-page">
      <Space className="report-toolbar no-print" wrap>
        <Typography.Text>统计期间</Typography.Text>
        <DatePicker.RangePicker value={[dayjs(from), dayjs(to)]} onChange={pick} presets={periodPresets()} allowClear={false} aria-label="报告期间" />
        <Button icon={<FileWordOutlined />} loading={downloads.busy === 'docx'} onClick={() => void downloads.get('docx')}>导出 Word</Button>
        <Button icon={<FileExcelOutlined />} loading={downloads.busy === 'xlsx'} onClick={() => void downloads.get('xlsx')}>导出 Excel</Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        <Typography.Text type="secondary">蓝色数字可点开，查看它由哪些记录统计而来；灰色为上期数字。</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {!doc && !error && <Spin />}
      {doc && (
        <article className="report-paper" aria-label="半年报告">
          <h1 className="report-title">{doc.title}</h1>
          <p className="report-subtitle">（{doc.period.from} 至 {doc.period.to}）</p>
          <p className="report-para"><Sentence body={doc.intro} onOpen={onOpen} /></p>
          {doc.sections.map((s, si) => (
            <section key={s.heading}>
              <h2 className="report-heading">{s.heading}</h2>
              {si === 2 ? <ClerkText label="存在问题" value={text.draft.problems} onChange={(v) => text.setDraft({ ...text.draft, problems: v })}
                printed={s.paragraphs.map((p) => p.body.join(''))} />
                : si === 3 ? <ClerkText label="下一步打算" value={text.draft.plans} onChange={(v) => text.setDraft({ ...text.draft, plans: v })}
                  printed={s.paragraphs.map((p) => p.body.join(''))} />
                  : s.paragraphs.map((p, pi) => (
                    <p key={pi} className="report-para">{p.lead && <b className="report-lead">{p.lead}</b>}<Sentence body={p.body} onOpen={onOpen} /></p>
                  ))}
            </section>
          ))}
          <SaveTextBar dirty={text.dirty} busy={text.busy} save={() => void text.save()} />
          <div className="report-sign"><p>{doc.township}</p></div>
          <div className="report-annex">
            <ReportTables tables={doc.tables} onOpen={onOpen} />
            <h3 className="report-table-title">附图　各村情况</h3>
            <VillageCharts charts={doc.charts} />
          </div>
        </article>
      )}
      <FigureDrawer open={open} onClose={() => setOpen(null)} />
    </div>
  );
}
