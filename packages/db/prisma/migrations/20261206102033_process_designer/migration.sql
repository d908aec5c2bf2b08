-- CreateTable
CREATE TABLE "process_draft" (
    "id" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "bpmn_process_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "base_version" INTEGER,
    "findings" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "process_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "process_deployment" (
    "id" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "bpmn_process_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition_key" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "deployed_by" TEXT NOT NULL,
    "deployed_by_name" TEXT NOT NULL,
    "deployed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "draft_id" TEXT,
    "rollback_of" INTEGER,
    "changes" JSONB NOT NULL,
    "findings" JSONB NOT NULL,

    CONSTRAINT "process_deployment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "process_draft_jurisdiction_bpmn_process_id_idx" ON "process_draft"("jurisdiction", "bpmn_process_id");

-- CreateIndex
CREATE UNIQUE INDEX "process_deployment_jurisdiction_bpmn_process_id_version_key" ON "process_deployment"("jurisdiction", "bpmn_process_id", "version");

