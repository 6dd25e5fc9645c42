import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { ImportPage } from '../features/exchange/ImportPage.tsx';
import { OnboardingPage } from '../features/onboarding/OnboardingPage.tsx';
import { HolidayPage } from '../features/reference/HolidayPage.tsx';
import { SigningPage } from '../features/signing/SigningPage.tsx';
import { CasePage } from '../features/workflows/CasePage.tsx';
import { CorrectionRequestPage } from '../features/workflows/CorrectionRequestPage.tsx';
import { QueuePage } from '../features/workflows/QueuePage.tsx';
import { TransferPage } from '../features/workflows/TransferPage.tsx';
import { LangProvider, useLang } from '../i18n/lang.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { MyRecordPage } from '../pages/MyRecordPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PersonRecordPage } from '../pages/PersonRecordPage.tsx';
import { SearchPage } from '../pages/SearchPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { AuthProvider, useAuth } from './auth.tsx';
import { antdLocale, theme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 30_000 } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <Themed />
      </LangProvider>
    </QueryClientProvider>
  );
}

function Themed() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={antdLocale(lang)} theme={theme}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Gate />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Gate() {
  const { state } = useAuth();
  const { t } = useLang();
  if (state.status === 'loading')
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
        <Spin tip={t('loading')}>
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  if (state.status === 'anonymous') return <LoginPage />;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<Navigate to="/" replace />} />
        <Route path="me" element={<MyRecordPage />} />
        <Route path="people" element={<SearchPage />} />
        <Route path="people/:personId" element={<PersonRecordPage />} />
        <Route path="sign/:personId" element={<SigningPage />} />
        <Route path="work" element={<QueuePage />} />
        <Route path="cases/:caseId" element={<CasePage />} />
        <Route path="requests/new" element={<CorrectionRequestPage />} />
        <Route path="onboarding" element={<OnboardingPage />} />
        <Route path="transfers" element={<TransferPage />} />
        <Route path="exchange" element={<ImportPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="holidays" element={<HolidayPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
