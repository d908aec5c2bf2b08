import type { ButtonProps } from 'antd';
import { UNIT_KINDS, UNIT_LEVELS } from '@kuaibao/domain';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useSaveUnit, type AdminUnit, type UnitInput } from '../../api/org-admin';
import { useOrgUnits } from '../../api/queries';
import { useI18n } from '../../i18n/i18n';
import { keepEnterInField, showRefusal } from './form-keys';

const UNIT_FIELDS = ['name', 'nameEn', 'code', 'kind', 'level', 'divisionCode', 'parentId', 'superiorDepartmentId', 'sameLevelGovernmentId', 'dutyOfficeId'];

/** Create (under `parent`) or edit a unit; the server checks the whole tree and answers each broken rule on its field. */
export function UnitForm({ unit, parent, onClose }: { unit: AdminUnit | null; parent: AdminUnit | null; onClose: () => void }) {
  const { t, labels, field, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitInput>();
  const save = useSaveUnit();
  const all = useOrgUnits().data ?? [];
  useEffect(() => {
    form.setFieldsValue(unit ?? { parentId: parent?.id ?? null, level: parent?.level, divisionCode: parent?.divisionCode, superiorDepartmentId: null, sameLevelGovernmentId: null, dutyOfficeId: null, nameEn: null });
  }, [form, unit, parent]);
  const options = (filter: (u: (typeof all)[number]) => boolean) => [
    { value: null as unknown as string, label: t('orgAdmin.unit.none') },
    ...all.filter(filter).map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` })),
  ];
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ id: unit?.id ?? null, input: { ...values, nameEn: values.nameEn || null } });
      void message.success(t('orgAdmin.saved'));
      onClose();
    } catch (error) {
      showRefusal(form, error, UNIT_FIELDS, (text) => void message.error(text), locale);
    }
  };
  return (
    <Modal open title={unit ? t('orgAdmin.unit.edit', { name: unit.name }) : t('orgAdmin.unit.create')} onCancel={onClose} onOk={() => void submit()} okText={t('orgAdmin.save')} cancelText={t('orgAdmin.cancel')}
      confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'unit-save' } as ButtonProps} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onKeyDown={keepEnterInField} data-testid="unit-form" requiredMark>
        <Form.Item name="name" label={field('name')} rules={[{ required: true, message: `${field('name')}` }]}><Input data-testid="unit-name" maxLength={100} /></Form.Item>
        <Form.Item name="nameEn" label={field('nameEn')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="code" label={field('code')} rules={[{ required: true, message: field('code') }]} extra="530902-YJ"><Input data-testid="unit-code" maxLength={32} /></Form.Item>
        <Form.Item name="kind" label={field('unitKind')} rules={[{ required: true, message: field('unitKind') }]}>
          <Select data-testid="unit-kind" options={UNIT_KINDS.map((k) => ({ value: k, label: labels.unitKind[k] }))} />
        </Form.Item>
        <Form.Item name="level" label={field('level')} rules={[{ required: true, message: field('level') }]}>
          <Select options={UNIT_LEVELS.map((l) => ({ value: l, label: labels.unitLevel[l] }))} />
        </Form.Item>
        <Form.Item name="divisionCode" label={field('divisionCode')} rules={[{ required: true, message: field('divisionCode') }]}><Input data-testid="unit-division" maxLength={9} /></Form.Item>
        <Form.Item name="parentId" label={field('parentId')}><Select showSearch optionFilterProp="label" options={options(() => true)} /></Form.Item>
        <Form.Item name="superiorDepartmentId" label={field('superiorDepartmentId')}><Select showSearch optionFilterProp="label" data-testid="unit-superior" options={options((u) => u.kind === 'department')} /></Form.Item>
        <Form.Item name="sameLevelGovernmentId" label={field('sameLevelGovernmentId')}><Select showSearch optionFilterProp="label" data-testid="unit-government" options={options((u) => u.kind === 'government')} /></Form.Item>
        <Form.Item name="dutyOfficeId" label={field('dutyOfficeId')}><Select showSearch optionFilterProp="label" options={options((u) => u.kind === 'duty_office')} /></Form.Item>
      </Form>
    </Modal>
  );
}
