import { Button, Result, Tabs, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../api/session';
import { AuditPanel } from '../components/org-admin/audit-panel';
import { HealthPanel } from '../components/org-admin/health-panel';
import { ImportPanel } from '../components/org-admin/import-panel';
import { PeoplePanel } from '../components/org-admin/people-panel';
import { UnitsPanel } from '../components/org-admin/units-panel';
import { useI18n } from '../i18n/i18n';

const TABS = ['units', 'people', 'import', 'health', 'audit'] as const;
type Tab = (typeof TABS)[number];

/** 机构管理 (admins, docs/adr/0028): 组织机构, 人员, 导入导出, 路由检查, 管理日志, one tab each (in the address). */
export function OrgAdminPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const { tab = 'units' } = useParams();
  const active: Tab = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'units';
  if (!me?.roles.some((r) => r === 'admin' || r === 'system_admin')) {
    return <Result status="403" title="403" subTitle={t('orgAdmin.forbidden')} extra={<Link to="/inbox"><Button type="primary">{t('error.toInbox')}</Button></Link>} data-testid="forbidden" />;
  }
  const panels: Record<Tab, React.ReactNode> = { units: <UnitsPanel />, people: <PeoplePanel />, import: <ImportPanel />, health: <HealthPanel />, audit: <AuditPanel /> };
  return (
    <div data-testid="org-admin-page">
      <div className="kb-page-title"><Typography.Title level={3}>{t('orgAdmin.title')}</Typography.Title></div>
      <Typography.Paragraph type="secondary">{t('orgAdmin.intro')}</Typography.Paragraph>
      <Tabs activeKey={active} onChange={(key) => void navigate(`/org-admin/${key}`)} destroyOnHidden
        items={TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`orgAdmin.tab.${key}`)}</span>, children: panels[key] }))} />
    </div>
  );
}
