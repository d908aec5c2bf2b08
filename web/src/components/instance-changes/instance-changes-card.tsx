import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { MigrateInstanceModal } from './migrate-instance-modal';
import { ModifyInstanceModal } from './modify-instance-modal';

/**
 * 修改与迁移 on the admin's instance page (issue 22 item 3, docs/adr/0051): move a token (Zeebe's modification), or move the
 * report onto another version of its process with a mapping and a dry run. Its own component: the page only places it.
 */
export function InstanceChangesCard({ instanceKey, name }: { instanceKey: string; name: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'modify' | 'migrate' | null>(null);
  return (
    <Card size="small" title={t('change.title')} style={{ marginBottom: 12 }} data-testid="instance-changes">
      <Typography.Paragraph type="secondary">{t('change.intro')}</Typography.Paragraph>
      <Space>
        <Button data-testid="change-modify" onClick={() => setOpen('modify')}>{t('change.modify')}</Button>
        <Button data-testid="change-migrate" onClick={() => setOpen('migrate')}>{t('change.migrate')}</Button>
      </Space>
      {open === 'modify' && <ModifyInstanceModal instanceKey={instanceKey} name={name} onClose={() => setOpen(null)} />}
      {open === 'migrate' && <MigrateInstanceModal instanceKey={instanceKey} name={name} onClose={() => setOpen(null)} />}
    </Card>
  );
}
