-- monitor_report's commit-time recompute (20261207090100, docs/adr/0067) was a deferred constraint trigger on each row
-- of monitor_report_pending: one event per report a transaction noted. The first event took all the rows and
-- recomputed them; each later one ran the same DELETE … WHERE tx = pg_current_xact_id(), which walked every row the
-- first had deleted (deleted by the running transaction, so still in the index and not yet dead to others). A
-- transaction that noted N reports did O(N²) work at commit: 4,000 reports 1.1 s, 8,000 3.3 s, 16,000 14 s on PGlite
-- (an import renaming a unit, a migration batch, the inbox benchmark's fixture of 100,000 tasks, which never loaded).
-- Now the event is on a row of its own, one per transaction: monitor_report_flush_due, inserted by the note that
-- first queues a report and deleted by the flush; a note after a flush (SET CONSTRAINTS … IMMEDIATE) queues it again
-- (docs/adr/0079).

CREATE UNLOGGED TABLE "monitor_report_flush_due" (
    "tx" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT "monitor_report_flush_due_pkey" PRIMARY KEY ("tx")
);

CREATE OR REPLACE FUNCTION monitor_report_note(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO monitor_report_pending (report_id) SELECT DISTINCT id FROM unnest(ids) id WHERE id IS NOT NULL
  ON CONFLICT DO NOTHING;
  IF FOUND THEN
    INSERT INTO monitor_report_flush_due DEFAULT VALUES ON CONFLICT DO NOTHING;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  DELETE FROM monitor_report_flush_due WHERE tx = pg_current_xact_id();
  WITH taken AS (DELETE FROM monitor_report_pending WHERE tx = pg_current_xact_id() RETURNING report_id)
  SELECT array_agg(report_id ORDER BY report_id) INTO ids FROM taken;
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM monitor_report_refresh(ids);
  RETURN NULL;
END $$;

DROP TRIGGER "monitor_report_pending_flush" ON "monitor_report_pending";
CREATE CONSTRAINT TRIGGER "monitor_report_flush_due_flush" AFTER INSERT ON "monitor_report_flush_due"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION monitor_report_flush();
