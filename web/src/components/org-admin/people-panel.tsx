import type { ButtonProps } from 'antd';
import { Alert, App, Button, Card, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAdminPeople, useAdminUnits, useDeactivationImpact, useResetPassword, useSetPersonActive, type AdminPerson } from '../../api/org-admin';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../lib/form-errors';
import { PersonForm } from './person-form';

/** 人员: the people of the units the admin manages; create, edit (roles), reset a password, deactivate after seeing what it breaks. */
export function PeoplePanel() {
  const { t, labels, field, locale } = useI18n();
  const { message, modal } = App.useApp();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const people = useAdminPeople({ unitId, q: q || undefined });
  const units = useAdminUnits();
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const [editing, setEditing] = useState<{ person: AdminPerson | null } | null>(null);
  const [deactivating, setDeactivating] = useState<AdminPerson | null>(null);
  const reset = useResetPassword();
  const setActive = useSetPersonActive();

  const confirmReset = (person: AdminPerson) =>
    modal.confirm({
      title: t('orgAdmin.person.reset'),
      content: t('orgAdmin.person.resetConfirm', { name: person.displayName }),
      onOk: async () => {
        const { temporaryPassword } = await reset.mutateAsync(person.id);
        modal.info({ title: t('orgAdmin.person.passwordTitle', { name: person.displayName }), content: <><Typography.Paragraph>{t('orgAdmin.person.password')}</Typography.Paragraph><Typography.Text code copyable strong data-testid="temporary-password">{temporaryPassword}</Typography.Text></> });
      },
    });
  const activate = async (person: AdminPerson) => {
    try {
      await setActive.mutateAsync({ id: person.id, active: true });
    } catch (error) {
      void message.error(problemMessage(error as Error, locale));
    }
  };

  return (
    <Card size="small" data-testid="people-panel"
      title={<Space wrap><Select allowClear showSearch optionFilterProp="label" placeholder={t('orgAdmin.person.unit')} style={{ minWidth: 240 }} value={unitId} onChange={setUnitId}
        options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} /><Input.Search allowClear placeholder={`${field('username')} / ${field('displayName')}`} onSearch={setQ} style={{ width: 220 }} /></Space>}
      extra={<Button type="primary" size="small" onClick={() => setEditing({ person: null })} data-testid="person-create">{t('orgAdmin.person.create')}</Button>}>
      {people.error && <Alert type="error" showIcon title={people.error.message} />}
      <Table<AdminPerson> rowKey="id" size="small" loading={people.isLoading} dataSource={people.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 800 }}
        columns={[
          { title: field('displayName'), dataIndex: 'displayName', render: (name: string, p) => <span className={p.active ? undefined : 'kb-muted'}>{name}</span> },
          { title: field('username'), dataIndex: 'username' },
          { title: t('orgAdmin.person.unit'), dataIndex: 'unitId', render: (id: string) => unitName.get(id) ?? id },
          { title: t('orgAdmin.person.roles'), dataIndex: 'roles', render: (roles: AdminPerson['roles']) => roles.map((r) => <Tag key={r}>{labels.role[r]}</Tag>) },
          { title: t('orgAdmin.person.status'), key: 'status', render: (_, p) => (!p.active ? <Tag color="red">{t('orgAdmin.inactive')}</Tag> : p.mustChangePassword ? <Tag color="orange">{t('orgAdmin.person.mustChange')}</Tag> : <Tag color="green">{t('orgAdmin.person.active')}</Tag>) },
          {
            title: '', key: 'actions', render: (_, p) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing({ person: p })}>{t('orgAdmin.edit')}</Button>
                <Button size="small" type="link" onClick={() => confirmReset(p)}>{t('orgAdmin.person.reset')}</Button>
                {p.active
                  ? <Button size="small" type="link" danger onClick={() => setDeactivating(p)} data-testid={`deactivate-${p.username}`}>{t('orgAdmin.deactivate')}</Button>
                  : <Button size="small" type="link" onClick={() => void activate(p)}>{t('orgAdmin.activate')}</Button>}
              </Space>
            ),
          },
        ]} />
      {editing && <PersonForm person={editing.person} units={units.data ?? []} unitId={unitId ?? null} onClose={() => setEditing(null)} />}
      {deactivating && <DeactivateModal person={deactivating} onClose={() => setDeactivating(null)} />}
    </Card>
  );
}

/** Before a deactivation: the route gaps it would open and the open tasks only this person can act on (then it is refused). */
function DeactivateModal({ person, onClose }: { person: AdminPerson; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const impact = useDeactivationImpact(person.id);
  const setActive = useSetPersonActive();
  const blocked = impact.data?.blockedTasks ?? [];
  const confirm = async () => {
    try {
      await setActive.mutateAsync({ id: person.id, active: false });
      void message.success(t('orgAdmin.saved'));
      onClose();
    } catch (error) {
      void message.error(problemMessage(error as Error, locale));
    }
  };
  return (
    <Modal open title={t('orgAdmin.person.deactivateTitle', { name: person.displayName })} onCancel={onClose} onOk={() => void confirm()} okText={t('orgAdmin.deactivate')} cancelText={t('orgAdmin.cancel')}
      okButtonProps={{ danger: true, disabled: impact.isLoading || blocked.length > 0, 'data-testid': 'deactivate-confirm' } as ButtonProps} confirmLoading={setActive.isPending}>
      <div data-testid="deactivation-impact">
        {impact.isLoading && <Typography.Text type="secondary">{t('orgAdmin.person.checking')}</Typography.Text>}
        {impact.data && impact.data.newGaps.length === 0 && blocked.length === 0 && <Alert type="success" showIcon title={t('orgAdmin.person.deactivateSafe')} />}
        {impact.data && impact.data.newGaps.length > 0 && (
          <Alert type="warning" showIcon title={t('orgAdmin.person.deactivateGaps')} description={<List size="small" dataSource={impact.data.newGaps} renderItem={(g) => <List.Item>{g.message}</List.Item>} />} />
        )}
        {blocked.length > 0 && (
          <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('orgAdmin.person.deactivateBlocked')}
            description={<List size="small" dataSource={blocked} renderItem={(task) => <List.Item>{task.incidentNumber} {task.name}</List.Item>} />} />
        )}
      </div>
    </Modal>
  );
}
