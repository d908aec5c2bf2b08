import type { Database } from '@kuaibao/db';

const INSTANCE_COLUMNS = `definition_key, bpmn_process_id, version, tenant_id, state, engine_state, variables, active_elements,
  revision, started_at, updated_at, ended_at`;
const JOB_COLUMNS = `element_id, element_instance, type, state, retries, variables, custom_headers, worker, lock_owner, deadline, due_at,
  error_message, created_at, updated_at`;
const TASK_COLUMNS = `element_id, element_instance, name, state, assignee, candidate_groups, candidate_users, due_date,
  follow_up_date, form_key, custom_headers, variables, created_at, completed_at`;

/**
 * Fixture loader for in-flight instances: copies one real instance (started through the engine) with
 * its jobs and user tasks `count` times in set-based SQL, keys `firstKey + 1 …` (far below the
 * engine's time-based keys). The copies are real instances to the engine: the same persisted state
 * under their own keys, so a step on one recovers and advances it. Timers and subscriptions are not
 * copied (the benchmark processes have none).
 */
export async function cloneInstance(db: Database, templateKey: string, count: number, firstKey: bigint): Promise<void> {
  const slice = 50_000;
  for (let from = 1; from <= count; from += slice) {
    const params = [templateKey, firstKey.toString(), from, Math.min(count, from + slice - 1)];
    const series = 'generate_series($3::int, $4::int) g';
    await db.driver.query(
      `INSERT INTO engine_instance (key, business_key, ${INSTANCE_COLUMNS})
       SELECT $2::bigint + g, business_key || '-' || g, ${INSTANCE_COLUMNS} FROM engine_instance, ${series} WHERE key = $1::bigint`,
      params,
    );
    await db.driver.query(
      `INSERT INTO engine_job (key, instance_key, ${JOB_COLUMNS})
       SELECT $2::bigint + g, $2::bigint + g, ${JOB_COLUMNS} FROM engine_job, ${series} WHERE instance_key = $1::bigint`,
      params,
    );
    await db.driver.query(
      `INSERT INTO engine_user_task (key, instance_key, ${TASK_COLUMNS})
       SELECT $2::bigint + g, $2::bigint + g, ${TASK_COLUMNS} FROM engine_user_task, ${series} WHERE instance_key = $1::bigint`,
      params,
    );
  }
}
