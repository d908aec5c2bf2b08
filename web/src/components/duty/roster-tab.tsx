import { addDays, beijingDay, mondayOf } from '@kuaibao/domain';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { setRosterDay, useDutyWrite, useRoster, useRosterGaps, type Roster, type RosterDayView } from '../../api/duty';
import { useI18n } from '../../i18n/i18n';
import { clearIssues, keepEnterFromSubmitting, reportSubmitError } from '../../lib/form-errors';

/** 值班排班: a week of the unit's roster, who is on duty now, days still without a roster (own and of the units below). */
export function RosterTab() {
  const { t, list } = useI18n();
  const [monday, setMonday] = useState(() => mondayOf(beijingDay(new Date())));
  const sunday = addDays(monday, 6);
  const roster = useRoster(monday, sunday);
  const gaps = useRosterGaps();
  const [editing, setEditing] = useState<string | null>(null);
  const r = roster.data;
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const byDay = new Map((r?.days ?? []).map((d) => [d.day, d]));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {r && (r.onDutyNow
        ? <Alert type="info" showIcon data-testid="on-duty-now" message={t('duty.roster.onDutyNow', { leader: r.onDutyNow.leader.name, officers: list(r.onDutyNow.officers.map((o) => o.name)) })} />
        : <Alert type="warning" showIcon data-testid="on-duty-now" message={t('duty.roster.noneNow')} />)}
      {gaps.data?.gaps.map((g) => (
        <Alert key={g.unitId} type="warning" showIcon data-testid="roster-gap" message={t('duty.roster.gaps', { unit: g.unitName, days: list(g.missing) })} />
      ))}
      <Space>
        <Button onClick={() => setMonday(addDays(monday, -7))}>{t('duty.roster.prevWeek')}</Button>
        <Button onClick={() => setMonday(mondayOf(beijingDay(new Date())))}>{t('duty.roster.thisWeek')}</Button>
        <Button onClick={() => setMonday(addDays(monday, 7))}>{t('duty.roster.nextWeek')}</Button>
        <Typography.Text type="secondary">{r?.unit.name} · {monday} — {sunday}</Typography.Text>
      </Space>
      <Table<string>
        rowKey={(d) => d}
        dataSource={days}
        pagination={false}
        loading={roster.isLoading}
        size="small"
        data-testid="roster-table"
        columns={[
          { title: t('duty.roster.day'), render: (_, d) => <span data-testid="roster-day">{d}</span> },
          { title: t('duty.roster.leader'), render: (_, d) => byDay.get(d)?.leader.name ?? <Tag>{t('duty.roster.empty')}</Tag> },
          { title: t('duty.roster.officers'), render: (_, d) => list(byDay.get(d)?.officers.map((o) => o.name) ?? []) },
          { title: t('duty.roster.holiday'), render: (_, d) => (byDay.get(d)?.holiday ? <Tag color="red">{byDay.get(d)?.holidayName || t('duty.roster.holiday')}</Tag> : null) },
          { title: t('duty.roster.note'), render: (_, d) => byDay.get(d)?.note },
          ...(r?.editable ? [{ title: '', render: (_: unknown, d: string) => <Button size="small" onClick={() => setEditing(d)} data-testid={`roster-edit-${d}`}>{t('duty.roster.edit')}</Button> }] : []),
        ]}
      />
      {r && editing && <RosterDayModal roster={r} day={editing} current={byDay.get(editing)} onClose={() => setEditing(null)} />}
    </Space>
  );
}

interface DayValues { leaderUserId: string; officerUserIds: string[]; holiday: boolean; holidayName?: string; note?: string }

function RosterDayModal({ roster, day, current, onClose }: { roster: Roster; day: string; current: RosterDayView | undefined; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DayValues>();
  const save = useDutyWrite((body: DayValues) => setRosterDay(roster.unit.id, day, body));
  const holiday = Form.useWatch('holiday', form);
  const submit = (values: DayValues) => {
    clearIssues(form);
    const body = { ...values, holiday: !!values.holiday, officerUserIds: values.officerUserIds ?? [], ...(values.holidayName ? {} : { holidayName: undefined }), ...(values.note ? {} : { note: undefined }) };
    save.mutate(body, {
      onSuccess: () => {
        void message.success(t('duty.roster.saved'));
        onClose();
      },
      onError: (error) => reportSubmitError(form, error, locale, (text) => message.error(text)),
    });
  };
  return (
    <Modal open title={t('duty.roster.editTitle', { day })} onCancel={onClose} onOk={() => form.submit()} okText={t('duty.roster.save')} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDown={keepEnterFromSubmitting} data-testid="roster-form"
        initialValues={{ leaderUserId: current?.leader.id, officerUserIds: current?.officers.map((o) => o.id) ?? [], holiday: current?.holiday ?? false, holidayName: current?.holidayName ?? '', note: current?.note ?? '' }}>
        <Form.Item name="leaderUserId" label={t('duty.roster.leader')} required>
          <Select showSearch optionFilterProp="label" data-testid="roster-leader" options={roster.candidates.leaders.map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` }))} />
        </Form.Item>
        <Form.Item name="officerUserIds" label={t('duty.roster.officers')} required>
          <Select mode="multiple" showSearch optionFilterProp="label" data-testid="roster-officers" options={roster.candidates.officers.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="holiday" valuePropName="checked"><Checkbox data-testid="roster-holiday">{t('duty.roster.holiday')}</Checkbox></Form.Item>
        {holiday && <Form.Item name="holidayName" label={t('duty.roster.holidayName')}><Input maxLength={20} data-testid="roster-holiday-name" /></Form.Item>}
        <Form.Item name="note" label={t('duty.roster.note')}><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}
