import type { Database } from '@kuaibao/db';

/**
 * 定期统计's fixture (bench/stats-month.ts): `incidents` incidents over the last 365 days in 50 units under 临沧 (demo
 * data needed), each with its 首报 (a quarter revoked) and two clocks (met, late, running in turn), set-based.
 */
export async function loadStatsFixture(db: Database, incidents: number) {
  const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);
  await q(`INSERT INTO org_unit (id, code, name, kind, level, parent_id, superior_department_id, division_code)
           SELECT 'stats-' || g, 'STATS-' || g, '压测单位 ' || g, 'department', 'county', 'lc-gov', 'lc-yjj', '530902' FROM generate_series(0, 49) g`);
  // every incident in the last 365 days, evenly: some 8,300 a month
  const created = `now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute'`;
  await q(
    `INSERT INTO incident (number, title, category, severity, reporting_unit_id, status, occurred_at, learned_at, created_at)
     SELECT 'STATS-' || g, '压测事件 ' || g, (ARRAY['natural_disaster','accident_disaster','public_health','social_security'])[1 + g % 4],
            (ARRAY['I','II','III','IV','ungraded'])[1 + g % 5], 'stats-' || (g % 50), 'open', ${created}, ${created}, ${created}
     FROM generate_series(1, $1::int) g`,
    [incidents],
  );
  await q(
    `INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id, created_at, updated_at)
     SELECT 'stats-' || g, 'STATS-' || g, 'first', 1, (ARRAY['reported','received','verifying','revoked'])[1 + g % 4],
            jsonb_build_object('casualties', jsonb_build_object('dead', g % 3, 'injured', g % 5, 'missing', 0), 'economicLossYuan', g % 1000),
            'bench', ${created}, ${created}
     FROM generate_series(1, $1::int) g`,
    [incidents],
  );
  await q(
    `INSERT INTO report_clock (report_id, channel, incident_number, due_at, started_at, origin, within, immediate, rule, policy_code, policy_version, status)
     SELECT 'stats-' || g, c.channel, 'STATS-' || g, ${created} + interval '1 hour', ${created}, 'learned', 'PT1H', false, 'bench', 'bench', 1,
            (ARRAY['met','late','open'])[1 + g % 3]
     FROM generate_series(1, $1::int) g CROSS JOIN (VALUES ('phone'), ('written')) c(channel)`,
    [incidents],
  );
  await q('ANALYZE');
}

