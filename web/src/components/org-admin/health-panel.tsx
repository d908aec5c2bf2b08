import { Alert, Card, List, Tag, Typography } from 'antd';
import { useRouteHealth } from '../../api/org-admin';
import { useI18n } from '../../i18n/i18n';

/** 路由检查: every route a report of the admin's units can take, and each step nobody active can take. */
export function HealthPanel() {
  const { t, labels, list } = useI18n();
  const health = useRouteHealth();
  const data = health.data;
  return (
    <Card size="small" data-testid="health-panel" loading={health.isLoading}>
      <Typography.Paragraph type="secondary">{t('orgAdmin.health.intro')}</Typography.Paragraph>
      {health.error && <Alert type="error" showIcon title={health.error.message} />}
      {data && (data.ok
        ? <Alert type="success" showIcon title={t('orgAdmin.health.ok', { n: data.checkedUnits })} data-testid="health-ok" />
        : <Alert type="warning" showIcon title={t('orgAdmin.health.gaps', { n: data.gaps.length })} data-testid="health-gaps" />)}
      {data && data.gaps.length > 0 && (
        <List size="small" dataSource={data.gaps} data-testid="health-list"
          renderItem={(gap) => (
            <List.Item>
              <List.Item.Meta title={gap.message} description={<>{gap.role && <Tag>{labels.role[gap.role]}</Tag>}{t('orgAdmin.health.grades', { grades: list(gap.grades.map((g) => labels.severity[g])) })}</>} />
            </List.Item>
          )} />
      )}
    </Card>
  );
}
