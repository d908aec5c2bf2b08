-- monitor_report (docs/adr/0045) was recomputed by every statement that touched a report's tasks, clocks, status,
-- incidents or instance: ~23 times per report in the e2e benchmark, most of them in the same few transactions. Its
-- triggers now only note the reports they touched, once per transaction, in `monitor_report_pending`; a deferred
-- constraint trigger on that table recomputes the noted rows once, at commit, from the transaction's final state
-- (docs/adr/0067). Within the transaction that changed a report, its row is the one of before until it commits.

-- The reports noted by the running transaction. Keyed by the transaction too, so that two transactions noting the
-- same report do not wait on each other's key; each transaction deletes its own rows at commit (a rolled-back one's
-- rows are never visible). Unlogged: a row outlives no transaction, so a crash loses nothing the table should hold.
CREATE UNLOGGED TABLE "monitor_report_pending" (
    "tx" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "report_id" TEXT NOT NULL,
    CONSTRAINT "monitor_report_pending_pkey" PRIMARY KEY ("tx", "report_id")
);

-- Notes reports to recompute at commit; a report already noted by this transaction is not noted again (and so
-- queues no second commit-time event).
CREATE FUNCTION monitor_report_note(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO monitor_report_pending (report_id) SELECT DISTINCT id FROM unnest(ids) id WHERE id IS NOT NULL
  ON CONFLICT DO NOTHING;
END $$;

-- At commit: the first event takes all of this transaction's noted reports (in key order, as the locks of
-- monitor_report's rows are then taken) and recomputes them in one call; the events of the other rows find none left.
CREATE FUNCTION monitor_report_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  WITH taken AS (DELETE FROM monitor_report_pending WHERE tx = pg_current_xact_id() RETURNING report_id)
  SELECT array_agg(report_id ORDER BY report_id) INTO ids FROM taken;
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM monitor_report_refresh(ids);
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "monitor_report_pending_flush" AFTER INSERT ON "monitor_report_pending"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION monitor_report_flush();

-- The triggers of 20261206173000_monitor_report (with the guards of 20261207060000) note instead of recomputing.
-- The row-level ones still find the reports through monitor_report as it was at the transaction's start: a report
-- that became running in this transaction is noted already (its status or tasks changed), and is recomputed from
-- the final state at commit.

CREATE OR REPLACE FUNCTION monitor_report_sync_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM monitor_changed_reports) THEN RETURN NULL; END IF;
  PERFORM monitor_report_note(ARRAY(SELECT n.id FROM monitor_changed_reports n));
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
    PERFORM monitor_report_note(ARRAY(SELECT n.report_id FROM monitor_new_tasks n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_note(ARRAY(SELECT n.report_id FROM monitor_new_tasks n UNION SELECT o.report_id FROM monitor_old_tasks o));
  ELSE
    PERFORM monitor_report_note(ARRAY(SELECT o.report_id FROM monitor_old_tasks o));
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
    PERFORM monitor_report_note(ARRAY(SELECT n.report_id FROM monitor_new_clocks n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_note(ARRAY(SELECT n.report_id FROM monitor_new_clocks n UNION SELECT o.report_id FROM monitor_old_clocks o));
  ELSE
    PERFORM monitor_report_note(ARRAY(SELECT o.report_id FROM monitor_old_clocks o));
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
    PERFORM monitor_report_note(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT DISTINCT n.instance_key FROM monitor_new_incidents n) n ON r.instance_key = n.instance_key::text));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM monitor_report_note(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT n.instance_key FROM monitor_new_incidents n UNION SELECT o.instance_key FROM monitor_old_incidents o) n ON r.instance_key = n.instance_key::text));
  ELSE
    PERFORM monitor_report_note(ARRAY(SELECT r.id FROM incident_report r JOIN (SELECT DISTINCT o.instance_key FROM monitor_old_incidents o) n ON r.instance_key = n.instance_key::text));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_instance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_note(ARRAY(SELECT m.report_id FROM monitor_report m WHERE m.instance_key = NEW.key::text));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_instances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT FROM monitor_new_instances) THEN RETURN NULL; END IF;
  PERFORM monitor_report_note(ARRAY(SELECT m.report_id FROM monitor_report m JOIN monitor_new_instances n ON m.instance_key = n.key::text));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_note(ARRAY(SELECT m.report_id FROM monitor_report m WHERE m.incident_number = NEW.number));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_note(ARRAY(SELECT m.report_id FROM monitor_report m WHERE m.unit_id = NEW.id));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monitor_report_sync_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitor_report_note(ARRAY(SELECT m.report_id FROM monitor_report m WHERE NEW.username = ANY (m.assignees)));
  RETURN NULL;
END $$;
