import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ImportReport, ValueChoice } from '../../../../electron/io/import/types';

type Word = ValueChoice & { header: string; suggestion: string | null; options: string[]; where: string; rows: number };

/** Every unlisted word of the preview once per unit and column, with where it stands. */
function wordsOf(report: ImportReport): Word[] {
  const out: Word[] = [];
  for (const f of report.files) for (const s of f.sheets) for (const u of s.unlisted) {
    const place = `${f.file}${s.sheet ? ` · ${s.sheet}` : ''} 第 ${u.rows.slice(0, 5).join('、')}${u.rows.length > 5 ? ' …' : ''} 行`;
    const same = out.find((w) => w.unit === s.unit && w.key === u.key && w.original === u.original);
    if (same) { same.rows += u.rows.length; same.where += `；${place}`; continue; }
    out.push({ unit: s.unit, key: u.key, original: u.original, value: u.suggestion ?? '', header: u.header, suggestion: u.suggestion, options: u.values, where: place, rows: u.rows.length });
  }
  return out;
}

/**
 * Words that are not listed values (贫困户（已脱贫）, 特困户 …): the clerk confirms the suggested value
 * or picks another, per word and unit; remembered for the unit when the batch is imported. Rows with
 * a word left unanswered are refused, never guessed.
 */
export function UnlistedValues({ report, onDecide }: { report: ImportReport; onDecide: (answers: ValueChoice[]) => void }) {
  const words = wordsOf(report);
  const [picked, setPicked] = useState<Record<string, string>>({});
  if (words.length === 0) return null;
  const id = (w: Word) => `${w.unit}|${w.key}|${w.original}`;
  const answer = (w: Word): ValueChoice => ({ unit: w.unit, key: w.key, original: w.original, value: picked[id(w)] ?? w.value });
  const ready = words.filter((w) => (picked[id(w)] ?? w.value) !== '');
  return (
    <Alert type="warning" showIcon className="import-unlisted"
      message={`${words.length} 个填写不是可选的值，请确认它们记为什么；不确认的行不会导入`}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Table<Word> size="small" rowKey={id} dataSource={words} pagination={false}
            columns={[
              { title: '单位', dataIndex: 'unit', width: 110, render: (u: string | null) => u ?? '—' },
              { title: '列', dataIndex: 'header', width: 100 },
              { title: '原文', dataIndex: 'original', width: 160, render: (o: string) => <Typography.Text code>{o}</Typography.Text> },
              { title: '出现在', dataIndex: 'where', ellipsis: true },
              { title: '记为', width: 190, render: (_, w) => (
                <Select size="small" style={{ width: 170 }} placeholder="请选择" value={(picked[id(w)] ?? w.value) || undefined}
                  aria-label={`“${w.original}”记为`} options={w.options.map((v) => ({ value: v, label: v === w.suggestion ? `${v}（建议）` : v }))}
                  onChange={(v: string) => setPicked((p) => ({ ...p, [id(w)]: v }))} />) },
              { title: '', width: 80, render: (_, w) => <Button size="small" disabled={(picked[id(w)] ?? w.value) === ''} onClick={() => onDecide([answer(w)])}>确认</Button> },
            ]} />
          <Button type="primary" size="small" disabled={ready.length === 0} onClick={() => onDecide(ready.map(answer))}>全部按所选确认（{ready.length}）</Button>
        </Space>
      } />
  );
}
