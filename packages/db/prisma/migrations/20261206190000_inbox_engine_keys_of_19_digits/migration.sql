-- The engine's keys have up to 19 decimal digits (a bigint); the report trigger of 20261130235423_inbox_task took
-- only 18, so a report linked to a 19-digit instance after its first tasks existed brought none of them into the inbox.
-- Any key that fits a bigint links now; anything else still links no task.
CREATE OR REPLACE FUNCTION inbox_task_sync_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO inbox_task (task_key, instance_key, report_id, incident_number, kind, assignee, candidate_groups, candidate_users,
                          due_date, created_at, severity, category, reporting_unit_id)
  SELECT t.key, t.instance_key, r.id, i.number, t.custom_headers->>'kind', t.assignee, t.candidate_groups, t.candidate_users,
         t.due_date, t.created_at, i.severity, i.category, i.reporting_unit_id
  FROM inbox_changed_reports r
  JOIN incident i ON i.number = r.incident_number
  JOIN engine_user_task t ON t.instance_key = (CASE WHEN r.instance_key ~ '^[0-9]{1,18}$' OR (r.instance_key ~ '^[0-9]{19}$' AND r.instance_key <= '9223372036854775807') THEN r.instance_key::bigint END)
  WHERE t.state = 'created'
  ON CONFLICT (task_key) DO UPDATE SET
    report_id = EXCLUDED.report_id, incident_number = EXCLUDED.incident_number, severity = EXCLUDED.severity,
    category = EXCLUDED.category, reporting_unit_id = EXCLUDED.reporting_unit_id
  WHERE (inbox_task.report_id, inbox_task.incident_number, inbox_task.severity, inbox_task.category, inbox_task.reporting_unit_id)
        IS DISTINCT FROM (EXCLUDED.report_id, EXCLUDED.incident_number, EXCLUDED.severity, EXCLUDED.category, EXCLUDED.reporting_unit_id);
  RETURN NULL;
END $$;
