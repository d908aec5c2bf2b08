-- CreateTable
CREATE TABLE "inbox_task_viewer" (
    "task_key" BIGINT NOT NULL,
    "viewer" TEXT NOT NULL,
    "viewers" TEXT[],
    "report_id" TEXT NOT NULL,
    "kind" TEXT,
    "assignee" TEXT,
    "due_date" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "severity" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "reporting_unit_id" TEXT NOT NULL,

    CONSTRAINT "inbox_task_viewer_pkey" PRIMARY KEY ("task_key","viewer")
);


-- Hand-written from here (Prisma 6 declares neither INCLUDE columns nor triggers), docs/adr/0016. The inbox
-- counted and sorted the ~10,000 tasks one office sees by reading them from inbox_task, spread over every
-- page of that table (~2,500 pages). Here each viewer's tasks sit side by side in two covering indexes, in
-- the inbox's two orders, so counting is an index-only scan of a few hundred contiguous pages and a page
-- of the inbox is the first rows of an index walk.
ALTER TABLE "inbox_task_viewer" ALTER COLUMN "viewers" SET NOT NULL;
ALTER TABLE "inbox_task_viewer" ADD CONSTRAINT "inbox_task_viewer_task_key_fkey" FOREIGN KEY ("task_key") REFERENCES "inbox_task"("task_key") ON DELETE CASCADE;
CREATE INDEX "inbox_task_viewer_due_idx" ON "inbox_task_viewer" ("viewer", "due_date", "created_at", "task_key")
  INCLUDE ("viewers", "report_id", "kind", "assignee", "severity", "category", "reporting_unit_id");
CREATE INDEX "inbox_task_viewer_created_idx" ON "inbox_task_viewer" ("viewer", "created_at", "task_key")
  INCLUDE ("viewers", "report_id", "kind", "assignee", "due_date", "severity", "category", "reporting_unit_id");
-- An index-only scan reads the table for every row on a page the visibility map does not mark all-visible,
-- and every change of a task clears its page's bit until the next VACUUM: vacuum this table after ~1% of it
-- changed rather than the default 20% (PostgreSQL's autovacuum; PGlite runs none).
ALTER TABLE "inbox_task_viewer" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 500,
  autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 500);

-- A task's viewers: `group:` each candidate group, `user:` each candidate user and the assignee (a user who
-- is both is one viewer). The inbox asks for the caller's groups and `user:<username>`: a task is visible
-- exactly when one of them is among its viewers, as inbox_task's candidate test.
CREATE FUNCTION inbox_task_viewers(candidate_groups TEXT[], candidate_users TEXT[], assignee TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT v ORDER BY v), '{}') FROM (
    SELECT 'group:' || g FROM unnest(candidate_groups) g
    UNION ALL SELECT 'user:' || u FROM unnest(candidate_users) u
    UNION ALL SELECT 'user:' || assignee) s(v)
  WHERE v IS NOT NULL $$;

-- The rows of one inbox_task row, in inbox_task_viewer's column order.
CREATE FUNCTION inbox_task_viewer_rows(x inbox_task) RETURNS SETOF inbox_task_viewer LANGUAGE sql STABLE AS $$
  SELECT x.task_key, v, s.vs, x.report_id, x.kind, x.assignee, x.due_date, x.created_at, x.severity, x.category, x.reporting_unit_id
  FROM (SELECT inbox_task_viewers(x.candidate_groups, x.candidate_users, x.assignee) AS vs) s, unnest(s.vs) v $$;

-- Written in the transaction that writes inbox_task (its own triggers on the task, report and incident
-- tables, docs/adr/0014), set-based like them; a deleted inbox_task row takes its viewers along (foreign key).
CREATE FUNCTION inbox_task_viewer_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO inbox_task_viewer SELECT r.* FROM inbox_added_tasks x CROSS JOIN LATERAL inbox_task_viewer_rows(x) r;
  RETURN NULL;
END $$;
CREATE TRIGGER "inbox_task_viewer_inserted" AFTER INSERT ON "inbox_task"
  REFERENCING NEW TABLE AS inbox_added_tasks FOR EACH STATEMENT EXECUTE FUNCTION inbox_task_viewer_insert();

-- An updated task (claimed, released, regraded, its due date moved, …) is written again if anything its
-- viewer rows copy changed; a renumbered incident changes none of it.
CREATE FUNCTION inbox_task_viewer_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER "inbox_task_viewer_updated" AFTER UPDATE ON "inbox_task"
  REFERENCING OLD TABLE AS inbox_replaced_tasks NEW TABLE AS inbox_updated_tasks FOR EACH STATEMENT EXECUTE FUNCTION inbox_task_viewer_update();

-- Backfill: the viewers of the open tasks already in the read model.
INSERT INTO inbox_task_viewer SELECT r.* FROM inbox_task x CROSS JOIN LATERAL inbox_task_viewer_rows(x) r;
