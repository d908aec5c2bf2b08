-- 流程监控 search (issue 22, docs/adr/0040): the running reports are a few thousand among millions of finished
-- ones. Partial indexes hold only the running ones (and only the open clocks), so the search reads them and never
-- the finished rows. Hand-written: Prisma 6 declares no partial index (the schema files stay as they are).
CREATE INDEX "incident_report_running_idx" ON "incident_report" ("created_at")
  WHERE "instance_key" IS NOT NULL AND "status" IN ('submitting', 'verifying', 'signing', 'reported', 'requested', 'phone_answered');

CREATE INDEX "report_clock_open_due_idx" ON "report_clock" ("due_at", "report_id") WHERE "status" = 'open';

CREATE INDEX "inbox_task_report_created_idx" ON "inbox_task" ("report_id", "created_at");
