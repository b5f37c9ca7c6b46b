import { Layout, Menu, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ledger } from './client/ledger';
import { useLookups } from './client/lookups';
import { useStatus } from './client/status';
import { ChecksPage } from './pages/checks/ChecksPage';
import { ExportPage } from './pages/export/ExportPage';
import { HomePage } from './pages/HomePage';
import { ImportPage } from './pages/import/ImportPage';
import { PendingPage } from './pages/PendingPage';
import { RegisterPage } from './pages/RegisterPage';
import { ReportPage } from './pages/report/ReportPage';
import { SafetyPage } from './pages/SafetyPage';
import { SettingsPage } from './pages/SettingsPage';
import { SetupPage } from './pages/setup/SetupPage';
import { useTownshipReady } from './pages/setup/useTownshipReady';
import { REGISTERS } from './registers/definitions';
import { useRoute } from './routes';
import { GridWarmup } from './grid/GridWarmup';
import { beginEarly } from './grid/begin-load';
import { checkWarm, isWarm, useWarmRegister, WarmRegister } from './grid/WarmRegister';

const SECTIONS: [string, string][] = [
  ['import', '导入'], ['export', '导出与打印'], ['report', '半年报告'], ['checks', '核查'], ['safety', '数据安全'], ['settings', '设置'],
];

/** 2014年上半年 … the half-years a report can cover, newest first. */
function periods(): { value: string; label: string }[] {
  const out = [];
  for (let y = new Date().getFullYear(); y >= 2012; y--) {
    out.push({ value: `${y}-H2`, label: `${y}年下半年` }, { value: `${y}-H1`, label: `${y}年上半年` });
  }
  return out;
}

/** Going to a register: its grids' rows are asked for at once, while the window draws the page around them. */
function registerAhead(to: string) {
  const page = REGISTERS.find((r) => to === `registers/${r.key}`);
  if (page && isWarm(page.key)) checkWarm(page.key);
  else if (page) beginEarly(page.grids);
}

export function App() {
  const [route, go] = useRoute(registerAhead);
  const [period, setPeriod] = useState('2014-H1');
  const [info, setInfo] = useState<Awaited<ReturnType<typeof ledger.meta.info>> | null>(null);
  const { saving, savedAt, changes } = useStatus();
  useEffect(() => { void ledger.meta.info({}).then(setInfo); }, [changes]);

  const menu = useMemo(() => [
    { key: 'home', label: '首页' },
    { key: 'registers', label: '台账', children: REGISTERS.map((r) => ({ key: `registers/${r.key}`, label: r.title })) },
    ...SECTIONS.map(([key, label]) => ({ key, label })),
  ], []);

  const register = REGISTERS.find((r) => route === `registers/${r.key}`);
  const section = SECTIONS.find(([key]) => key === route);
  const title = `${info?.township ? `${info.township.name}双联台账` : '双联台账'}${info?.demo ? '（含演示数据）' : ''}`;
  useEffect(() => { document.title = title; }, [title]);
  const township = useTownshipReady();
  const { refresh } = useLookups();
  const warm = useWarmRegister(route, info?.counts.households, changes);

  // The shell shows while asking (a ledger with its township is the usual case); a ledger without one gets the setup page.
  if (township.ready === false) {
    return <SetupPage onDone={async () => {
      await township.recheck();
      await refresh();
      setInfo(await ledger.meta.info({}));
      go('home');
    }} />;
  }

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <Typography.Text strong className="shell-title">{title}</Typography.Text>
        <Space>
          <Typography.Text>统计期间</Typography.Text>
          <Select size="small" value={period} onChange={setPeriod} options={periods()} style={{ width: 130 }} aria-label="统计期间" />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={150} theme="light" className="shell-nav">
          <Menu mode="inline" selectedKeys={[route]} defaultOpenKeys={['registers']} items={menu} onClick={(e) => go(e.key)} />
        </Layout.Sider>
        <Layout.Content className="shell-content">
          {register ? (warm ? null : <RegisterPage key={register.key} page={register} period={period} />)
            : route === 'import' ? <ImportPage />
            : route === 'export' ? <ExportPage period={period} />
            : route === 'report' ? <ReportPage period={period} />
            : route === 'checks' ? <ChecksPage period={period} />
            : route === 'safety' ? <SafetyPage />
            : route === 'settings' ? <SettingsPage />
            : section ? <PendingPage title={section[1]} />
            : <HomePage go={go} info={info} />}
          {warm && <WarmRegister key={warm.key} warm={warm} period={period} />}
        </Layout.Content>
      </Layout>
      <GridWarmup />
      <Layout.Footer className="shell-status" role="status">
        <span title={info?.file}>{info?.file ?? ''}</span>
        <span>共 {info ? info.counts.households.toLocaleString('en-US') : '—'} 户</span>
        {info?.demo && <span className="status-demo" title="演示数据中的人名均为虚构；在“导入 → 导入记录”中撤销演示数据这一批即可全部移除">含演示数据</span>}
        <span>{info?.lastBackupAt ? `最近备份 ${new Date(info.lastBackupAt).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' })}` : '尚无备份'}</span>
        <span>{saving > 0 ? '保存中…' : savedAt ? `已保存 ${savedAt.toLocaleTimeString('zh-CN', { hour12: false })}` : '已保存'}</span>
      </Layout.Footer>
    </Layout>
  );
}
