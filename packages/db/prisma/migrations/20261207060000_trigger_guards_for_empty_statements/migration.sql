-- Statement-level triggers fire once per statement even when it touched no row, and an engine step runs several
-- such statements on engine_user_task (the waits it ended, the tasks it created: most steps do neither), each
-- cascading through inbox_task's own triggers into monitor_report: about 58 trigger runs per report in the e2e
-- benchmark where about 10 statements changed a task. Each function now returns at once when its transition table
-- is empty (docs/adr/0066). The bodies are otherwise those of the migrations that made them.

CREATE OR REPLACE FUNCTION inbox_task_sync_user_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM inbox_changed_tasks) THEN RETURN NULL; END IF;
  DELETE FROM inbox_task x USING inbox_changed_tasks n WHERE x.task_key = n.key AND n.state <> 'created';
  INSERT INTO inbox_task (task_key, instance_key, report_id, incident_number, kind, assignee, candidate_groups, candidate_users,
                          due_date, created_at, severity, category, reporting_unit_id)
  SELECT n.key, n.instance_key, r.id, i.number, n.custom_headers->>'kind', n.assignee, n.candidate_groups, n.candidate_users,
         n.due_date, n.created_at, i.severity, i.category, i.reporting_unit_id
  FROM inbox_changed_tasks n
  JOIN incident_report r ON r.instance_key = n.instance_key::text
  JOIN incident i ON i.number = r.incident_number
  WHERE n.state = 'created'
  ON CONFLICT (task_key) DO UPDATE SET
    kind = EXCLUDED.kind, assignee = EXCLUDED.assignee, candidate_groups = EXCLUDED.candidate_groups,
    candidate_users = EXCLUDED.candidate_users, due_date = EXCLUDED.due_date, created_at = EXCLUDED.created_at
  WHERE (inbox_task.kind, inbox_task.assignee, inbox_task.candidate_groups, inbox_task.candidate_users, inbox_task.due_date, inbox_task.created_at)
        IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.assignee, EXCLUDED.candidate_groups, EXCLUDED.candidate_users, EXCLUDED.due_date, EXCLUDED.created_at);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION inbox_task_sync_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM inbox_changed_reports) THEN RETURN NULL; END IF;
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

CREATE OR REPLACE FUNCTION inbox_task_sync_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM inbox_changed_incidents) THEN RETURN NULL; END IF;
  UPDATE inbox_task x SET severity = i.severity, category = i.category, reporting_unit_id = i.reporting_unit_id
  FROM inbox_changed_incidents i
  WHERE x.incident_number = i.number
    AND (x.severity, x.category, x.reporting_unit_id) IS DISTINCT FROM (i.severity, i.category, i.reporting_unit_id);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION inbox_task_viewer_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM inbox_added_tasks) THEN RETURN NULL; END IF;
  INSERT INTO inbox_task_viewer SELECT r.* FROM inbox_added_tasks x CROSS JOIN LATERAL inbox_task_viewer_rows(x) r;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION inbox_task_viewer_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM inbox_updated_tasks) THEN RETURN NULL; END IF;
  DELETE FROM inbox_task_viewer w USING inbox_updated_tasks n JOIN inbox_replaced_tasks o ON o.task_key = n.task_key
  WHERE w.task_key = n.task_key
    AND (o.report_id, o.kind, o.assignee, o.candidate_groups, o.candidate_users, o.due_date, o.created_at, o.severity, o.category, o.reporting_unit_id)
        IS DISTINCT FROM (n.report_id, n.kind, n.assignee, n.candidate_groups, n.candidate_users, n.due_date, n.created_at, n.severity, n.category, n.reporting_unit_id);
  INSERT INTO inbox_task_viewer
  SELECT r.* FROM inbox_updated_tasks n JOIN inbox_replaced_tasks o ON o.task_key = n.task_key CROSS JOIN LATERAL inbox_task_viewer_rows(n) r
  WHERE (o.report_id, o.kind, o.assignee, o.candidate_groups, o.candidate_users, o.due_date, o.created_at, o.severity, o.category, o.reporting_unit_id)
        IS DISTINCT FROM (n.report_id, n.kind, n.assignee, n.candidate_groups, n.candidate_users, n.due_date, n.created_at, n.severity, n.category, n.reporting_unit_id);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM monitor_changed_reports) THEN RETURN NULL; END IF;
  PERFORM monitor_report_refresh(ARRAY(SELECT n.id FROM monitor_changed_reports n));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a transition table is named only for the events that have it, and each query is planned when reached: one branch each
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT FROM monitor_old_tasks) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT FROM monitor_new_tasks) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT DISTINCT n.report_id FROM monitor_new_tasks n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT n.report_id FROM monitor_new_tasks n UNION SELECT o.report_id FROM monitor_old_tasks o));
  ELSE
    PERFORM monitor_report_refresh(ARRAY(SELECT DISTINCT o.report_id FROM monitor_old_tasks o));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a transition table is named only for the events that have it, and each query is planned when reached: one branch each
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT FROM monitor_old_clocks) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT FROM monitor_new_clocks) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT DISTINCT n.report_id FROM monitor_new_clocks n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT n.report_id FROM monitor_new_clocks n UNION SELECT o.report_id FROM monitor_old_clocks o));
  ELSE
    PERFORM monitor_report_refresh(ARRAY(SELECT DISTINCT o.report_id FROM monitor_old_clocks o));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a transition table is named only for the events that have it, and each query is planned when reached: one branch each
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT FROM monitor_old_incidents) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT FROM monitor_new_incidents) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT DISTINCT n.instance_key FROM monitor_new_incidents n) n ON r.instance_key = n.instance_key::text));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT n.instance_key FROM monitor_new_incidents n UNION SELECT o.instance_key FROM monitor_old_incidents o) n ON r.instance_key = n.instance_key::text));
  ELSE
    PERFORM monitor_report_refresh(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT DISTINCT o.instance_key FROM monitor_old_incidents o) n ON r.instance_key = n.instance_key::text));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_instances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM monitor_new_instances) THEN RETURN NULL; END IF;
  PERFORM monitor_report_refresh(ARRAY(SELECT m.report_id FROM monitor_report m JOIN monitor_new_instances n ON m.instance_key = n.key::text));
  RETURN NULL;
END $$;
