import { App as AntApp, Button, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ledger } from '../../client/ledger';
import { useStatus } from '../../client/status';

type Text = { problems: string; plans: string };

/** The clerk's own 存在问题 or 下一步打算 of this period: edited in place, saved with the period. */
export function useClerkText(from: string, to: string, saved: Text | undefined, onSaved: () => void) {
  const [draft, setDraft] = useState<Text>({ problems: '', plans: '' });
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const { markSaving } = useStatus();
  useEffect(() => { if (saved) setDraft(saved); }, [saved?.problems, saved?.plans]); // eslint-disable-line react-hooks/exhaustive-deps
  const dirty = saved !== undefined && (draft.problems !== saved.problems || draft.plans !== saved.plans);
  const save = async () => {
    setBusy(true);
    const done = markSaving();
    try {
      await ledger.reportDoc.saveText({ from, to, ...draft });
      message.success('已保存本期的存在问题和下一步打算');
      onSaved();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      done();
      setBusy(false);
    }
  };
  return { draft, setDraft, dirty, busy, save };
}

export function ClerkText({ label, value, onChange, printed }: { label: string; value: string; onChange: (v: string) => void; printed: string[] }) {
  return (
    <>
      <Input.TextArea className="report-clerk no-print" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 16 }} placeholder={`${label}：由文书填写，一行一段，例如“一是……”`} />
      <div className="print-only">{printed.map((p, i) => <p key={i} className="report-para">{p}</p>)}</div>
    </>
  );
}

export function SaveTextBar({ dirty, busy, save }: { dirty: boolean; busy: boolean; save: () => void }) {
  return (
    <Space className="no-print report-save">
      <Button type={dirty ? 'primary' : 'default'} loading={busy} disabled={!dirty} onClick={save}>保存存在问题和下一步打算</Button>
      {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
    </Space>
  );
}
