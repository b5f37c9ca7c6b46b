import { UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Row, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ledger } from '../../client/ledger';
import { ACCEPT } from '../import/files';
import { useSetupDraft } from './useSetupDraft';
import { VillageGrid } from './VillageGrid';

/**
 * First run: a ledger without a township opens here. One screen: the township, its villages with their
 * codes and groups (typed, pasted from Excel, or read from a sheet), and its own organ; or the example.
 */
export function SetupPage({ onDone }: { onDone: () => Promise<void> | void }) {
  const d = useSetupDraft();
  const [busy, setBusy] = useState<'setup' | 'example' | 'read' | null>(null);
  const { message } = AntApp.useApp();
  const field = (f: string) => d.problems.some((p) => p.field === f) ? 'error' as const : undefined;

  const run = async (kind: 'setup' | 'example', call: () => Promise<{ villages: number; groups: number; organ: string }>) => {
    setBusy(kind);
    try {
      const r = await call();
      message.success(`已设置：行政村 ${r.villages} 个，村民小组 ${r.groups} 个，镇机关“${r.organ}”`);
      await onDone();
    } catch (e) {
      d.setProblems([{ field: '', message: (e as Error).message }]);
    } finally { setBusy(null); }
  };
  const submit = () => { const draft = d.check(); if (draft) void run('setup', () => ledger.township.setup(draft)); };

  return (
    <div className="setup-page">
      <Card className="setup-card" title={<Space direction="vertical" size={0}>
        <Typography.Title level={4} style={{ margin: 0 }}>欢迎使用双联台账：先设置本镇</Typography.Title>
        <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>填写乡镇和它的行政村、村民小组；导入各单位报表时，村和组都按这里核对。设置后仍可在“设置”中改名、增加或撤销。</Typography.Text>
      </Space>}>
        <Form layout="vertical" requiredMark={false}>
          <Row gutter={16}>
            <Col span={6}><Form.Item label="乡镇名称" htmlFor="setup-name" validateStatus={field('name')}><Input id="setup-name" value={d.name} onChange={(e) => d.setName(e.target.value)} placeholder="如 上坝镇" /></Form.Item></Col>
            <Col span={6}><Form.Item label="乡镇代码" htmlFor="setup-code" validateStatus={field('code')} tooltip="统计用区划代码：9 位（620902104）或 12 位（620902104000）">
              <Input id="setup-code" value={d.code} onChange={(e) => d.setCode(e.target.value)} placeholder="620902104" /></Form.Item></Col>
            <Col span={5}><Form.Item label="区县" htmlFor="setup-county" validateStatus={field('county')}><Input id="setup-county" value={d.county} onChange={(e) => d.setCounty(e.target.value)} placeholder="如 肃州区" /></Form.Item></Col>
            <Col span={7}><Form.Item label="镇机关名称" htmlFor="setup-organ" validateStatus={field('organName')} tooltip="镇机关干部的结对登记在它名下">
              <Input id="setup-organ" value={d.organName} onChange={(e) => d.setOrgan(e.target.value)} placeholder="如 上坝镇机关" /></Form.Item></Col>
          </Row>
        </Form>
        <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text>行政村：可逐格填写，也可从 Excel 复制“村、村代码、村民小组”三列，点任一格后按 Ctrl+V 粘贴（每个小组占一行也可以）。</Typography.Text>
          <Space>
            <Button onClick={d.add}>添加一行</Button>
            <Upload accept={ACCEPT} showUploadList={false} beforeUpload={(file) => {
              setBusy('read');
              d.readSheet(file).catch((e: Error) => d.setProblems([{ field: '', message: e.message }])).finally(() => setBusy(null));
              return false;
            }}><Button icon={<UploadOutlined />} loading={busy === 'read'}>从表格读取…</Button></Upload>
          </Space>
        </Space>
        <VillageGrid lines={d.lines} problems={d.problems} update={d.update} remove={d.remove} onPaste={d.paste} />
        {d.notes.length > 0 && <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>{d.notes.join('；')}</Typography.Paragraph>}
        {d.problems.length > 0 && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} message="请改正以下内容后再完成设置"
            description={<ul className="setup-problems">{d.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>} />
        )}
        <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
          <Button size="large" loading={busy === 'example'} disabled={busy !== null && busy !== 'example'}
            onClick={() => void run('example', () => ledger.township.setupExample({ name: '上坝镇' }))}>使用示例：上坝镇</Button>
          <Button size="large" type="primary" loading={busy === 'setup'} disabled={busy !== null && busy !== 'setup'} onClick={submit}>完成设置</Button>
        </Space>
      </Card>
    </div>
  );
}
