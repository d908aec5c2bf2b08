import type { ButtonProps } from 'antd';
import { ROLES } from '@kuaibao/domain';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSavePerson, type AdminPerson, type AdminUnit, type PersonInput } from '../../api/org-admin';
import { useI18n } from '../../i18n/i18n';
import { keepEnterInField, showRefusal } from './form-keys';

const PERSON_FIELDS = ['username', 'displayName', 'unitId', 'roles', 'phone'];

/** Create or edit a person; a new one's temporary password is shown once, to be passed on by the admin. */
export function PersonForm({ person, units, unitId, onClose }: { person: AdminPerson | null; units: AdminUnit[]; unitId: string | null; onClose: () => void }) {
  const { t, labels, field, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonInput>();
  const save = useSavePerson();
  const [password, setPassword] = useState<{ name: string; value: string } | null>(null);
  useEffect(() => {
    form.setFieldsValue(person ?? { unitId: unitId ?? undefined, roles: [], phone: null });
  }, [form, person, unitId]);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const input = { ...values, phone: values.phone || null };
      const saved = await save.mutateAsync({ id: person?.id ?? null, input: person ? { displayName: input.displayName, unitId: input.unitId, roles: input.roles, phone: input.phone } : input });
      void message.success(t('orgAdmin.saved'));
      if (saved.temporaryPassword) setPassword({ name: saved.person.displayName, value: saved.temporaryPassword });
      else onClose();
    } catch (error) {
      showRefusal(form, error, PERSON_FIELDS, (text) => void message.error(text), locale);
    }
  };
  if (password) {
    return (
      <Modal open title={t('orgAdmin.person.passwordTitle', { name: password.name })} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph>{t('orgAdmin.person.password')}</Typography.Paragraph>
        <Typography.Text code copyable strong data-testid="temporary-password">{password.value}</Typography.Text>
      </Modal>
    );
  }
  return (
    <Modal open title={person ? t('orgAdmin.person.edit', { name: person.displayName }) : t('orgAdmin.person.create')} onCancel={onClose} onOk={() => void submit()}
      okText={t('orgAdmin.save')} cancelText={t('orgAdmin.cancel')} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'person-save' } as ButtonProps} destroyOnHidden>
      <Form form={form} layout="vertical" onKeyDown={keepEnterInField} data-testid="person-form">
        <Form.Item name="username" label={field('username')} rules={[{ required: true, message: field('username') }]} extra="lx_reporter">
          <Input disabled={!!person} data-testid="person-username" maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={field('displayName')} rules={[{ required: true, message: field('displayName') }]}><Input data-testid="person-name" maxLength={32} /></Form.Item>
        <Form.Item name="unitId" label={t('orgAdmin.person.unit')} rules={[{ required: true, message: t('orgAdmin.person.unit') }]}>
          <Select showSearch optionFilterProp="label" data-testid="person-unit" options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` }))} />
        </Form.Item>
        <Form.Item name="roles" label={t('orgAdmin.person.roles')} rules={[{ required: true, message: t('orgAdmin.person.roles') }]}>
          <Select mode="multiple" data-testid="person-roles" options={ROLES.map((r) => ({ value: r, label: labels.role[r] }))} />
        </Form.Item>
        <Form.Item name="phone" label={field('phone')}><Input maxLength={32} /></Form.Item>
      </Form>
    </Modal>
  );
}
