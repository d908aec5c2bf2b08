import type { AuditRepository, NotificationRepository } from '@kuaibao/db';
import type { SmsGateway } from './sms-gateway';

/** Someone to notify: a user of the org tree, with the phone the gateway texts. */
export interface NotifyTarget {
  id: string;
  displayName: string;
  phone: string | null;
}

export interface Notice {
  incidentNumber: string;
  /** null: a notice about the incident, not one of its reports (a 领导批示's 落实, ADR 0061). */
  reportId: string | null;
  /** verified / revoked: how 核实 ended, told to the units that received the report before it (000). instruction_reminder / instruction_overdue: a 落实 deadline is near / passed. */
  kind: 'reminder' | 'overdue' | 'immediate' | 'verified' | 'revoked' | 'instruction_reminder' | 'instruction_overdue';
  text: string;
  targets: readonly NotifyTarget[];
  /** Stable across re-deliveries of the job: one text per recipient, however often the job runs. */
  dedupeKey: string;
  /** What the audit entry carries besides the recipients (deadline, rule, policy). */
  detail: Record<string, unknown>;
  at: Date;
}

export interface NotifierDeps {
  gateway: SmsGateway;
  notifications: NotificationRepository;
  audit: AuditRepository;
}

/**
 * The notifier port: texts each target through the SMS gateway, records every message in
 * `notification`, and the whole notice once in the audit trail. A recipient without a phone is
 * recorded as `no_phone`; a gateway refusal as `failed` (the trail shows who was not reached).
 */
export function createNotifier(deps: NotifierDeps) {
  return async function notify(notice: Notice): Promise<{ sent: number }> {
    let sent = 0;
    for (const target of notice.targets) {
      const key = `${notice.dedupeKey}:${target.id}`;
      if (await deps.notifications.wasSent(key)) continue;
      let status: 'sent' | 'no_phone' | 'failed' = 'no_phone';
      let ref: string | null = null;
      if (target.phone) {
        try {
          ref = (await deps.gateway.send({ phone: target.phone, text: notice.text })).ref;
          status = 'sent';
          sent++;
        } catch (error) {
          status = 'failed';
          console.warn('[notify] SMS gateway refused', target.id, (error as Error).message);
        }
      }
      await deps.notifications.record({
        incidentNumber: notice.incidentNumber, reportId: notice.reportId, kind: notice.kind, recipientId: target.id, recipientName: target.displayName,
        phone: target.phone, message: notice.text, status, gatewayRef: ref, dedupeKey: key, sentAt: notice.at,
      });
    }
    await deps.audit.append({
      incidentNumber: notice.incidentNumber,
      reportId: notice.reportId,
      actorName: '系统',
      action: `notification.${notice.kind}`,
      detail: { ...notice.detail, text: notice.text, recipients: notice.targets.map((t) => ({ id: t.id, name: t.displayName })) },
      dedupeKey: `${notice.dedupeKey}:audit`,
      at: notice.at,
    });
    return { sent };
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
