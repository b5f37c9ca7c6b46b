import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Drawer, Result, Space, Statistic, Steps, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportReport } from '../../../../electron/io/import/types';
import type { SheetCode } from '../../../../electron/io/sheets';
import { useLookups } from '../../client/lookups';
import { useStatus } from '../../client/status';
import { WorkProgress } from '../../client/WorkProgress';
import { BatchHistory } from './BatchHistory';
import { PreviewSummary, type RowFilter, type SheetRef } from './PreviewSummary';
import { RefusedRows } from './RefusedRows';
import { SheetPreview } from './SheetPreview';
import { UnlistedValues } from './UnlistedValues';
import { usePreview, type Chosen } from './usePreview';

/** What the counts count, said once where they are shown. */
const COUNTED = '按各单位表中的行计：每行是一条结对、一户、一次走访……；随行自动新增的单位、干部在“提示”中列出';

function verdict(t: ImportReport['totals'], fileErrors: number): string {
  const parts = [`共 ${t.rows} 行：将新增 ${t.added} 行、更新 ${t.updated} 行，${t.unchanged} 行无变化`];
  if (t.errors) parts.push(`${t.errors} 处问题，相应的行不会导入`);
  if (fileErrors) parts.push(`${fileErrors} 个文件无法导入`);
  return parts.join('；');
}

/** 导入: 选择文件 → 预览核对 (a summary first, each count opening its rows) → 导入结果, and 导入记录 with 撤销. */
export function ImportPage() {
  const [tab, setTab] = useState('wizard');
  const [step, setStep] = useState(0);
  const [files, setFiles] = useState<Chosen[]>([]);
  const [includeHidden, setIncludeHidden] = useState(false);
  const [opened, setOpened] = useState<(SheetRef & { filter: RowFilter }) | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [history, setHistory] = useState(0);
  const { markSaving } = useStatus();
  const { refresh } = useLookups();
  const p = usePreview(files, includeHidden);
  const preview = p.preview;

  const start = async () => { if (await p.run()) { setStep(1); window.scrollTo({ top: 0 }); } };
  const commit = async () => {
    const done = markSaving();
    const r = await p.commit();
    done();
    if (r) { setResult(r); setStep(2); setHistory((n) => n + 1); await refresh(); }
  };
  const restart = () => { setStep(0); setFiles([]); setResult(null); setOpened(null); p.reset(); };
  const t = preview?.totals;
  const fileErrors = preview?.files.filter((f) => f.error).length ?? 0;
  const sheet = opened && preview ? preview.files[opened.file]?.sheets[opened.sheet] : null;
  const openedFile = opened && preview ? preview.files[opened.file] : null;

  const wizard = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Steps size="small" current={step} items={[{ title: '选择文件' }, { title: '预览核对' }, { title: '导入结果' }]} />
      <WorkProgress progress={p.busy} onCancel={p.cancel} cancelling={p.cancelling} />
      {step === 0 && (
        <Card>
          {/* No `accept` filter: a dropped Word file or image is not dropped silently, the preview names it and says why. */}
          <Upload.Dragger multiple fileList={files} beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList as Chosen[])}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">点击选择或把各单位报来的表格拖到这里</p>
            <p className="ant-upload-hint">可一次选多个文件，作为一批导入：Excel（.xlsx .xls）、WPS（.et）、CSV、ODS。导入前会先预览核对，不会直接写入。</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 16 }}>
            <Checkbox checked={includeHidden} onChange={(e) => setIncludeHidden(e.target.checked)}>包括隐藏的工作表</Checkbox>
            <Button type="primary" disabled={!files.length || Boolean(p.busy)} onClick={() => void start()}>下一步：预览核对</Button>
          </Space>
        </Card>
      )}
      {step === 1 && preview && t && (
        <>
          <Alert showIcon type={t.errors || fileErrors ? 'warning' : 'success'}
            message={`${p.pending ? '正在重新核对…' : '核对完成'}：${verdict(t, fileErrors)}`}
            description={`${COUNTED}。点表中的数字查看那些行。`} />
          <UnlistedValues report={preview} onDecide={p.decide} />
          {preview.links.length > 0 && (
            <Alert type="info" showIcon className="import-links" message={`新增联村 ${preview.links.length} 条（由各单位的结对、走访、工作事项所在的村得出，随本批导入，可在“联系单位 → 联村关系”中修改）`}
              description={preview.links.map((l) => `${l.unit}—${l.village}（自 ${l.since}）`).join('；')} />
          )}
          <PreviewSummary report={preview} onOpen={(ref, filter) => setOpened({ ...ref, filter })} />
          <Space>
            <Button onClick={() => setStep(0)} disabled={Boolean(p.busy)}>上一步</Button>
            <Button type="primary" disabled={Boolean(p.busy) || p.pending || t.added + t.updated === 0} onClick={() => void commit()}>
              {t.added + t.updated ? `导入（新增 ${t.added} 行，更新 ${t.updated} 行）` : '没有需要导入的内容'}
            </Button>
            {p.pending && <Typography.Text type="secondary">等最新的核对完成后才能导入</Typography.Text>}
          </Space>
          <Drawer open={Boolean(sheet)} width="85%" onClose={() => setOpened(null)} destroyOnHidden
            title={sheet && openedFile ? `${openedFile.file}${sheet.sheet ? ` · 工作表“${sheet.sheet}”` : ''}` : ''}>
            {sheet && openedFile && opened && (
              <SheetPreview key={`${opened.file}:${opened.sheet}:${opened.filter}`} report={sheet} filter={opened.filter}
                onKind={(kind: SheetCode | null) => p.choose(openedFile.file, sheet.sheet, { kind })}
                onColumn={(index, key) => p.choose(openedFile.file, sheet.sheet, { columns: { [String(index)]: key } })}
                onRoster={(on, date) => p.setRoster(openedFile.file, sheet.sheet, on, date)} />
            )}
          </Drawer>
        </>
      )}
      {step === 2 && result && (
        <Card>
          <Result status={result.totals.errors ? 'warning' : 'success'}
            title={result.batch ? `已导入，第 ${result.batch} 批` : '没有需要写入的内容'}
            subTitle={result.totals.errors ? `${result.totals.errors} 处问题所在的行没有导入；下面列出这些行，可导出退回清单请报送单位改正（已导入的行再次导入不会重复）。` : '所有行都已导入。'}
            extra={[
              <Button key="again" type="primary" onClick={restart}>继续导入</Button>,
              <Button key="history" onClick={() => setTab('history')}>查看导入记录</Button>,
            ]}>
            <Space size="large" style={{ justifyContent: 'center', width: '100%' }}>
              <Statistic title="新增（行）" value={result.totals.added} />
              <Statistic title="更新（行）" value={result.totals.updated} />
              <Statistic title="无变化（行）" value={result.totals.unchanged} />
              <Statistic title="未导入的行" value={result.totals.errors} valueStyle={result.totals.errors ? { color: '#cf1322' } : undefined} />
            </Space>
          </Result>
          {result.batch !== null && result.totals.errors > 0 && <RefusedRows batchId={result.batch} />}
          {result.files.filter((f) => f.error).map((f) => <Alert key={f.file} type="error" showIcon style={{ marginTop: 8 }} message={`${f.file}：未导入，${f.error}`} />)}
        </Card>
      )}
    </Space>
  );

  return (
    <Tabs activeKey={tab} onChange={setTab} items={[
      { key: 'wizard', label: '导入报表', children: wizard },
      { key: 'history', label: '导入记录', children: <BatchHistory refreshKey={history} /> },
    ]} />
  );
}
