import type { PrismaClient } from '@prisma/client';

/** One job of an instance as the admin sees it: a service task's work item, its retries and last error. */
export interface InstanceJob {
  key: string;
  elementId: string;
  type: string;
  /** activatable | activated | failed | completed | error_thrown | canceled */
  state: string;
  retries: number;
  errorMessage: string | null;
  worker: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Every job of one instance (Operate's jobs tab; docs/adr/0059), oldest first: the embedded engine keeps them as rows
 * (completed and canceled ones too). The engine port exposes only failed jobs, through their incidents (ADR 0040).
 */
export async function jobsOfInstance(prisma: PrismaClient, instanceKey: string): Promise<InstanceJob[]> {
  const rows = await prisma.$queryRaw<(Omit<InstanceJob, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date })[]>`
    SELECT key::text, element_id AS "elementId", type, state, retries, error_message AS "errorMessage", worker,
           created_at AS "createdAt", updated_at AS "updatedAt"
    FROM engine_job WHERE instance_key = ${BigInt(instanceKey)} ORDER BY created_at, key LIMIT 500`;
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}
