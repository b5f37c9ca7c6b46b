import { App as AntApp, Button, Card, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ledger } from '../client/ledger';
import { useLookups } from '../client/lookups';
import { useStatus } from '../client/status';
import { AboutCard } from './setup/AboutCard';
import { VillageManager } from './setup/VillageManager';
import { useLeaveGuard } from './useLeaveGuard';

type Township = { name: string; code?: string; county?: string; city?: string; province?: string };
type Signatories = { unit?: string; filledBy?: string; phone?: string; checkedBy?: string; head?: string };
type Facts = { households?: number; people?: number; arableCentimu?: number; generalBranches?: number; branches?: number; partyMembers?: number; ruralPartyMembers?: number };
/** The form shows arable land in 亩 with two decimals; the setting keeps hundredths of a 亩. */
type FactsForm = Omit<Facts, 'arableCentimu'> & { arableMu?: number | null };
type Values = { township: Township; signatories: Signatories; maskIdNumbers: boolean; facts: FactsForm };

const toForm = ({ arableCentimu, ...f }: Facts): FactsForm => ({ ...f, arableMu: arableCentimu === undefined ? undefined : arableCentimu / 100 });
const fromForm = ({ arableMu, ...f }: FactsForm): Facts => {
  const out: Facts = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null)) as Facts;
  if (arableMu !== undefined && arableMu !== null) out.arableCentimu = Math.round(arableMu * 100);
  return out;
};

const FACTS: [keyof FactsForm, string, string][] = [
  ['households', '总户数', '户'], ['people', '总人口', '人'], ['arableMu', '法定耕地面积', '亩'],
  ['generalBranches', '党总支', '个'], ['branches', '党支部', '个'], ['partyMembers', '党员', '名'], ['ruralPartyMembers', '其中农村党员', '名'],
];

/** 设置: the township, the names printed on every export, and whether printed and exported ID numbers are masked. */
export function SettingsPage() {
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty, '设置还没有保存，要离开吗？');
  const { message } = AntApp.useApp();
  const { markSaving } = useStatus();
  const { refresh } = useLookups();

  useEffect(() => {
    void ledger.settings.all({}).then((s) => {
      form.setFieldsValue({
        township: (s.township ?? { name: '' }) as Township,
        signatories: (s.signatories ?? {}) as Signatories,
        maskIdNumbers: s.maskIdNumbers === true,
        facts: toForm((s.townshipFacts ?? {}) as Facts),
      });
      setLoaded(true);
    });
  }, [form]);

  const save = async (v: Values) => {
    setSaving(true);
    const done = markSaving();
    try {
      const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined && x !== '')) as T;
      await ledger.settings.set({ key: 'township', value: clean(v.township) as Township });
      await ledger.settings.set({ key: 'signatories', value: clean(v.signatories) });
      await ledger.settings.set({ key: 'maskIdNumbers', value: v.maskIdNumbers });
      await ledger.settings.set({ key: 'townshipFacts', value: fromForm(v.facts ?? {}) });
      await refresh();
      setDirty(false);
      message.success('设置已保存');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      done();
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
    <Card style={{ maxWidth: 760 }} loading={!loaded}>
      <Form form={form} layout="horizontal" labelCol={{ span: 7 }} wrapperCol={{ span: 14 }} onFinish={save}
        onValuesChange={() => setDirty(true)}>
        <Typography.Title level={5}>乡镇</Typography.Title>
        <Form.Item label="乡镇名称" name={['township', 'name']} rules={[{ required: true, message: '请填写乡镇名称' }]}><Input /></Form.Item>
        <Form.Item label="区县" name={['township', 'county']}><Input placeholder="肃州区" /></Form.Item>
        <Form.Item label="统计用区划代码" name={['township', 'code']} rules={[{ pattern: /^\d{9}$/, message: '应为 9 位数字' }]}><Input /></Form.Item>
        <Typography.Title level={5}>基本情况（写入半年报告；村和村民小组数取自台账）</Typography.Title>
        {FACTS.map(([key, label, unit]) => (
          <Form.Item key={key} label={label} name={['facts', key]}>
            <InputNumber aria-label={label} min={0} precision={key === 'arableMu' ? 2 : 0} suffix={unit} style={{ width: 220 }} />
          </Form.Item>
        ))}
        <Typography.Title level={5}>报表落款（导出的表格和走访记录表上印的名字）</Typography.Title>
        <Form.Item label="填报单位（盖章）" name={['signatories', 'unit']}><Input placeholder="上坝镇人民政府" /></Form.Item>
        <Form.Item label="填报人" name={['signatories', 'filledBy']}><Input /></Form.Item>
        <Form.Item label="电话" name={['signatories', 'phone']}><Input /></Form.Item>
        <Form.Item label="审核人" name={['signatories', 'checkedBy']}><Input /></Form.Item>
        <Form.Item label="单位负责人" name={['signatories', 'head']}><Input /></Form.Item>
        <Typography.Title level={5}>个人信息</Typography.Title>
        <Form.Item label="导出和打印时隐去身份证号中间 8 位" name="maskIdNumbers" valuePropName="checked"
          extra="开启后，打印的入户走访记录表和导出的七张表（Excel）上的身份证号都显示为 620902********2758；台账里的号码不变。隐去后导出的表不能再导入。">
          <Switch />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 7 }}>
          <Space><Button type="primary" htmlType="submit" loading={saving}>保存</Button>{dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}</Space>
        </Form.Item>
      </Form>
    </Card>
    <VillageManager />
    <AboutCard />
    </Space>
  );
}
