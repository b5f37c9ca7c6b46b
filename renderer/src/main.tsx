import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LookupProvider } from './client/lookups';
import { StatusProvider } from './client/status';
import { RecoveryGate } from './pages/backups/RecoveryGate';
import './grid/setup';
import './styles.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 14, borderRadius: 4, fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif' } }}>
      <AntApp>
        <RecoveryGate>
          <StatusProvider>
            <LookupProvider>
              <App />
            </LookupProvider>
          </StatusProvider>
        </RecoveryGate>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
