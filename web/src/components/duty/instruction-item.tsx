import { Button, Input, Space, Tag, Typography, App } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { acknowledgeInstruction, reportInstructionResult, useDutyWrite, type Instruction, type InstructionUnit } from '../../api/duty';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/time';

/** The 落实 clock of one unit, told as the report clocks are: overdue while open past the deadline, then in time or late. */
function ClockTag({ unit }: { unit: InstructionUnit }) {
  const { t } = useI18n();
  if (unit.clock.status === 'met') return <Tag color="success">{t('duty.instructions.onTime')}</Tag>;
  if (unit.clock.status === 'late') return <Tag color="error">{t('duty.instructions.late')}</Tag>;
  return unit.clock.overdue ? <Tag color="error">{t('duty.instructions.overdue')}</Tag> : null;
}

/** One 批示: who instructed what, when it was relayed and by when to carry it out; each named unit's 签收 and 落实情况. */
export function InstructionItem({ item, showIncident = false }: { item: Instruction; showIncident?: boolean }) {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <div data-testid="instruction" style={{ width: '100%' }}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        {showIncident && (
          <Typography.Text>
            {t('duty.instructions.incident')}：<Link to={`/incidents/${item.incidentNumber}`}>{item.incidentTitle ?? item.incidentNumber}</Link>
          </Typography.Text>
        )}
        <Typography.Text strong>{item.text}</Typography.Text>
        <Typography.Text type="secondary">
          {t('duty.instructions.line', { leader: item.instructingLeader, at: formatDateTime(item.instructedAt), by: `${item.relayedBy.unitName} ${item.relayedBy.name}`, relayedAt: formatDateTime(item.relayedBy.at), due: formatDateTime(item.dueAt) })}
        </Typography.Text>
        {item.units.map((unit) => (
          <div key={unit.unitId} data-testid="instruction-unit" data-stage={unit.stage}>
            <Space wrap>
              <Typography.Text>{unit.unitName}</Typography.Text>
              <Tag color={unit.stage === 'done' ? 'green' : unit.stage === 'acknowledged' ? 'blue' : 'orange'}>{t(`duty.instructions.stage.${unit.stage}`)}</Tag>
              <ClockTag unit={unit} />
              {unit.acknowledgedAt && <Typography.Text type="secondary">{t('duty.instructions.acknowledged')} {unit.acknowledgedBy} · {formatDateTime(unit.acknowledgedAt)}</Typography.Text>}
            </Space>
            {unit.result && (
              <div>
                <Typography.Text>{t('duty.instructions.result')}：{unit.result}</Typography.Text>
                <Typography.Text type="secondary"> — {unit.doneBy} · {formatDateTime(unit.doneAt)}</Typography.Text>
              </div>
            )}
            {me?.unitId === unit.unitId && unit.stage !== 'done' && <UnitActions instructionId={item.id} unit={unit} />}
          </div>
        ))}
      </Space>
    </div>
  );
}

/** What the named unit does next: 签收, then its 落实情况 (sent with the button only; Enter in the text area is a new line). */
function UnitActions({ instructionId, unit }: { instructionId: string; unit: InstructionUnit }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [result, setResult] = useState('');
  const acknowledge = useDutyWrite(() => acknowledgeInstruction(instructionId, unit.unitId));
  const report = useDutyWrite((text: string) => reportInstructionResult(instructionId, unit.unitId, text));
  const onError = (error: Error) => void message.error(problemMessage(error, locale));
  if (unit.stage === 'relayed') {
    return (
      <Button size="small" type="primary" loading={acknowledge.isPending} data-testid="instruction-acknowledge"
        onClick={() => acknowledge.mutate(undefined, { onSuccess: () => void message.success(t('duty.instructions.acknowledged')), onError })}>
        {t('duty.instructions.acknowledge')}
      </Button>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 4 }}>
      <Input.TextArea rows={2} maxLength={4000} value={result} onChange={(e) => setResult(e.target.value)} placeholder={t('duty.instructions.result')} aria-label={t('duty.instructions.result')} data-testid="instruction-result" />
      <Button size="small" type="primary" loading={report.isPending} data-testid="instruction-report"
        onClick={() => report.mutate(result, { onSuccess: () => { setResult(''); void message.success(t('duty.instructions.reported')); }, onError })}>
        {t('duty.instructions.report')}
      </Button>
    </Space>
  );
}
