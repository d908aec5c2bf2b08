-- CreateTable
CREATE TABLE "inbox_task" (
    "task_key" BIGINT NOT NULL,
    "instance_key" BIGINT NOT NULL,
    "report_id" TEXT NOT NULL,
    "incident_number" TEXT NOT NULL,
    "kind" TEXT,
    "assignee" TEXT,
    "candidate_groups" TEXT[],
    "candidate_users" TEXT[],
    "due_date" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "severity" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "reporting_unit_id" TEXT NOT NULL,

    CONSTRAINT "inbox_task_pkey" PRIMARY KEY ("task_key")
);

-- CreateIndex
CREATE INDEX "inbox_task_assignee_idx" ON "inbox_task"("assignee");

-- CreateIndex
CREATE INDEX "inbox_task_incident_number_idx" ON "inbox_task"("incident_number");

-- CreateIndex
CREATE INDEX "inbox_task_report_id_idx" ON "inbox_task"("report_id");


-- Hand-written from here (Prisma 6 declares neither triggers nor GIN storage options): the inbox's read
-- model is written by triggers, in the transaction of whatever changed (docs/adr/0014). A row exists
-- while the task is open ('created') and its instance has a report; it is gone when the task ends,
-- its report or its instance is deleted.
ALTER TABLE "inbox_task" ADD CONSTRAINT "inbox_task_task_key_fkey" FOREIGN KEY ("task_key") REFERENCES "engine_user_task"("key") ON DELETE CASCADE;
ALTER TABLE "inbox_task" ADD CONSTRAINT "inbox_task_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "incident_report"("id") ON DELETE CASCADE;

-- Who may act: one index per branch of the visibility test, as on engine_user_task. fastupdate off: a
-- GIN index's pending list is scanned in full by every query until VACUUM merges it, which made the
-- candidate-user branch (empty arrays on nearly every task) cost the inbox ~10 ms a request.
CREATE INDEX "inbox_task_candidate_groups_idx" ON "inbox_task" USING GIN ("candidate_groups") WITH (fastupdate = off);
CREATE INDEX "inbox_task_candidate_users_idx" ON "inbox_task" USING GIN ("candidate_users") WITH (fastupdate = off);

-- A user task inserted or updated (created, claimed, completed, canceled, …): open ones of instances with
-- a report are written, others removed. Statement-level with a transition table: an engine step that
-- writes several tasks runs this once, set-based.
CREATE FUNCTION inbox_task_sync_user_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER "inbox_task_user_task_inserted" AFTER INSERT ON "engine_user_task"
  REFERENCING NEW TABLE AS inbox_changed_tasks FOR EACH STATEMENT EXECUTE FUNCTION inbox_task_sync_user_tasks();
CREATE TRIGGER "inbox_task_user_task_updated" AFTER UPDATE ON "engine_user_task"
  REFERENCING NEW TABLE AS inbox_changed_tasks FOR EACH STATEMENT EXECUTE FUNCTION inbox_task_sync_user_tasks();

-- A report linked to its instance (the API links it once the engine has started the instance, so its
-- first tasks may already exist): the instance's open tasks enter the inbox, or follow the report if
-- they were there (its incident renumbered by ON UPDATE CASCADE). Instance keys are the engine's
-- decimal keys; anything else links no task.
CREATE FUNCTION inbox_task_sync_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO inbox_task (task_key, instance_key, report_id, incident_number, kind, assignee, candidate_groups, candidate_users,
                          due_date, created_at, severity, category, reporting_unit_id)
  SELECT t.key, t.instance_key, r.id, i.number, t.custom_headers->>'kind', t.assignee, t.candidate_groups, t.candidate_users,
         t.due_date, t.created_at, i.severity, i.category, i.reporting_unit_id
  FROM inbox_changed_reports r
  JOIN incident i ON i.number = r.incident_number
  JOIN engine_user_task t ON t.instance_key = (CASE WHEN r.instance_key ~ '^[0-9]{1,18}$' THEN r.instance_key::bigint END)
  WHERE t.state = 'created'
  ON CONFLICT (task_key) DO UPDATE SET
    report_id = EXCLUDED.report_id, incident_number = EXCLUDED.incident_number, severity = EXCLUDED.severity,
    category = EXCLUDED.category, reporting_unit_id = EXCLUDED.reporting_unit_id
  WHERE (inbox_task.report_id, inbox_task.incident_number, inbox_task.severity, inbox_task.category, inbox_task.reporting_unit_id)
        IS DISTINCT FROM (EXCLUDED.report_id, EXCLUDED.incident_number, EXCLUDED.severity, EXCLUDED.category, EXCLUDED.reporting_unit_id);
  RETURN NULL;
END $$;
CREATE TRIGGER "inbox_task_report_inserted" AFTER INSERT ON "incident_report"
  REFERENCING NEW TABLE AS inbox_changed_reports FOR EACH STATEMENT EXECUTE FUNCTION inbox_task_sync_reports();
CREATE TRIGGER "inbox_task_report_updated" AFTER UPDATE ON "incident_report"
  REFERENCING NEW TABLE AS inbox_changed_reports FOR EACH STATEMENT EXECUTE FUNCTION inbox_task_sync_reports();

-- An incident regraded or moved (its header follows the latest received report): its open tasks follow.
CREATE FUNCTION inbox_task_sync_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE inbox_task x SET severity = i.severity, category = i.category, reporting_unit_id = i.reporting_unit_id
  FROM inbox_changed_incidents i
  WHERE x.incident_number = i.number
    AND (x.severity, x.category, x.reporting_unit_id) IS DISTINCT FROM (i.severity, i.category, i.reporting_unit_id);
  RETURN NULL;
END $$;
CREATE TRIGGER "inbox_task_incident_updated" AFTER UPDATE ON "incident"
  REFERENCING NEW TABLE AS inbox_changed_incidents FOR EACH STATEMENT EXECUTE FUNCTION inbox_task_sync_incidents();

-- Backfill: the open tasks of existing instances with reports.
INSERT INTO inbox_task (task_key, instance_key, report_id, incident_number, kind, assignee, candidate_groups, candidate_users,
                        due_date, created_at, severity, category, reporting_unit_id)
SELECT t.key, t.instance_key, r.id, i.number, t.custom_headers->>'kind', t.assignee, t.candidate_groups, t.candidate_users,
       t.due_date, t.created_at, i.severity, i.category, i.reporting_unit_id
FROM engine_user_task t
JOIN incident_report r ON r.instance_key = t.instance_key::text
JOIN incident i ON i.number = r.incident_number
WHERE t.state = 'created';
