import type { Database } from '@kuaibao/db';

/** The user whose inbox is measured and the group that puts a task in it. */
export const INBOX_USER = 'lc_duty';
const INBOX_GROUP = 'unit:lc-duty:duty_officer';

export interface InboxFixture {
  open: number;
  completed: number;
  /** Every `share`-th open task is in the measured user's group; the others in 49 other units' groups. */
  share: number;
}

/**
 * Loads open and completed user tasks with their instances, incidents and reports straight into the
 * database with set-based INSERT … SELECT generate_series (not through the engine: a million steps
 * would take hours). Keys are small integers, far below the engine's time-based keys.
 * Completed tasks come five to a completed instance, as in the default flow.
 * The inbox's read model (`inbox_task`, docs/adr/0014) is written by the same triggers as in production,
 * set-based, as these statements insert the reports and then the tasks: nothing here writes it by hand.
 * The tables are analyzed and `inbox_task_viewer` vacuumed afterwards, as autovacuum does in production.
 */
export async function loadInboxFixture(db: Database, { open, completed, share }: InboxFixture): Promise<void> {
  const completedInstances = Math.ceil(completed / 5);
  const instances = open + completedInstances;
  const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);
  await q(`INSERT INTO engine_definition (key, bpmn_process_id, version, resource_name, checksum, tenant_id, source)
           VALUES (1, 'bench-inbox', 1, 'bench-inbox.bpmn', 'bench', '<default>', '')`);
  await q(
    `INSERT INTO engine_instance (key, definition_key, bpmn_process_id, version, tenant_id, business_key, state,
                                  engine_state, variables, active_elements, started_at, updated_at, ended_at)
     SELECT g, 1, 'bench-inbox', 1, '<default>', 'BENCH-' || g, CASE WHEN g <= $1 THEN 'active' ELSE 'completed' END,
            '{}', '{}', '[]', now() - g * interval '1 second', now(), CASE WHEN g <= $1 THEN NULL ELSE now() END
     FROM generate_series(1, $2::int) g`,
    [open, instances],
  );
  await q(
    `INSERT INTO incident (number, title, category, severity, reporting_unit_id, status, occurred_at, learned_at, created_at)
     SELECT 'BENCH-' || g, '压测事件 ' || g, (ARRAY['natural_disaster','accident_disaster','public_health','social_security'])[1 + g % 4],
            (ARRAY['I','II','III','IV'])[1 + g % 4], 'bench-' || (g % 50), CASE WHEN g <= $1 THEN 'reporting' ELSE 'closed' END,
            now() - g * interval '1 second', now() - g * interval '1 second', now() - g * interval '1 second'
     FROM generate_series(1, $2::int) g`,
    [open, instances],
  );
  await q(
    `INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id, instance_key, created_at, submitted_at, updated_at)
     SELECT 'bench-' || g, 'BENCH-' || g, 'first', 1, 'submitted', '{}', 'bench', g::text, now(), now(), now()
     FROM generate_series(1, $1::int) g`,
    [instances],
  );
  const groupOf = `CASE WHEN g % ${share} = 0 THEN '${INBOX_GROUP}' ELSE 'unit:bench-' || (g % 49) || ':duty_officer' END`;
  await q(
    `INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, candidate_groups, candidate_users,
                                   due_date, custom_headers, variables, created_at)
     SELECT g, g, 'receive_city', 'bench-' || g, '市级接收', 'created', ARRAY[${groupOf}], '{}',
            now() + (g % 240 - 60) * interval '1 minute', '{"kind":"receive_city"}', '{}', now() - g * interval '1 second'
     FROM generate_series(1, $1::int) g`,
    [open],
  );
  // Completed tasks, in slices so neither database holds one huge statement's rows at once.
  const slice = 200_000;
  for (let from = 1; from <= completed; from += slice) {
    const to = Math.min(completed, from + slice - 1);
    await q(
      `INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, candidate_groups, candidate_users,
                                     due_date, custom_headers, variables, created_at, completed_at)
       SELECT $1::bigint + g, $2::bigint + (g - 1) / 5 + 1, 'verify', 'bench-c-' || g, '核实', 'completed', ARRAY[${groupOf}], '{}',
              now() - interval '1 day', '{"kind":"verify"}', '{}', now() - g * interval '1 second', now()
       FROM generate_series($3::int, $4::int) g`,
      [open, open, from, to],
    );
  }
  const [model] = await db.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox_task');
  if (model?.n !== open) throw new Error(`inbox_task holds ${model?.n} rows, not the ${open} open tasks: the triggers missed some`);
  // As autovacuum would have by now in production (ADR 0016 sets it to run after ~1% of the table
  // changed): the inbox counts by an index-only scan, which reads the table wherever the visibility map
  // has not been set by a VACUUM yet.
  await q('VACUUM inbox_task_viewer');
  await q('ANALYZE');
}
