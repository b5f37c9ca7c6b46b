import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Checkbox, DatePicker, Form, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { SHEETS, type SheetCode } from '../../../../electron/io/sheets';
import { ledger, saveDownload } from '../../client/ledger';
import { useLookups } from '../../client/lookups';
import { headerPeriod, iso, periodPresets } from './periods';

/** What each sheet holds for the chosen unit, village and period (electron/io/write/select.ts). */
const RULES: Record<SheetCode, string> = {
  T1: '所选期间内（未选期间为今天）仍在结对的联户干部与联系户；“联系单位”指干部所在单位。',
  T2: '贫困户、特殊户以及有结对关系的户；选了联系单位时，只列该单位干部联系的户。',
  T3: '走访日期在期间内的走访记录；“联系单位”指走访干部所在单位。',
  T4: '发放日期在期间内的发放记录；“联系单位”指发放单位。',
  T5: '起始日期在期间内的流转地块；选了联系单位时，为该单位所联系村的地块。',
  T6: '建设日期在期间内的大棚（未选期间时也含未填建设日期的）；选了联系单位时，为该单位所联系村的大棚。',
  T7: '日期在期间内的工作事项；选了村时，不含全镇性的事项。',
};

/** `headerPeriod`: the 统计期间 chosen in the window's header ("2014-H1"), where the export's period starts. */
export function SheetExport({ headerPeriod: chosen }: { headerPeriod?: string }) {
  const { lookups } = useLookups();
  const { message } = AntApp.useApp();
  const [sheet, setSheet] = useState<SheetCode>('T1');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [villageId, setVillageId] = useState<number | null>(null);
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(chosen ? headerPeriod(chosen) : null);
  useEffect(() => { if (chosen) setPeriod(headerPeriod(chosen)); }, [chosen]);
  const [reportDate, setReportDate] = useState<Dayjs>(dayjs());
  const [subtotals, setSubtotals] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    try {
      const r = await ledger.exports.sheet({
        sheet, unitId, villageId, from: iso(period?.[0]), to: iso(period?.[1]), subtotals, reportDate: iso(reportDate),
      });
      // The workbook was streamed to a file in the backend; the window only hands it over.
      if (!r.download || !(await saveDownload({ download: r.download, fileName: r.fileName }))) return;
      setLast(`已导出 ${r.rows.toLocaleString('en-US')} 行：${r.fileName}`);
      message.success(`已导出 ${r.rows} 行`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="horizontal" labelCol={{ flex: '88px' }} style={{ maxWidth: 760 }}>
      <Form.Item label="表格">
        <Select value={sheet} onChange={setSheet} aria-label="表格"
          options={SHEETS.map((s) => ({ value: s.code, label: `${s.code}  ${s.title}` }))} />
      </Form.Item>
      <Form.Item label="联系单位">
        <Select allowClear showSearch optionFilterProp="label" placeholder="全部单位" value={unitId ?? undefined}
          onChange={(v) => setUnitId(v ?? null)} aria-label="联系单位"
          options={lookups?.units.map((u) => ({ value: u.id, label: u.name })) ?? []} />
      </Form.Item>
      <Form.Item label="村">
        <Select allowClear showSearch optionFilterProp="label" placeholder="全部村" value={villageId ?? undefined}
          onChange={(v) => setVillageId(v ?? null)} aria-label="村"
          options={lookups?.villages.map((v) => ({ value: v.id, label: v.name })) ?? []} />
      </Form.Item>
      <Form.Item label="期间">
        <DatePicker.RangePicker value={period} onChange={(v) => setPeriod(v)} presets={periodPresets()} allowEmpty={[true, true]}
          placeholder={['起始日期', '截止日期']} aria-label="期间" />
      </Form.Item>
      <Form.Item label="填报时间">
        <Space>
          <DatePicker value={reportDate} onChange={(d) => setReportDate(d ?? dayjs())} allowClear={false} aria-label="填报时间" />
          <Checkbox checked={subtotals} onChange={(e) => setSubtotals(e.target.checked)}>按村加小计行</Checkbox>
        </Space>
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Typography.Text type="secondary">{RULES[sheet]}</Typography.Text>
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Space direction="vertical">
          <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={run}>导出 Excel</Button>
          {last && <Alert type="success" showIcon message={last} />}
          <Typography.Text type="secondary">
            表头、填报单位、合计行和签字栏按区里的格式；填报人、电话、审核人、单位负责人取自“设置”。
          </Typography.Text>
        </Space>
      </Form.Item>
    </Form>
  );
}
