-- 流程监控's read model (issue 22, docs/adr/0045): one row per running report — the statuses of the domain's
-- RUNNING_REPORT_STATUSES (the same literals as `incident_report_running_idx` of 20261206140000_trace_monitor: keep
-- the three in step) or stopped at a failed step — with everything the search filters and sorts by, kept by triggers
-- in the transaction of whatever changed (as `inbox_task`, docs/adr/0014). The search reads this table alone.
-- Hand-written and not in prisma/schema: Prisma declares no trigger, and the table is only read by raw SQL.
CREATE TABLE "monitor_report" (
    "report_id" TEXT NOT NULL,
    "instance_key" TEXT NOT NULL,
    "report_kind" TEXT NOT NULL,
    "report_status" TEXT NOT NULL,
    "incident_number" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "title" TEXT NOT NULL,
    "classified" BOOLEAN NOT NULL,
    "unit_id" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "division_code" TEXT NOT NULL,
    "bpmn_process_id" TEXT,
    "version" INTEGER,
    -- the oldest open task's creation, else the report's last change
    "waiting_since" TIMESTAMPTZ(3) NOT NULL,
    -- the earliest deadline of an open clock: overdue when it is past (the search compares it with its own now)
    "next_due_at" TIMESTAMPTZ(3),
    "failed_steps" INTEGER NOT NULL,
    -- the open tasks' kinds, assignees (usernames) and the assignees' display names (lower-cased, space-separated, for "contains")
    "step_kinds" TEXT[] NOT NULL,
    "assignees" TEXT[] NOT NULL,
    "assignee_names" TEXT NOT NULL,
    -- lower(number, title, unit name): the free-text search is a case-sensitive LIKE on it (ILIKE lowers every row's
    -- multibyte text again on each search: 64 ms of 66 for 10,000 rows on PostgreSQL)
    "search_text" TEXT NOT NULL,
    CONSTRAINT "monitor_report_pkey" PRIMARY KEY ("report_id"),
    CONSTRAINT "monitor_report_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "incident_report"("id") ON DELETE CASCADE
);

-- One index per sort (the page is read in index order: 20 rows, not 10,000), and the key lookups of the triggers.
CREATE INDEX "monitor_report_waiting_idx" ON "monitor_report" ("waiting_since", "report_id");
CREATE INDEX "monitor_report_created_idx" ON "monitor_report" ("created_at", "report_id");
CREATE INDEX "monitor_report_number_idx" ON "monitor_report" ("incident_number", "report_id");
CREATE INDEX "monitor_report_due_idx" ON "monitor_report" ("next_due_at", "report_id");
CREATE INDEX "monitor_report_instance_idx" ON "monitor_report" ("instance_key");
CREATE INDEX "monitor_report_unit_idx" ON "monitor_report" ("unit_id");
CREATE INDEX "monitor_report_process_idx" ON "monitor_report" ("bpmn_process_id", "version");
CREATE INDEX "monitor_report_division_idx" ON "monitor_report" ("division_code" text_pattern_ops);
CREATE INDEX "monitor_report_failed_idx" ON "monitor_report" ("report_id") WHERE "failed_steps" > 0;

-- Recomputes the rows of these reports from the business tables: written when running, removed when not.
-- Set-based: a statement that changes many rows (a bulk load, an engine step with several tasks) calls it once.
CREATE FUNCTION monitor_report_refresh(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  WITH candidates AS MATERIALIZED (
    SELECT r.id, r.instance_key, r.kind, r.status, r.incident_number, r.created_at, r.updated_at, k.key
    FROM incident_report r
    -- the engine's keys are decimal bigints (up to 19 digits); anything else has no engine rows
    CROSS JOIN LATERAL (SELECT CASE WHEN r.instance_key ~ '^[0-9]{1,19}$' AND r.instance_key::numeric <= 9223372036854775807
                                    THEN r.instance_key::bigint END AS key) k
    WHERE r.id = ANY (ids) AND r.instance_key IS NOT NULL
      AND (r.status IN ('submitting', 'verifying', 'signing', 'reported', 'requested', 'phone_answered')
           OR EXISTS (SELECT 1 FROM engine_incident e WHERE e.state = 'active' AND e.instance_key = k.key))
  ),
  fresh AS (
    SELECT c.id AS report_id, c.instance_key, c.kind AS report_kind, c.status AS report_status, c.incident_number, c.created_at,
           i.title, i.classified, u.id AS unit_id, u.name AS unit_name, u.division_code, ei.bpmn_process_id, ei.version,
           COALESCE(w.since, c.updated_at) AS waiting_since, d.due AS next_due_at, f.n AS failed_steps,
           COALESCE(w.kinds, '{}') AS step_kinds, COALESCE(w.assignees, '{}') AS assignees, lower(COALESCE(w.names, '')) AS assignee_names,
           lower(c.incident_number || E'\n' || i.title || E'\n' || u.name) AS search_text
    FROM candidates c
    JOIN incident i ON i.number = c.incident_number
    JOIN org_unit u ON u.id = i.reporting_unit_id
    LEFT JOIN engine_instance ei ON ei.key = c.key
    CROSS JOIN LATERAL (
      SELECT min(t.created_at) AS since,
             array_agg(DISTINCT t.kind) FILTER (WHERE t.kind IS NOT NULL) AS kinds,
             array_agg(DISTINCT t.assignee) FILTER (WHERE t.assignee IS NOT NULL) AS assignees,
             string_agg(DISTINCT au.display_name, ' ') AS names
      FROM inbox_task t LEFT JOIN app_user au ON au.username = t.assignee WHERE t.report_id = c.id) w
    CROSS JOIN LATERAL (SELECT min(o.due_at) AS due FROM report_clock o WHERE o.report_id = c.id AND o.status = 'open') d
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM engine_incident e WHERE e.state = 'active' AND e.instance_key = c.key) f
  ),
  gone AS (
    DELETE FROM monitor_report m WHERE m.report_id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.report_id = m.report_id)
  )
  INSERT INTO monitor_report AS m (report_id, instance_key, report_kind, report_status, incident_number, created_at, title, classified,
                                   unit_id, unit_name, division_code, bpmn_process_id, version, waiting_since, next_due_at, failed_steps,
                                   step_kinds, assignees, assignee_names, search_text)
  SELECT report_id, instance_key, report_kind, report_status, incident_number, created_at, title, classified,
         unit_id, unit_name, division_code, bpmn_process_id, version, waiting_since, next_due_at, failed_steps,
         step_kinds, assignees, assignee_names, search_text
  FROM fresh
  ON CONFLICT (report_id) DO UPDATE SET
    instance_key = EXCLUDED.instance_key, report_kind = EXCLUDED.report_kind, report_status = EXCLUDED.report_status,
    incident_number = EXCLUDED.incident_number, created_at = EXCLUDED.created_at, title = EXCLUDED.title, classified = EXCLUDED.classified,
    unit_id = EXCLUDED.unit_id, unit_name = EXCLUDED.unit_name, division_code = EXCLUDED.division_code,
    bpmn_process_id = EXCLUDED.bpmn_process_id, version = EXCLUDED.version, waiting_since = EXCLUDED.waiting_since,
    next_due_at = EXCLUDED.next_due_at, failed_steps = EXCLUDED.failed_steps, step_kinds = EXCLUDED.step_kinds,
    assignees = EXCLUDED.assignees, assignee_names = EXCLUDED.assignee_names, search_text = EXCLUDED.search_text
  WHERE ROW(m.*) IS DISTINCT FROM ROW(EXCLUDED.*);
END $$;

-- The writes that change a row. Statement-level with transition tables (one call per statement, set-based); named
-- monitor_* so they fire after the inbox_* triggers of the same table (PostgreSQL fires them in name order).

-- A report inserted or changed (status, link to its instance, renumbered incident).
CREATE FUNCTION monitor_report_sync_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_refresh(ARRAY(SELECT n.id FROM monitor_changed_reports n));
  RETURN NULL;
END $$;
CREATE TRIGGER "monitor_report_report_inserted" AFTER INSERT ON "incident_report"
  REFERENCING NEW TABLE AS monitor_changed_reports FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_reports();
CREATE TRIGGER "monitor_report_report_updated" AFTER UPDATE ON "incident_report"
  REFERENCING NEW TABLE AS monitor_changed_reports FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_reports();

-- An open task entered, changed (claimed, reassigned) or left the inbox read model.
CREATE FUNCTION monitor_report_sync_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT DISTINCT n.report_id FROM monitor_new_tasks n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT n.report_id FROM monitor_new_tasks n UNION SELECT o.report_id FROM monitor_old_tasks o));
  ELSE
    PERFORM monitor_report_refresh(ARRAY(SELECT DISTINCT o.report_id FROM monitor_old_tasks o));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "monitor_report_task_inserted" AFTER INSERT ON "inbox_task"
  REFERENCING NEW TABLE AS monitor_new_tasks FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_tasks();
CREATE TRIGGER "monitor_report_task_updated" AFTER UPDATE ON "inbox_task"
  REFERENCING OLD TABLE AS monitor_old_tasks NEW TABLE AS monitor_new_tasks FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_tasks();
CREATE TRIGGER "monitor_report_task_deleted" AFTER DELETE ON "inbox_task"
  REFERENCING OLD TABLE AS monitor_old_tasks FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_tasks();

-- A statutory clock started, stopped, extended or removed.
CREATE FUNCTION monitor_report_sync_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT DISTINCT n.report_id FROM monitor_new_clocks n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT n.report_id FROM monitor_new_clocks n UNION SELECT o.report_id FROM monitor_old_clocks o));
  ELSE
    PERFORM monitor_report_refresh(ARRAY(SELECT DISTINCT o.report_id FROM monitor_old_clocks o));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "monitor_report_clock_inserted" AFTER INSERT ON "report_clock"
  REFERENCING NEW TABLE AS monitor_new_clocks FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_clocks();
CREATE TRIGGER "monitor_report_clock_updated" AFTER UPDATE ON "report_clock"
  REFERENCING OLD TABLE AS monitor_old_clocks NEW TABLE AS monitor_new_clocks FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_clocks();
CREATE TRIGGER "monitor_report_clock_deleted" AFTER DELETE ON "report_clock"
  REFERENCING OLD TABLE AS monitor_old_clocks FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_clocks();

-- A step failed (an incident raised) or was resolved: the report is found by the failed filter, whatever its status.
CREATE FUNCTION monitor_report_sync_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT DISTINCT n.instance_key FROM monitor_new_incidents n) n ON r.instance_key = n.instance_key::text));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_refresh(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT n.instance_key FROM monitor_new_incidents n UNION SELECT o.instance_key FROM monitor_old_incidents o) n ON r.instance_key = n.instance_key::text));
  ELSE
    PERFORM monitor_report_refresh(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT DISTINCT o.instance_key FROM monitor_old_incidents o) n ON r.instance_key = n.instance_key::text));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "monitor_report_incident_inserted" AFTER INSERT ON "engine_incident"
  REFERENCING NEW TABLE AS monitor_new_incidents FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_incidents();
CREATE TRIGGER "monitor_report_incident_updated" AFTER UPDATE ON "engine_incident"
  REFERENCING OLD TABLE AS monitor_old_incidents NEW TABLE AS monitor_new_incidents FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_incidents();
CREATE TRIGGER "monitor_report_incident_deleted" AFTER DELETE ON "engine_incident"
  REFERENCING OLD TABLE AS monitor_old_incidents FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_incidents();

-- Rarer changes, row-level and only when a column the read model carries changed (the engine updates an instance at
-- every step; its process and version change only when it is migrated): the instance's process or version, the
-- dossier's title, classification or unit, a unit's name or division, an assignee's display name.
CREATE FUNCTION monitor_report_sync_instance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_refresh(ARRAY(SELECT m.report_id FROM monitor_report m WHERE m.instance_key = NEW.key::text));
  RETURN NULL;
END $$;
-- an instance started after its report was linked to its key (statement-level: a bulk load is one join)
CREATE FUNCTION monitor_report_sync_instances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_refresh(ARRAY(SELECT m.report_id FROM monitor_report m JOIN monitor_new_instances n ON m.instance_key = n.key::text));
  RETURN NULL;
END $$;
CREATE TRIGGER "monitor_report_instance_inserted" AFTER INSERT ON "engine_instance"
  REFERENCING NEW TABLE AS monitor_new_instances FOR EACH STATEMENT EXECUTE FUNCTION monitor_report_sync_instances();
CREATE TRIGGER "monitor_report_instance_updated" AFTER UPDATE OF "bpmn_process_id", "version" ON "engine_instance"
  FOR EACH ROW WHEN ((OLD.bpmn_process_id, OLD.version) IS DISTINCT FROM (NEW.bpmn_process_id, NEW.version))
  EXECUTE FUNCTION monitor_report_sync_instance();

CREATE FUNCTION monitor_report_sync_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_refresh(ARRAY(SELECT m.report_id FROM monitor_report m WHERE m.incident_number = NEW.number));
  RETURN NULL;
END $$;
CREATE TRIGGER "monitor_report_dossier_updated" AFTER UPDATE ON "incident"
  FOR EACH ROW WHEN ((OLD.title, OLD.classified, OLD.reporting_unit_id) IS DISTINCT FROM (NEW.title, NEW.classified, NEW.reporting_unit_id))
  EXECUTE FUNCTION monitor_report_sync_dossier();

CREATE FUNCTION monitor_report_sync_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_refresh(ARRAY(SELECT m.report_id FROM monitor_report m WHERE m.unit_id = NEW.id));
  RETURN NULL;
END $$;
CREATE TRIGGER "monitor_report_unit_updated" AFTER UPDATE ON "org_unit"
  FOR EACH ROW WHEN ((OLD.name, OLD.division_code) IS DISTINCT FROM (NEW.name, NEW.division_code))
  EXECUTE FUNCTION monitor_report_sync_unit();

CREATE FUNCTION monitor_report_sync_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_refresh(ARRAY(SELECT m.report_id FROM monitor_report m WHERE NEW.username = ANY (m.assignees)));
  RETURN NULL;
END $$;
CREATE TRIGGER "monitor_report_user_updated" AFTER UPDATE ON "app_user"
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name)
  EXECUTE FUNCTION monitor_report_sync_user();

-- Backfill: the reports running now.
SELECT monitor_report_refresh(ARRAY(
  SELECT r.id FROM incident_report r
  WHERE r.instance_key IS NOT NULL AND r.status IN ('submitting', 'verifying', 'signing', 'reported', 'requested', 'phone_answered')
  UNION
  SELECT r.id FROM engine_incident e JOIN incident_report r ON r.instance_key = e.instance_key::text WHERE e.state = 'active'));
