import type { Prisma } from '@prisma/client';

/** A duty record's entry in the admin trail (admin_audit_event, docs/adr/0028), written in the change's own transaction. */
export interface DutyAuditEntry {
  actorId: string;
  actorName: string;
  /** duty.roster.set | duty.roster.clear | duty.daily_report.filed | duty.daily_report.received */
  action: string;
  entityType: 'duty_roster' | 'duty_daily_report';
  entityId: string;
  unitId: string;
  divisionCode: string | null;
  before?: unknown;
  after?: unknown;
  ip: string | null;
}

export async function appendDutyAudit(tx: Prisma.TransactionClient, entry: DutyAuditEntry, at: Date): Promise<void> {
  const json = (value: unknown) => (value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));
  await tx.adminAuditEvent.create({
    data: {
      at, actorId: entry.actorId, actorName: entry.actorName, action: entry.action, entityType: entry.entityType, entityId: entry.entityId,
      unitId: entry.unitId, divisionCode: entry.divisionCode, before: json(entry.before), after: json(entry.after), ip: entry.ip,
    },
  });
}
