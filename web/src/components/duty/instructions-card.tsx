import { governmentOf, isSubordinateOf, makeInstructionSchema, type OrgUnit as TreeUnit } from '@kuaibao/domain';
import { App, Button, Card, Empty, Form, Input, List, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { relayInstruction, useDutyWrite, type Instruction } from '../../api/duty';
import { useOrgUnits } from '../../api/queries';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { applyIssues, clearIssues, issuesMessage, keepEnterFromSubmitting, reportSubmitError } from '../../lib/form-errors';
import { beijingWall } from '../../lib/time';
import { InstructionItem } from './instruction-item';

/** The dossier's 领导批示 section: each instruction with its units' 签收, 落实情况 and clocks; duty officers relay new ones. */
export function InstructionsCard({ items, incidentNumber, reportingUnitId }: { items: Instruction[]; incidentNumber: string; reportingUnitId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const canRelay = !!me?.roles.includes('duty_officer');
  return (
    <Card title={t('duty.instructions.title')} style={{ marginTop: 16 }} data-testid="instructions"
      extra={canRelay && <Button onClick={() => setOpen(true)} data-testid="relay-instruction">{t('duty.instructions.relay')}</Button>}>
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.instructions.none')} /> : (
        <List dataSource={items} renderItem={(item) => <List.Item key={item.id}><InstructionItem item={item} /></List.Item>} />
      )}
      {canRelay && <RelayModal open={open} onClose={() => setOpen(false)} incidentNumber={incidentNumber} reportingUnitId={reportingUnitId} />}
    </Card>
  );
}

interface RelayValues { instructingLeader: string; instructedAt: string; text: string; unitIds: string[]; dueAt: string }

/** Beijing wall time in a datetime-local field ("2026-12-06T14:30") and the instant it means. */
const wallValue = (at: number) => beijingWall(at).format('YYYY-MM-DDTHH:mm');
const instantOf = (wall: string) => (wall ? `${wall}:00+08:00` : '');

function RelayModal({ open, onClose, incidentNumber, reportingUnitId }: { open: boolean; onClose: () => void; incidentNumber: string; reportingUnitId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const units = useOrgUnits();
  const [form] = Form.useForm<RelayValues>();
  const relay = useDutyWrite((body: unknown) => relayInstruction(incidentNumber, body));
  const targets = useMemo(() => {
    if (!me || !units.data) return [];
    // the list the API gives holds the active units; the tree rules read a unit's duty office too
    const tree = units.data.map((u) => ({ ...u, dutyOfficeId: null, active: true })) as unknown as TreeUnit[];
    const government = governmentOf(tree, me.unitId);
    return government ? tree.filter((u) => isSubordinateOf(tree, u.id, government.id)) : [];
  }, [me, units.data]);
  const submit = (values: RelayValues) => {
    clearIssues(form);
    const body = { ...values, instructedAt: instantOf(values.instructedAt), dueAt: instantOf(values.dueAt), unitIds: values.unitIds ?? [] };
    const checked = makeInstructionSchema(locale).safeParse(body);
    if (!checked.success) {
      applyIssues(form, checked.error.issues);
      void message.error(issuesMessage(checked.error.issues, locale));
      return;
    }
    relay.mutate(body, {
      onSuccess: () => {
        void message.success(t('duty.instructions.sent'));
        form.resetFields();
        onClose();
      },
      onError: (error) => reportSubmitError(form, error, locale, (text) => message.error(text)),
    });
  };
  const now = Date.now();
  return (
    <Modal open={open} title={t('duty.instructions.relay')} onCancel={onClose} onOk={() => form.submit()} okText={t('duty.instructions.send')} confirmLoading={relay.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDown={keepEnterFromSubmitting} data-testid="instruction-form"
        initialValues={{ instructedAt: wallValue(now), dueAt: wallValue(now + 2 * 60 * 60_000), unitIds: [reportingUnitId] }}>
        <Form.Item name="instructingLeader" label={t('duty.instructions.leader')} required><Input maxLength={64} data-testid="instruction-leader" /></Form.Item>
        <Form.Item name="instructedAt" label={t('duty.instructions.instructedAt')} required><Input type="datetime-local" data-testid="instruction-instructed-at" /></Form.Item>
        <Form.Item name="text" label={t('duty.instructions.text')} required><Input.TextArea rows={3} maxLength={4000} showCount data-testid="instruction-text" /></Form.Item>
        <Form.Item name="unitIds" label={t('duty.instructions.units')} required>
          <Select mode="multiple" showSearch optionFilterProp="label" data-testid="instruction-units"
            options={targets.map((u) => ({ value: u.id, label: locale === 'en' && u.nameEn ? u.nameEn : u.name }))} />
        </Form.Item>
        <Form.Item name="dueAt" label={t('duty.instructions.dueAt')} required><Input type="datetime-local" data-testid="instruction-due-at" /></Form.Item>
      </Form>
    </Modal>
  );
}
