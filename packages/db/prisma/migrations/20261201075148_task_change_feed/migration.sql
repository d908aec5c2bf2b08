-- AlterTable
ALTER TABLE "engine_user_task" ADD COLUMN     "changed_xid" BIGINT DEFAULT (pg_current_xact_id())::text::bigint,
ADD COLUMN     "created_xid" BIGINT DEFAULT (pg_current_xact_id())::text::bigint,
ADD COLUMN     "former_assignee" TEXT;

-- CreateIndex
CREATE INDEX "engine_user_task_changed_xid_idx" ON "engine_user_task"("changed_xid");



-- Hand-written from here (Prisma 6 declares no triggers), docs/adr/0017. The live inbox announces the user tasks
-- created, claimed, released and ended since its last look by reading the rows whose changed_xid lies between
-- its cursor and the oldest transaction still running (every transaction below that one has ended, so no
-- change below it can still appear), instead of reading every open task on every look. A row's defaults
-- record the transaction that inserts it; this trigger the one that changes its state or assignee.
CREATE FUNCTION engine_user_task_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id()::text::bigint;
  IF NEW.assignee IS DISTINCT FROM OLD.assignee THEN NEW.former_assignee := OLD.assignee; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "engine_user_task_changed" BEFORE UPDATE ON "engine_user_task" FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.assignee IS DISTINCT FROM NEW.assignee)
  EXECUTE FUNCTION engine_user_task_changed();
