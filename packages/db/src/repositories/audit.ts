import type { Prisma, PrismaClient } from '@prisma/client';

export interface AuditEntry {
  incidentNumber: string;
  reportId?: string | null;
  actorId?: string | null;
  actorName: string;
  action: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
  /** Set by at-least-once writers (job handlers): a second write with the same key is ignored. */
  dedupeKey?: string | null;
  at?: Date;
}

type Client = PrismaClient | Prisma.TransactionClient;

export function createAuditRepository(prisma: PrismaClient) {
  return {
    append: (entry: AuditEntry, client: Client = prisma) => appendAudit(client, entry),
    forIncident: (incidentNumber: string) =>
      prisma.auditEvent.findMany({ where: { incidentNumber }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
  };
}

export async function appendAudit(client: Client, entry: AuditEntry): Promise<void> {
  const data = {
    incidentNumber: entry.incidentNumber,
    reportId: entry.reportId ?? null,
    actorId: entry.actorId ?? null,
    actorName: entry.actorName,
    action: entry.action,
    detail: (entry.detail ?? {}) as Prisma.InputJsonValue,
    ip: entry.ip ?? null,
    dedupeKey: entry.dedupeKey ?? null,
    ...(entry.at && { at: entry.at }),
  };
  if (entry.dedupeKey) {
    await client.auditEvent.createMany({ data: [data], skipDuplicates: true });
    return;
  }
  await client.auditEvent.create({ data });
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
