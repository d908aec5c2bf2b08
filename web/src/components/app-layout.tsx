import { ApartmentOutlined, SettingOutlined, TeamOutlined, BarChartOutlined, ScheduleOutlined, FileAddOutlined, PhoneOutlined, FolderOpenOutlined, InboxOutlined, LogoutOutlined, MonitorOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Skeleton, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from './error-boundary';
import { useLiveInbox } from '../api/live-events';
import { useUnitName } from '../api/queries';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { LiveContext } from './live-context';
import { useScreens } from '../lib/screens';

/** The frame of every page after login: brand, navigation, who I am (unit, roles), language, logout. */
export function AppLayout() {
  const { t, labels, locale, setLocale } = useI18n();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const unitName = useUnitName();
  const screens = useScreens();
  const live = useLiveInbox(!!me);
  if (!me) return null;
  const canReport = me.roles.some((r) => r === 'reporter' || r === 'duty_officer');
  const takesCalls = me.roles.includes('duty_officer');
  // 流程监控 spans every jurisdiction: a 系统管理员's until it is scoped per jurisdiction (ADR 0028)
  const monitors = me.roles.includes('system_admin');
  const administers = me.roles.includes('admin') || me.roles.includes('system_admin');
  const designs = me.roles.some((r) => r === 'designer' || r === 'admin' || r === 'system_admin');
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  // Whole labels where they fit: English words are longer, so below 1600 px it takes the short ones.
  const whole = screens.xxl || (screens.md && locale !== 'en');
  const selected = section === '/tasks' ? '/inbox' : section === '/reports' ? '/reports/new' : section === '/phone-reports' ? '/phone-reports/new' : section;
  const management = [
    ...(designs ? [{ key: '/designer', icon: <ApartmentOutlined />, label: <Link to="/designer" data-testid="nav-designer">{t(whole ? 'nav.designer' : 'nav.designer.short')}</Link> }] : []),
    ...(monitors ? [{ key: '/admin', icon: <MonitorOutlined />, label: <Link to="/admin/instances" data-testid="nav-monitor">{t(whole ? 'nav.monitor' : 'nav.monitor.short')}</Link> }] : []),
    ...(administers ? [{ key: '/org-admin', icon: <TeamOutlined />, label: <Link to="/org-admin/units" data-testid="nav-org-admin">{t(whole ? 'nav.orgAdmin' : 'nav.orgAdmin.short')}</Link> }] : []),
  ];
  // Two or more of the administrators' pages share one entry (opened by a click, or Enter), so the everyday entries stay
  // in the header's menu at 1280 px instead of behind its overflow.
  const managing = management.length > 1
    ? [{ key: 'manage', icon: <SettingOutlined />, label: <span data-testid="nav-manage">{t('nav.manage')}</span>, children: management }]
    : management;
  const items = [
    { key: '/inbox', icon: <InboxOutlined />, label: <Link to="/inbox">{t('nav.inbox')}</Link> },
    { key: '/incidents', icon: <FolderOpenOutlined />, label: <Link to="/incidents">{t(whole ? 'nav.incidents' : 'nav.incidents.short')}</Link> },
    ...(canReport ? [{ key: '/reports/new', icon: <FileAddOutlined />, label: <Link to="/reports/new">{t(whole ? 'nav.newReport' : 'nav.newReport.short')}</Link> }] : []),
    ...(takesCalls ? [{ key: '/phone-reports/new', icon: <PhoneOutlined />, label: <Link to="/phone-reports/new" data-testid="nav-phone-report">{t(whole ? 'nav.phoneReport' : 'nav.phoneReport.short')}</Link> }] : []),
    { key: '/duty', icon: <ScheduleOutlined />, label: <Link to="/duty/roster" data-testid="nav-duty">{t(whole ? 'nav.duty' : 'nav.duty.short')}</Link> },
    { key: '/stats', icon: <BarChartOutlined />, label: <Link to="/stats" data-testid="nav-stats">{t(whole ? 'nav.stats' : 'nav.stats.short')}</Link> },
    ...managing,
  ];
  const roles = me.roles.map((r) => <Tag key={r} color="blue">{labels.role[r]}</Tag>);
  const doLogout = async () => {
    await logout();
    await navigate('/login');
  };
  const switchLanguage = () => setLocale(locale === 'en' ? 'zh-CN' : 'en');

  return (
    <Layout className="kb-layout">
      <Layout.Header className="kb-header">
        <Link to="/inbox" className="kb-brand">
          <span className="kb-logo">报</span>
          {screens.md && (
            <span className="kb-brand-text">
              {t('app.name')}
              <small>{t('app.subtitle')}</small>
            </span>
          )}
        </Link>
        <Menu className="kb-nav" theme="dark" mode="horizontal" triggerSubMenuAction="click" selectedKeys={[selected]} items={items} />
        {screens.lg ? (
          <Space className="kb-user" size={12} data-testid="whoami">
            <span>
              <UserOutlined /> <strong>{me.displayName}</strong>
            </span>
            <span className="kb-unit" title={unitName(me.unitId, me.unitName)}>{unitName(me.unitId, me.unitName)}</span>
            <span>{roles}</span>
            <Button size="small" ghost onClick={switchLanguage} data-testid="language">{t('header.language')}</Button>
            <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => void doLogout()}>{t('header.logout')}</Button>
          </Space>
        ) : (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'who', disabled: true, label: <div className="kb-user-menu"><strong>{me.displayName}</strong><div>{unitName(me.unitId, me.unitName)}</div><div>{roles}</div></div> },
                { type: 'divider' },
                { key: 'lang', label: t('header.language'), onClick: switchLanguage },
                { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), onClick: () => void doLogout() },
              ],
            }}
          >
            <Button type="text" className="kb-user-button" icon={<UserOutlined />} data-testid="whoami">
              <Typography.Text ellipsis className="kb-user-name">{me.displayName}</Typography.Text>
            </Button>
          </Dropdown>
        )}
      </Layout.Header>
      <Layout.Content className="kb-content">
        <LiveContext.Provider value={live}>
          <ErrorBoundary scope="page" key={location.pathname}>
            <Suspense fallback={<Skeleton active />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </LiveContext.Provider>
      </Layout.Content>
    </Layout>
  );
}
