-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "chain_seq" INTEGER,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prev_hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_incident_number_chain_seq_key" ON "audit_event"("incident_number", "chain_seq");



-- Hand-written from here (Prisma 6 declares no triggers), docs/adr/0026: the audit trail is a hash chain per incident,
-- and append-only.
--
-- An entry's hash covers its content and the hash of the entry before it in its incident's chain. jsonb's text form is
-- canonical (keys ordered, spacing fixed) and the time is written in UTC, so the same row always hashes the same.
CREATE FUNCTION audit_event_hash(prev TEXT, e audit_event) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    coalesce(prev, ''), e.chain_seq::text, e.incident_number, coalesce(e.report_id, ''),
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), coalesce(e.actor_id, ''), e.actor_name, e.action,
    e.detail::text, coalesce(e.ip, ''), coalesce(e.dedupe_key, '')), 'UTF8')), 'hex')
$$;

-- Every insert, by whichever writer (API, job handlers, an engine step's transaction), is chained here: the incident's
-- chain is locked for the transaction, the entry takes the next place and the last entry's hash.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_entry RECORD;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('kuaibao.audit_event:' || NEW.incident_number));
  SELECT chain_seq, hash INTO last_entry FROM audit_event
    WHERE incident_number = NEW.incident_number AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(last_entry.chain_seq, 0) + 1;
  NEW.prev_hash := last_entry.hash;
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END $$;

-- Entries written before this migration are chained now, per incident in the order the dossier shows them.
DO $$
DECLARE
  entry audit_event;
  prev TEXT;
  seq INTEGER;
  current_incident TEXT := NULL;
BEGIN
  FOR entry IN SELECT * FROM audit_event ORDER BY incident_number, at, id LOOP
    IF current_incident IS DISTINCT FROM entry.incident_number THEN
      current_incident := entry.incident_number; prev := NULL; seq := 0;
    END IF;
    seq := seq + 1;
    entry.chain_seq := seq;
    entry.prev_hash := prev;
    entry.hash := audit_event_hash(prev, entry);
    UPDATE audit_event SET chain_seq = entry.chain_seq, prev_hash = entry.prev_hash, hash = entry.hash WHERE id = entry.id;
    prev := entry.hash;
  END LOOP;
END $$;

CREATE TRIGGER "audit_event_chain" BEFORE INSERT ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- Append-only: UPDATE, DELETE and TRUNCATE are refused. The one escape, for a migration that must rewrite the trail (and
-- for undoing a submit that never started, which takes its dossier with it): `SET LOCAL kuaibao.audit_maintenance = 'on'`
-- in that transaction. A rewrite must chain again what it changed (audit_event_hash), or the dossier shows it broken.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kuaibao.audit_maintenance', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
