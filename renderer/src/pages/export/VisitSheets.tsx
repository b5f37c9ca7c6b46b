import { EyeOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Form, Progress, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ledger, onProgress, saveDownload, type ProgressEvent } from '../../client/ledger';
import { useLookups } from '../../client/lookups';

type Scope = 'household' | 'village' | 'unit' | 'cadre' | 'all';
type Option = { value: number; label: string };

/** A household picked by searching its head, ID number or village. */
function HouseholdPicker({ value, onChange }: { value: number | null; onChange: (v: number | null) => void }) {
  const [options, setOptions] = useState<Option[]>([]);
  const search = async (text: string) => {
    const r = await ledger.households.list({ search: text, limit: 30 });
    setOptions(r.rows.map((h) => ({ value: h.id, label: `${h.villageName} ${h.groupName ?? ''} ${h.head} ${h.idNumber ?? ''}`.replace(/\s+/g, ' ') })));
  };
  useEffect(() => { void search(''); }, []);
  return (
    <Select showSearch allowClear filterOption={false} onSearch={(t) => void search(t)} placeholder="输入户主姓名或身份证号查找"
      value={value ?? undefined} onChange={(v) => onChange(v ?? null)} options={options} aria-label="户" style={{ width: 420 }} />
  );
}

/** 入户走访记录表: choose whom, preview the pages, then save a PDF or print. */
export function VisitSheets() {
  const { lookups } = useLookups();
  const { message } = AntApp.useApp();
  const [scope, setScope] = useState<Scope>('village');
  const [pick, setPick] = useState<Record<Scope, number | null>>({ household: null, village: null, unit: null, cadre: null, all: null });
  const [preview, setPreview] = useState<{ html: string; count: number } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'pdf' | 'print' | null>(null);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const printWhenLoaded = useRef(false);

  useEffect(() => onProgress((e) => { if (e.task === 'visit-sheets') setProgress(e); }), []);

  const selection = useMemo(() => {
    if (scope === 'all') return { all: true };
    const id = pick[scope];
    if (!id) return null;
    return scope === 'household' ? { householdIds: [id] } : { [`${scope}Id`]: id };
  }, [scope, pick]);

  const cadreOptions = useMemo(() => {
    const unitName = new Map(lookups?.units.map((u) => [u.id, u.name]) ?? []);
    return lookups?.cadres.map((c) => ({ value: c.id, label: `${c.name}（${unitName.get(c.unitId) ?? ''}）` })) ?? [];
  }, [lookups]);

  const act = async (what: 'preview' | 'pdf' | 'print') => {
    if (!selection) { message.warning('请先选择要打印的户、村、单位或干部'); return; }
    setBusy(what);
    setProgress(null);
    try {
      if (what === 'preview') {
        setPreview(await ledger.sheets.html(selection));
      } else if (what === 'pdf') {
        const r = await ledger.sheets.pdf(selection);
        if (r.download && await saveDownload({ download: r.download, fileName: r.fileName })) message.success(`已生成 ${r.count} 户的 PDF：${r.fileName}`);
      } else if (window.ledger) {
        // The desktop app: the system's print dialog, from the main process.
        const r = await ledger.sheets.print(selection);
        if (r.printed) message.success(`已发送 ${r.count} 页到打印机`);
      } else {
        // Browser mode: the browser's own print dialog on the preview, once the frame has loaded it.
        if (preview) frame.current?.contentWindow?.print();
        else { printWhenLoaded.current = true; setPreview(await ledger.sheets.html(selection)); }
      }
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const choose = (s: Scope, v: number | null) => { setPick((p) => ({ ...p, [s]: v })); setPreview(null); };
  const select = (s: Exclude<Scope, 'household'>, options: Option[], placeholder: string) => (
    <Select showSearch allowClear optionFilterProp="label" placeholder={placeholder} value={pick[s] ?? undefined}
      onChange={(v) => choose(s, v ?? null)} options={options} aria-label={placeholder} style={{ width: 320 }} />
  );

  return (
    <div className="visit-sheets">
      <Form layout="horizontal" labelCol={{ flex: '88px' }}>
        <Form.Item label="打印范围">
          <Radio.Group value={scope} onChange={(e) => { setScope(e.target.value); setPreview(null); }} optionType="button"
            options={[
              { value: 'household', label: '一户' }, { value: 'village', label: '一个村' },
              { value: 'unit', label: '一个联系单位' }, { value: 'cadre', label: '一位联户干部' }, { value: 'all', label: '全镇' },
            ]} />
        </Form.Item>
        <Form.Item label={{ household: '户', village: '村', unit: '联系单位', cadre: '联户干部', all: '全镇' }[scope]}>
          {scope === 'all' ? <Typography.Text>全镇每一户当前有结对关系的户，一个 PDF</Typography.Text>
            : scope === 'household' ? <HouseholdPicker value={pick.household} onChange={(v) => choose('household', v)} />
            : scope === 'village' ? select('village', lookups?.villages.map((v) => ({ value: v.id, label: v.name })) ?? [], '选择村')
            : scope === 'unit' ? select('unit', lookups?.units.map((u) => ({ value: u.id, label: u.name })) ?? [], '选择联系单位')
            : select('cadre', cadreOptions, '选择联户干部')}
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space wrap>
            <Button icon={<EyeOutlined />} loading={busy === 'preview'} onClick={() => act('preview')}>预览</Button>
            <Button type="primary" icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => act('pdf')}>保存 PDF</Button>
            <Button icon={<PrinterOutlined />} loading={busy === 'print'} onClick={() => act('print')}>打印</Button>
            <Typography.Text type="secondary">每户一页 A4；村、单位、干部只打印当前有结对关系的户。</Typography.Text>
          </Space>
        </Form.Item>
      </Form>
      {busy && progress && (
        <Progress percent={Math.round((progress.done / Math.max(1, progress.total)) * 100)} status="active" format={() => progress.message ?? ''}
          style={{ maxWidth: 760 }} />
      )}
      {preview ? (
        <div className="visit-preview">
          <Typography.Text strong>预览：共 {preview.count} 户（{preview.count} 页）</Typography.Text>
          {/* No scripts in the sheets; same origin so that 打印 can call the frame's print(). */}
          <iframe ref={frame} title="入户走访记录表预览" srcDoc={preview.html} sandbox="allow-same-origin allow-modals"
            onLoad={() => { if (printWhenLoaded.current) { printWhenLoaded.current = false; frame.current?.contentWindow?.print(); } }} />
        </div>
      ) : (
        <Empty description="选择范围后点“预览”，核对无误再保存 PDF 或打印" style={{ marginTop: 32 }} />
      )}
    </div>
  );
}
