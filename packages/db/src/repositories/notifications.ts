import type { PrismaClient } from '@prisma/client';

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
  return {
    /** False when this dedupe key was recorded before (the message was already sent). */
    async wasSent(dedupeKey: string): Promise<boolean> {
      return (await prisma.notification.count({ where: { dedupeKey } })) > 0;
    },
    async record(row: NewNotification) {
      await prisma.notification.createMany({ data: [row], skipDuplicates: true });
    },
    forIncident: (incidentNumber: string) => prisma.notification.findMany({ where: { incidentNumber }, orderBy: [{ sentAt: 'asc' }, { id: 'asc' }] }),
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
