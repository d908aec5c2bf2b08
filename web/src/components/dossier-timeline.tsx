import { Tag, Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../api/types';
import { labelOf, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { formatDateTime } from '../lib/time';

interface Detail {
  kind?: string | null;
  name?: string | null;
  decision?: string | null;
  opinion?: string | null;
  recipientRole?: string;
  recipientName?: string;
  corrections?: string[];
  channel?: string;
  /** admin.incident_retried: the failed step retried, and why. */
  elementId?: string;
  elementName?: string | null;
  reason?: string;
  /** 转办 / 委派 / 归还: to whom. */
  toName?: string;
}

/** Entries whose reason is shown like an opinion (转办, 委派, 撤回). */
const WITH_REASON = new Set(['task.transferred', 'task.delegated', 'report.recalled']);

const NEGATIVE = new Set(['close', 'return']);
/** 迟报 entries: shown in red like a refusal. */
const LATE = new Set(['clock.late', 'clock.overdue', 'report.delivered_late', 'notification.overdue', 'instruction.overdue', 'notification.instruction_overdue']);

/** Every step of the dossier's audit trail: who, when, what (and the decision and opinion). */
export function DossierTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, labels, field, paren } = useI18n();
  const describe = (entry: TimelineEntry, detail: Detail) => {
    const task = detail.kind ? labelOf(labels, 'userTaskKind', detail.kind) : (detail.name ?? '');
    const to = detail.recipientRole ? `${labelOf(labels, 'recipientRole', detail.recipientRole)}${paren(detail.recipientName ?? '')}` : (detail.recipientName ?? detail.toName ?? '');
    const key = `action.${entry.action}` as MessageKey;
    if (entry.action === 'report.submitted' && detail.kind && detail.kind !== 'first') return t('action.report.submittedLater', { kind: labelOf(labels, 'reportKind', detail.kind) });
    const channel = detail.channel ? t(`clock.channel.${detail.channel}` as MessageKey) : '';
    const element = detail.elementName ?? detail.elementId ?? '';
    return key in KNOWN ? t(key, { task, to, channel, element, reason: detail.reason ?? '' }) : entry.action;
  };
  return (
    <Timeline
      data-testid="timeline"
      items={entries.map((entry) => {
        const detail = (entry.detail ?? {}) as Detail;
        const negative = NEGATIVE.has(detail.decision ?? '');
        return {
          color: negative || LATE.has(entry.action) ? 'red' : entry.action === 'report.completed' ? 'green' : 'blue',
          content: (
            <div data-testid="timeline-entry" data-action={entry.action}>
              <div>
                <strong>{describe(entry, detail)}</strong>
                {detail.decision && <Tag color={negative ? 'red' : 'green'} style={{ marginLeft: 8 }}>{t(`decision.${detail.decision}` as MessageKey)}</Tag>}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {entry.system ? t('timeline.system') : entry.actor} · {formatDateTime(entry.at)}
              </Typography.Text>
              {detail.opinion && <div className="kb-pre">“{detail.opinion}”</div>}
              {WITH_REASON.has(entry.action) && detail.reason && <div className="kb-pre">“{detail.reason}”</div>}
              {detail.corrections && detail.corrections.length > 0 && (
                <Typography.Text type="secondary">{t('task.corrections')}：{detail.corrections.map((k) => field(k as Parameters<typeof field>[0]) ?? k).join('、')}</Typography.Text>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

const KNOWN: Record<string, true> = {
  'action.report.submitted': true,
  'action.report.dispatched': true,
  'action.report.completed': true,
  'action.report.closed': true,
  'action.report.returned': true,
  'action.incident.closed': true,
  'action.task.claimed': true,
  'action.task.unclaimed': true,
  'action.task.completed': true,
  'action.report.phoned': true,
  'action.report.withdrawn': true,
  'action.clock.resolved': true,
  'action.clock.met': true,
  'action.clock.late': true,
  'action.clock.overdue': true,
  'action.report.delivered_late': true,
  'action.notification.reminder': true,
  'action.notification.overdue': true,
  'action.notification.immediate': true,
  'action.admin.incident_retried': true,
  'action.instruction.relayed': true,
  'action.instruction.acknowledged': true,
  'action.instruction.carried_out': true,
  'action.instruction.reminded': true,
  'action.instruction.overdue': true,
  'action.notification.instruction_reminder': true,
  'action.notification.instruction_overdue': true,
  'action.trace.reminded': true,
  'action.trace.reassigned': true,
  'action.trace.released': true,
  'action.trace.canceled': true,
  'action.trace.modified': true,
  'action.trace.migrated': true,
  'action.trace.variable_edited': true,
  'action.task.transferred': true,
  'action.task.delegated': true,
  'action.task.delegation_returned': true,
  'action.report.recalled': true,
};
