import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { setApiLanguage } from './api/http';
import { SessionProvider, useSession } from './api/session';
import { useI18n } from './i18n/i18n';
import { usePrefersReducedMotion } from './lib/reduced-motion';
import { chunks } from './route-preload';

// Everything behind the login is loaded when first needed: the login page (the first load) carries little.
const LoginPage = lazy(() => chunks.login().then((m) => ({ default: m.LoginPage })));
const AppLayout = lazy(() => chunks.layout().then((m) => ({ default: m.AppLayout })));
const TraceSearchPage = lazy(() => import('./pages/trace-search-page').then((m) => ({ default: m.TraceSearchPage })));
const TraceInstancePage = lazy(() => import('./pages/trace-instance-page').then((m) => ({ default: m.TraceInstancePage })));
const AdminInstancesPage = lazy(() => import('./pages/admin-instances-page').then((m) => ({ default: m.AdminInstancesPage })));
const DossierPage = lazy(() => chunks.dossier().then((m) => ({ default: m.DossierPage })));
const InboxPage = lazy(() => chunks.inbox().then((m) => ({ default: m.InboxPage })));
const IncidentsPage = lazy(() => chunks.incidents().then((m) => ({ default: m.IncidentsPage })));
const ChangePasswordPage = lazy(() => import('./pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })));
const OrgAdminPage = lazy(() => import('./pages/org-admin-page').then((m) => ({ default: m.OrgAdminPage })));
const NewReportPage = lazy(() => import('./pages/new-report-page').then((m) => ({ default: m.NewReportPage })));
const PhoneReportPage = lazy(() => import('./pages/phone-report-page').then((m) => ({ default: m.PhoneReportPage })));
const StatsPage = lazy(() => import('./pages/stats-page').then((m) => ({ default: m.StatsPage })));
const DutyPage = lazy(() => import('./pages/duty-page').then((m) => ({ default: m.DutyPage })));
const WorkListPage = lazy(() => chunks.workList().then((m) => ({ default: m.WorkListPage })));
const TaskPage = lazy(() => chunks.task().then((m) => ({ default: m.TaskPage })));
const NotFoundPage = lazy(() => import('./pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));

/** 流程设计 (bpmn-js Modeler, properties panel, lint rules): its own chunk, loaded only on its pages. */
const DesignerPage = lazy(() => import('./pages/designer/designer-page'));
const DraftPage = lazy(() => import('./pages/designer/draft-page'));
const ComparePage = lazy(() => import('./pages/designer/compare-page'));
const PolicyPage = lazy(() => import('./pages/designer/policy-page'));
const designer = (page: ReactNode) => <Suspense fallback={<Spin />}>{page}</Suspense>;

const theme = { token: { colorPrimary: '#1d4ed8', borderRadius: 4, fontFamily: "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif" } };

export function App() {
  const { locale } = useI18n();
  const reducedMotion = usePrefersReducedMotion();
  const themeNow = useMemo(() => (reducedMotion ? { token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    setApiLanguage(locale);
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={themeNow}>
      <AntApp>
        <SessionProvider>
          <Suspense fallback={<Spin fullscreen />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<RequireLogin><AppLayout /></RequireLogin>}>
                <Route index element={<Navigate to="/inbox" replace />} />
                <Route path="/inbox" element={<InboxPage />} />
                <Route path="/inbox/:list" element={<WorkListPage />} />
                <Route path="/tasks/:key" element={<TaskPage />} />
                <Route path="/reports/new" element={<NewReportPage />} />
                <Route path="/phone-reports/new" element={<PhoneReportPage />} />
                <Route path="/incidents" element={<IncidentsPage />} />
                <Route path="/incidents/:number" element={<DossierPage />} />
                <Route path="/stats" element={<StatsPage />} />
                <Route path="/duty/:tab?" element={<DutyPage />} />
                <Route path="/holidays" element={<HolidaysMoved />} />
                <Route path="/admin/instances" element={<AdminInstancesPage />} />
                <Route path="/admin/trace" element={<TraceSearchPage />} />
                <Route path="/admin/trace/:key" element={<TraceInstancePage />} />
                <Route path="/org-admin/:tab?" element={<OrgAdminPage />} />
                <Route path="/designer" element={designer(<DesignerPage />)} />
                <Route path="/designer/drafts/:id" element={designer(<DraftPage />)} />
                <Route path="/designer/compare/:jurisdiction/:bpmnProcessId" element={designer(<ComparePage />)} />
                <Route path="/designer/policy" element={designer(<PolicyPage />)} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function RequireLogin({ children }: { children: ReactNode }) {
  const { me, checking, loggedOut } = useSession();
  const location = useLocation();
  if (checking) return <Spin fullscreen />;
  // After a logout the next person at this browser starts at their own inbox, not at the dossier left open.
  if (!me) return <Navigate to={loggedOut ? '/login' : `/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // After an admin's password reset nothing else opens until the password is changed (the API answers 403 meanwhile).
  if (me.mustChangePassword) return <ChangePasswordPage />;
  return children;
}

/** 节假日报表 is a tab of 值班管理 now; an address saved before that (with its holiday and day) still opens it. */
function HolidaysMoved() {
  const location = useLocation();
  return <Navigate to={`/duty/holidays${location.search}`} replace />;
}
