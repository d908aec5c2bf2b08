import type { PrismaClient } from '@prisma/client';
import { preparedClient } from '../prepared-client';

export interface NewNotification {
  incidentNumber: string;
  reportId: string | null;
  /** verified / revoked: how 核实 ended, told to the units that received the report before it (000, ADR 0030). */
  kind: 'reminder' | 'overdue' | 'immediate' | 'verified' | 'revoked' | 'withdrawn' | 'instruction_reminder' | 'instruction_overdue';
  recipientId: string | null;
  recipientName: string;
  phone: string | null;
  message: string;
  /** in_app: written by the API for the 抄送 list only (it has no SMS gateway), e.g. a 撤回 notice. */
  status: 'sent' | 'no_phone' | 'failed' | 'in_app';
  gatewayRef: string | null;
  /** One notification per job, kind and recipient: a re-delivered job does not text twice. */
  dedupeKey: string;
  sentAt: Date;
}

/** Notifications sent (`notification`): what was texted to whom, and when. */
export function createNotificationRepository(prisma: PrismaClient) {
  // asked and written for every recipient of every reminder: prepared on the driver (docs/adr/0066)
  const raw = preparedClient(prisma);
  return {
    /** False when this dedupe key was recorded before (the message was already sent). */
    async wasSent(dedupeKey: string): Promise<boolean> {
      const [row] = await raw.$queryRaw<{ sent: boolean }[]>`/* prepared */ SELECT EXISTS (SELECT 1 FROM notification WHERE dedupe_key = ${dedupeKey}) AS sent`;
      return row?.sent === true;
    },
    /** A second record with the same dedupe key is ignored. */
    async record(row: NewNotification) {
      await raw.$executeRaw`/* prepared */
        INSERT INTO notification (incident_number, report_id, kind, recipient_id, recipient_name, phone, message, status, gateway_ref, dedupe_key, sent_at)
        VALUES (${row.incidentNumber}, ${row.reportId}, ${row.kind}, ${row.recipientId}, ${row.recipientName}, ${row.phone}, ${row.message}, ${row.status},
                ${row.gatewayRef}, ${row.dedupeKey}, ${row.sentAt})
        ON CONFLICT (dedupe_key) DO NOTHING`;
    },
    forIncident: (incidentNumber: string) => prisma.notification.findMany({ where: { incidentNumber }, orderBy: [{ sentAt: 'asc' }, { id: 'asc' }] }),
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
