-- 批量迁移 (docs/adr/0062): a background migration batch and its instances, so a restarted server resumes it.
-- CreateTable
CREATE TABLE "migration_batch" (
    "id" TEXT NOT NULL,
    "bpmn_process_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "source_definition_key" BIGINT NOT NULL,
    "source_version" INTEGER NOT NULL,
    "target_definition_key" BIGINT NOT NULL,
    "target_version" INTEGER NOT NULL,
    "mappings" JSONB NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "migration_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "migration_batch_item" (
    "batch_id" TEXT NOT NULL,
    "instance_key" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "incident_number" TEXT,
    "result" JSONB,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "migration_batch_item_pkey" PRIMARY KEY ("batch_id","instance_key")
);

-- CreateIndex
CREATE INDEX "migration_batch_state_idx" ON "migration_batch"("state");

-- CreateIndex
CREATE INDEX "migration_batch_item_batch_id_state_idx" ON "migration_batch_item"("batch_id", "state");

-- AddForeignKey
ALTER TABLE "migration_batch_item" ADD CONSTRAINT "migration_batch_item_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "migration_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

