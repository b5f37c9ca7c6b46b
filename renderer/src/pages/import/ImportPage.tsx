import { InboxOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Progress, Result, Space, Statistic, Steps, Tabs, Typography, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import type { ImportReport, SheetChoice } from '../../../../electron/io/import/types';
import type { SheetCode } from '../../../../electron/io/sheets';
import { holdFile, ledger, onProgress, type ProgressEvent } from '../../client/ledger';
import { useLookups } from '../../client/lookups';
import { useStatus } from '../../client/status';
import { BatchHistory } from './BatchHistory';
import { ACCEPT } from './files';
import { SheetPreview } from './SheetPreview';

type Chosen = UploadFile & { originFileObj?: File };

/** 导入: 选择文件 → 预览核对 → 导入结果, and the batch history (导入记录) with 撤销. */
export function ImportPage() {
  const [tab, setTab] = useState('wizard');
  const [step, setStep] = useState(0);
  const [files, setFiles] = useState<Chosen[]>([]);
  const [includeHidden, setIncludeHidden] = useState(false);
  const [choices, setChoices] = useState<SheetChoice[]>([]);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<ProgressEvent | null>(null);
  const [history, setHistory] = useState(0);
  const encoded = useRef(new Map<string, string>());
  const { message } = AntApp.useApp();
  const { markSaving } = useStatus();
  const { refresh } = useLookups();

  const input = async (c: SheetChoice[]) => ({
    files: await Promise.all(files.map(async (f) => {
      let handle = encoded.current.get(f.uid);
      if (handle === undefined) encoded.current.set(f.uid, (handle = await holdFile(f.originFileObj!)));
      return { name: f.name, handle };
    })),
    includeHidden, choices: c,
  });

  const withProgress = async <T,>(first: string, work: () => Promise<T>): Promise<T | null> => {
    setBusy({ task: 'import', done: 0, total: 1, message: first });
    const stop = onProgress((e) => { if (e.task === 'import') setBusy(e); });
    try {
      return await work();
    } catch (e) {
      message.error((e as Error).message);
      return null;
    } finally { stop(); setBusy(null); }
  };

  const runPreview = async (c: SheetChoice[]) => {
    setChoices(c);
    const r = await withProgress('正在读取文件…', async () => ledger.imports.preview(await input(c)));
    if (r) { setPreview(r); setStep(1); }
  };

  const choose = (file: string, sheet: string | null, patch: Partial<SheetChoice>) => {
    const others = choices.filter((c) => !(c.file === file && c.sheet === sheet));
    const before = choices.find((c) => c.file === file && c.sheet === sheet) ?? { file, sheet };
    const next = { ...before, ...patch, columns: patch.kind !== undefined ? undefined : { ...before.columns, ...patch.columns } };
    void runPreview([...others, next]);
  };

  const commit = async () => {
    const done = markSaving();
    const r = await withProgress('正在写入台账…', async () => ledger.imports.commit(await input(choices)));
    done();
    if (r) { setResult(r); setStep(2); setHistory((n) => n + 1); await refresh(); }
  };

  const restart = () => { setStep(0); setFiles([]); setChoices([]); setPreview(null); setResult(null); encoded.current.clear(); };
  const t = preview?.totals;

  const wizard = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Steps size="small" current={step} items={[{ title: '选择文件' }, { title: '预览核对' }, { title: '导入结果' }]} />
      {busy && (
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{busy.message}</Typography.Text>
            <Progress percent={busy.total ? Math.round((busy.done / busy.total) * 100) : 0} status="active" />
          </Space>
        </Card>
      )}
      {step === 0 && (
        <Card>
          <Upload.Dragger multiple accept={ACCEPT} fileList={files} beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList as Chosen[])}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">点击选择或把各单位报来的表格拖到这里</p>
            <p className="ant-upload-hint">可一次选多个文件，作为一批导入：Excel（.xlsx .xls）、WPS（.et）、CSV、ODS。导入前会先预览核对，不会直接写入。</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 16 }}>
            <Checkbox checked={includeHidden} onChange={(e) => setIncludeHidden(e.target.checked)}>包括隐藏的工作表</Checkbox>
            <Button type="primary" disabled={!files.length || Boolean(busy)} onClick={() => void runPreview([])}>下一步：预览核对</Button>
          </Space>
        </Card>
      )}
      {step === 1 && preview && t && (
        <>
          <Alert showIcon type={t.errors ? 'warning' : 'success'}
            message={`核对完成：共 ${t.rows} 行，将新增 ${t.added} 条、更新 ${t.updated} 条，${t.unchanged} 条无变化${t.errors ? `；${t.errors} 处问题，相应的行不会导入（红色标出），其余照常导入` : ''}`}
            description={preview.files.some((f) => f.error) ? `有 ${preview.files.filter((f) => f.error).length} 个文件无法导入，见下方说明。` : undefined} />
          {preview.files.map((f) => (
            <Card key={f.file} size="small" title={f.file} extra={f.encoding ? <Typography.Text type="secondary">编码 {f.encoding}</Typography.Text> : null}>
              {f.error && <Alert type="error" showIcon message={f.error} style={{ marginBottom: 8 }} />}
              <Space direction="vertical" style={{ width: '100%' }} size="middle">
                {f.sheets.filter((s) => s.kind || s.rows > 0 || s.headerRows || s.hidden).map((s) => (
                  <div key={s.sheet ?? ''} className="import-sheet">
                    {s.sheet !== null && <Typography.Title level={5} style={{ margin: '0 0 6px' }}>工作表“{s.sheet}”{s.hidden ? '（隐藏）' : ''}</Typography.Title>}
                    <SheetPreview report={s}
                      onKind={(kind: SheetCode | null) => choose(f.file, s.sheet, { kind })}
                      onColumn={(index, key) => choose(f.file, s.sheet, { columns: { [String(index)]: key } })} />
                  </div>
                ))}
              </Space>
            </Card>
          ))}
          <Space>
            <Button onClick={() => setStep(0)} disabled={Boolean(busy)}>上一步</Button>
            <Button type="primary" disabled={Boolean(busy) || t.added + t.updated === 0} onClick={() => void commit()}>
              {t.added + t.updated ? `导入（新增 ${t.added}，更新 ${t.updated}）` : '没有需要导入的内容'}
            </Button>
          </Space>
        </>
      )}
      {step === 2 && result && (
        <Card>
          <Result status={result.totals.errors ? 'warning' : 'success'}
            title={result.batch ? `已导入，第 ${result.batch} 批` : '没有需要写入的内容'}
            subTitle={result.totals.errors ? `${result.totals.errors} 处问题所在的行没有导入，请让报送单位改正后再导入这些文件（已导入的行再次导入不会重复）。` : '所有行都已导入。'}
            extra={[
              <Button key="again" type="primary" onClick={restart}>继续导入</Button>,
              <Button key="history" onClick={() => setTab('history')}>查看导入记录</Button>,
            ]}>
            <Space size="large" style={{ justifyContent: 'center', width: '100%' }}>
              <Statistic title="新增" value={result.totals.added} />
              <Statistic title="更新" value={result.totals.updated} />
              <Statistic title="无变化" value={result.totals.unchanged} />
              <Statistic title="未导入的行" value={result.totals.errors} valueStyle={result.totals.errors ? { color: '#cf1322' } : undefined} />
            </Space>
          </Result>
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
