import { Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useAdminAudit, type AuditEntry } from '../../api/org-admin';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/time';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** 管理日志: every admin change, newest first, searchable: who, when, what, before → after. */
export function AuditPanel() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [entityType, setEntityType] = useState<string | undefined>();
  const audit = useAdminAudit({ q: q || undefined, entityType });
  return (
    <Card size="small" data-testid="audit-panel"
      title={<Space wrap>
        <Input.Search allowClear placeholder={t('orgAdmin.audit.search')} onSearch={setQ} style={{ width: 260 }} data-testid="audit-search" />
        <Select allowClear placeholder={t('orgAdmin.audit.entity')} style={{ width: 140 }} value={entityType} onChange={setEntityType}
          options={[{ value: 'org_unit', label: t('orgAdmin.tab.units') }, { value: 'app_user', label: t('orgAdmin.tab.people') }, { value: 'import', label: t('orgAdmin.tab.import') }]} />
      </Space>}>
      <Table<AuditEntry> rowKey="id" size="small" loading={audit.isLoading} dataSource={audit.data?.items ?? []} locale={{ emptyText: t('orgAdmin.audit.empty') }} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 900 }}
        columns={[
          { title: t('orgAdmin.audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
          { title: t('orgAdmin.audit.actor'), dataIndex: 'actorName', width: 150 },
          { title: t('orgAdmin.audit.action'), dataIndex: 'action', width: 140 },
          { title: t('orgAdmin.audit.entity'), dataIndex: 'entityId', width: 170 },
          {
            title: t('orgAdmin.audit.change'), key: 'change', render: (_, e) => {
              const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
              return keys.map((k) => <div key={k}><strong>{k}</strong>：{show(e.before?.[k])} → {show(e.after?.[k])}</div>);
            },
          },
        ]} />
    </Card>
  );
}
