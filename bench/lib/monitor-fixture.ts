import { RUNNING_REPORT_STATUSES } from '@kuaibao/domain';
import type { Database } from '@kuaibao/db';

export interface MonitorFixture {
  running: number;
  finished: number;
}

/** Demo units the fixture's incidents are reported by (临沧 5309…, 太仓 3205…, 小店区 1401…, 许昌 4110…). */
const UNITS = ['lx-yjj', 'sj-yjj', 'sj-slga', 'lc-yjj', 'lc-slga'];
const KINDS = ['verify', 'sign_off', 'receive_city'];

/**
 * 流程监控's load: `running` reports whose flows wait at a person (an open task each, every third claimed by 张伟),
 * with a phone clock (half of them past due) and one in a hundred stopped at a failed step; and `finished` reports
 * whose flows completed. Loaded set-based (INSERT … SELECT generate_series), not through the engine; the inbox read
 * model is written by its production triggers as the tasks go in.
 */
export async function loadMonitorFixture(db: Database, { running, finished }: MonitorFixture): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);
  const units = `(ARRAY[${UNITS.map((u) => `'${u}'`).join(',')}])[1 + g % ${UNITS.length}]`;
  const statuses = `(ARRAY[${RUNNING_REPORT_STATUSES.map((s) => `'${s}'`).join(',')}])[1 + g % ${RUNNING_REPORT_STATUSES.length}]`;
  await q(`INSERT INTO engine_definition (key, bpmn_process_id, version, resource_name, checksum, tenant_id, source)
           VALUES (1, 'bench-monitor', 1, 'bench-monitor.bpmn', 'bench', '<default>', '')`);
  const slice = 100_000;
  for (let from = 1; from <= running + finished; from += slice) {
    const to = Math.min(running + finished, from + slice - 1);
    await q(
      `INSERT INTO engine_instance (key, definition_key, bpmn_process_id, version, tenant_id, business_key, state, engine_state, variables, active_elements, started_at, updated_at, ended_at)
       SELECT g, 1, 'bench-monitor', 1, '<default>', 'BM-' || g, CASE WHEN g <= $1 THEN 'active' ELSE 'completed' END, '{}', '{}', '[]',
              now() - g * interval '1 second', now(), CASE WHEN g <= $1 THEN NULL ELSE now() END
       FROM generate_series($2::int, $3::int) g`,
      [running, from, to],
    );
    await q(
      `INSERT INTO incident (number, title, category, severity, reporting_unit_id, status, occurred_at, learned_at, created_at)
       SELECT 'BM-' || g, '压测事件 ' || g || (ARRAY['森林火灾','道路交通事故','山体滑坡','燃气泄漏'])[1 + g % 4], 'natural_disaster', 'III', ${units},
              CASE WHEN g <= $1 THEN 'open' ELSE 'closed' END, now() - g * interval '1 second', now() - g * interval '1 second', now() - g * interval '1 second'
       FROM generate_series($2::int, $3::int) g`,
      [running, from, to],
    );
    await q(
      `INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id, instance_key, created_at, submitted_at, updated_at)
       SELECT 'bm-' || g, 'BM-' || g, 'first', 0, CASE WHEN g <= $1 THEN ${statuses} ELSE (ARRAY['received','concluded','revoked'])[1 + g % 3] END,
              '{}', 'bench', g::text, now() - g * interval '1 second', now() - g * interval '1 second', now() - g * interval '1 second'
       FROM generate_series($2::int, $3::int) g`,
      [running, from, to],
    );
  }
  await q(
    `INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, assignee, candidate_groups, candidate_users, custom_headers, variables, created_at)
     SELECT g, g, 'step', 'bm-' || g, '待办', 'created', CASE WHEN g % 3 = 0 THEN 'lx_leader' END, ARRAY['unit:' || ${units} || ':leader'], '{}',
            jsonb_build_object('kind', (ARRAY[${KINDS.map((k) => `'${k}'`).join(',')}])[1 + g % ${KINDS.length}]), '{}', now() - g * interval '1 second'
     FROM generate_series(1, $1::int) g`,
    [running],
  );
  await q(
    `INSERT INTO report_clock (report_id, channel, incident_number, due_at, started_at, origin, within, immediate, rule, policy_code, policy_version, status)
     SELECT 'bm-' || g, 'phone', 'BM-' || g, now() + ((g % 180) - 90) * interval '1 minute', now() - interval '2 hours', 'received', 'PT30M', false, 'bench', '530900', 1, 'open'
     FROM generate_series(1, $1::int) g`,
    [running],
  );
  await q(
    `INSERT INTO engine_incident (key, instance_key, element_id, element_instance, error_type, error_message, state)
     SELECT g, g, 'step', 'bm-' || g, 'JOB_NO_RETRIES', '组织机构服务无响应', 'active' FROM generate_series(1, $1::int) g WHERE g % 100 = 0`,
    [running],
  );
  const [model] = await db.driver.query<{ n: number }>("SELECT count(*)::int AS n FROM inbox_task WHERE report_id LIKE 'bm-%'");
  if (model?.n !== running) throw new Error(`inbox_task holds ${model?.n} bench rows, not the ${running} open tasks: the triggers missed some`);
  await q('ANALYZE');
}
