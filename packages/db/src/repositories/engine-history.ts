import type { ElementDuration } from '@kuaibao/domain';
import type { PrismaClient } from '@prisma/client';
import { jobsOfInstance } from './instance-jobs';

export interface DeployedDefinition { key: string; bpmnProcessId: string; version: number; tenantId: string; source: string }
type Row = Omit<ElementDuration, 'elementName'>;

/**
 * Time spent per element of one deployed version (docs/adr/0059), from the embedded engine's rows: a service task's
 * job (created → completed) and a user task (created → completed) of the instances started in the window. Events,
 * gateways and sequence flows are run through within a step and leave no row; timers and subscriptions are deleted
 * when they fire, and sub-processes live only in the instance's state: they have no history to measure.
 */
/** The embedded engine's history rows as the admin trace reads them (engine_definition, engine_instance, engine_job, engine_user_task). */
export function createEngineHistoryRepository(prisma: PrismaClient) {
  return {
    /** Every job of one instance (the instance page's 全部作业). */
    jobsOf: (instanceKey: string) => jobsOfInstance(prisma, instanceKey),

    async definition(key: string): Promise<DeployedDefinition | null> {
      const [row] = await prisma.$queryRaw<DeployedDefinition[]>`
        SELECT key::text, bpmn_process_id AS "bpmnProcessId", version, tenant_id AS "tenantId", source
        FROM engine_definition WHERE key = ${BigInt(key)}`;
      return row ?? null;
    },

    /** Per element: completed count, p50 / p95 / max milliseconds, and how many are open there now. */
    async forDefinition(definitionKey: string, since: Date): Promise<{ instances: number; elements: Row[] }> {
      // the window's instances by the (definition_key, started_at) index; their rows by (instance_key, element_instance)
      const [row] = await prisma.$queryRaw<{ instances: number; elements: Row[] | null }[]>`
        WITH i AS MATERIALIZED (SELECT key FROM engine_instance WHERE definition_key = ${BigInt(definitionKey)} AND started_at >= ${since}),
        d AS (
          SELECT j.element_id, 'job' AS source, j.state = 'completed' AS done,
                 (extract(epoch FROM j.updated_at - j.created_at) * 1000)::float8 AS ms
          FROM i JOIN engine_job j ON j.instance_key = i.key
          WHERE j.state IN ('completed', 'activatable', 'activated', 'failed')
          UNION ALL
          SELECT t.element_id, 'user_task', t.state = 'completed', (extract(epoch FROM t.completed_at - t.created_at) * 1000)::float8
          FROM i JOIN engine_user_task t ON t.instance_key = i.key
          WHERE t.state IN ('completed', 'created')
        )
        SELECT (SELECT count(*)::int FROM i) AS instances,
               (SELECT jsonb_agg(e ORDER BY e."p95Ms" DESC NULLS LAST, e."elementId") FROM (
                  SELECT element_id AS "elementId", min(source) AS source, (count(*) FILTER (WHERE done))::int AS completed,
                         COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE done), 0)::float8 AS "p50Ms",
                         COALESCE(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) FILTER (WHERE done), 0)::float8 AS "p95Ms",
                         COALESCE(max(ms) FILTER (WHERE done), 0)::float8 AS "maxMs",
                         (count(*) FILTER (WHERE NOT done))::int AS open
                  FROM d GROUP BY element_id) e) AS elements`;
      return { instances: row?.instances ?? 0, elements: (row?.elements ?? []).map((e) => ({ ...e, p50Ms: Math.round(e.p50Ms), p95Ms: Math.round(e.p95Ms), maxMs: Math.round(e.maxMs) })) };
    },
  };
}

export type EngineHistoryRepository = ReturnType<typeof createEngineHistoryRepository>;
