-- A report's status changes four to five times per report (submitted, verified, signed, received), and each UPDATE of
-- incident_report ran inbox_task_sync_reports in full: the join of the report to its instance's open tasks and an
-- INSERT … ON CONFLICT that changed nothing (~0.6 ms of PGlite per run, the costliest read-model function of a report
-- in the e2e benchmark). Of a report the inbox takes only the instance it is linked to and its incident's number
-- (renumbered by ON UPDATE CASCADE); `id` never changes. On an update the function now returns at once unless one of
-- those changed, which the update trigger sees by comparing its rows before and after (docs/adr/0078). The body is
-- otherwise that of 20261207060000.

CREATE OR REPLACE FUNCTION inbox_task_sync_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM inbox_changed_reports) THEN RETURN NULL; END IF;
  -- the old rows are named only by the update trigger, and a query is planned when reached: a branch of its own
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT FROM inbox_changed_reports n JOIN inbox_replaced_reports o ON o.id = n.id
      WHERE (o.instance_key, o.incident_number) IS DISTINCT FROM (n.instance_key, n.incident_number)
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
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

DROP TRIGGER "inbox_task_report_updated" ON "incident_report";
CREATE TRIGGER "inbox_task_report_updated" AFTER UPDATE ON "incident_report"
  REFERENCING OLD TABLE AS inbox_replaced_reports NEW TABLE AS inbox_changed_reports
  FOR EACH STATEMENT EXECUTE FUNCTION inbox_task_sync_reports();
