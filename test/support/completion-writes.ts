import { TASK_TYPES } from '@kuaibao/domain';
import type { PrismaClient } from '@kuaibao/db';

/** The job types whose business rows must commit with the job, and the idempotency key each writes its audit entry under. */
const JOB_AUDIT_KEYS: Record<string, string> = { [TASK_TYPES.dispatch]: 'dispatched', [TASK_TYPES.complete]: 'completed', [TASK_TYPES.resolveClock]: 'clocks' };

/**
 * Completions in the engine without their business writes, and writes without their completion (ADR 0027):
 * completed user tasks without their audit entry, audit entries of completions the engine does not have,
 * completed 核实 without the verifier's correction (`correctedHarm`) in the report, completed writing jobs
 * without their audit entry, and deliveries without their row.
 */
export async function completionsWithoutWrites(prisma: PrismaClient, correctedHarm: string) {
  const tasksWithoutAudit = await prisma.$queryRaw<{ key: string }[]>`
    SELECT t.key::text AS key FROM engine_user_task t
    WHERE t.state = 'completed' AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.dedupe_key = 'task:' || t.key::text || ':completed')`;
  const auditWithoutTask = await prisma.$queryRaw<{ key: string }[]>`
    SELECT a.dedupe_key AS key FROM audit_event a
    WHERE a.dedupe_key LIKE 'task:%:completed'
      AND NOT EXISTS (SELECT 1 FROM engine_user_task t WHERE 'task:' || t.key::text || ':completed' = a.dedupe_key AND t.state = 'completed')`;
  const verifiedWithoutCorrections = await prisma.$queryRaw<{ key: string }[]>`
    SELECT t.key::text AS key FROM engine_user_task t JOIN incident_report r ON r.instance_key = t.instance_key::text
    WHERE t.state = 'completed' AND t.custom_headers->>'kind' = 'verify' AND r.content->>'harm' IS DISTINCT FROM ${correctedHarm}::text`;
  const jobsWithoutAudit = await prisma.$queryRaw<{ key: string; type: string }[]>`
    SELECT j.key::text AS key, j.type FROM engine_job j
    WHERE j.state = 'completed' AND j.type = ANY(${Object.keys(JOB_AUDIT_KEYS)}::text[])
      AND NOT EXISTS (SELECT 1 FROM audit_event a
        WHERE a.dedupe_key = j.instance_key::text || ':' || j.element_instance || ':' || (${JSON.stringify(JOB_AUDIT_KEYS)}::text::jsonb ->> j.type))`;
  const dispatchesWithoutDelivery = await prisma.$queryRaw<{ key: string }[]>`
    SELECT j.key::text AS key FROM engine_job j JOIN incident_report r ON r.instance_key = j.instance_key::text
    WHERE j.state = 'completed' AND j.type = ${TASK_TYPES.dispatch}::text
      AND NOT EXISTS (SELECT 1 FROM incident_recipient d WHERE d.report_id = r.id AND d.role = j.custom_headers->>'recipient')`;
  return { tasksWithoutAudit, auditWithoutTask, verifiedWithoutCorrections, jobsWithoutAudit, dispatchesWithoutDelivery };
}
