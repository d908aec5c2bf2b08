-- issue 22 item 4 (docs/adr/0059): time spent per element reads a version's instances started in a window; their
-- jobs and user tasks are then found by their (instance_key, element_instance) keys. Neither column changes after
-- the insert, so the engine's per-step updates of the row stay HOT.
CREATE INDEX "engine_instance_definition_key_started_at_idx" ON "engine_instance"("definition_key", "started_at");
