-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "engine_definition" (
    "key" BIGINT NOT NULL,
    "bpmn_process_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "resource_name" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "deployed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engine_definition_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "engine_instance" (
    "key" BIGINT NOT NULL,
    "definition_key" BIGINT NOT NULL,
    "bpmn_process_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "business_key" TEXT,
    "state" TEXT NOT NULL,
    "engine_state" JSONB NOT NULL,
    "variables" JSONB NOT NULL,
    "active_elements" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "engine_instance_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "engine_job" (
    "key" BIGINT NOT NULL,
    "instance_key" BIGINT NOT NULL,
    "element_id" TEXT NOT NULL,
    "element_instance" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "retries" INTEGER NOT NULL,
    "variables" JSONB NOT NULL,
    "custom_headers" JSONB NOT NULL,
    "worker" TEXT,
    "deadline" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "error_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engine_job_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "engine_user_task" (
    "key" BIGINT NOT NULL,
    "instance_key" BIGINT NOT NULL,
    "element_id" TEXT NOT NULL,
    "element_instance" TEXT NOT NULL,
    "name" TEXT,
    "state" TEXT NOT NULL,
    "assignee" TEXT,
    "candidate_groups" TEXT[],
    "candidate_users" TEXT[],
    "due_date" TIMESTAMPTZ(3),
    "follow_up_date" TIMESTAMPTZ(3),
    "form_key" TEXT,
    "custom_headers" JSONB NOT NULL,
    "variables" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "engine_user_task_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "engine_timer" (
    "key" BIGINT NOT NULL,
    "instance_key" BIGINT NOT NULL,
    "element_id" TEXT NOT NULL,
    "element_instance" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "repetitions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "engine_timer_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "engine_subscription" (
    "key" BIGINT NOT NULL,
    "instance_key" BIGINT NOT NULL,
    "element_id" TEXT NOT NULL,
    "element_instance" TEXT NOT NULL,
    "message_name" TEXT NOT NULL,
    "correlation_key" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,

    CONSTRAINT "engine_subscription_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "engine_message" (
    "key" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "correlation_key" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "message_id" TEXT,
    "variables" JSONB NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "engine_message_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "engine_incident" (
    "key" BIGINT NOT NULL,
    "instance_key" BIGINT NOT NULL,
    "element_id" TEXT NOT NULL,
    "element_instance" TEXT NOT NULL,
    "job_key" BIGINT,
    "error_type" TEXT NOT NULL,
    "error_message" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "engine_incident_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "engine_definition_tenant_id_bpmn_process_id_checksum_idx" ON "engine_definition"("tenant_id", "bpmn_process_id", "checksum");

-- CreateIndex
CREATE UNIQUE INDEX "engine_definition_tenant_id_bpmn_process_id_version_key" ON "engine_definition"("tenant_id", "bpmn_process_id", "version");

-- CreateIndex
CREATE INDEX "engine_instance_business_key_idx" ON "engine_instance"("business_key");

-- CreateIndex
CREATE INDEX "engine_instance_state_bpmn_process_id_idx" ON "engine_instance"("state", "bpmn_process_id");

-- CreateIndex
CREATE INDEX "engine_job_type_state_due_at_idx" ON "engine_job"("type", "state", "due_at");

-- CreateIndex
CREATE INDEX "engine_job_state_deadline_idx" ON "engine_job"("state", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "engine_job_instance_key_element_instance_key" ON "engine_job"("instance_key", "element_instance");

-- CreateIndex
CREATE INDEX "engine_user_task_state_due_date_idx" ON "engine_user_task"("state", "due_date");

-- CreateIndex
CREATE INDEX "engine_user_task_candidate_groups_idx" ON "engine_user_task" USING GIN ("candidate_groups");

-- CreateIndex
CREATE UNIQUE INDEX "engine_user_task_instance_key_element_instance_key" ON "engine_user_task"("instance_key", "element_instance");

-- CreateIndex
CREATE INDEX "engine_timer_due_at_idx" ON "engine_timer"("due_at");

-- CreateIndex
CREATE UNIQUE INDEX "engine_timer_instance_key_element_instance_key" ON "engine_timer"("instance_key", "element_instance");

-- CreateIndex
CREATE INDEX "engine_subscription_tenant_id_message_name_correlation_key_idx" ON "engine_subscription"("tenant_id", "message_name", "correlation_key");

-- CreateIndex
CREATE UNIQUE INDEX "engine_subscription_instance_key_element_instance_key" ON "engine_subscription"("instance_key", "element_instance");

-- CreateIndex
CREATE INDEX "engine_message_tenant_id_name_correlation_key_expires_at_idx" ON "engine_message"("tenant_id", "name", "correlation_key", "expires_at");

-- CreateIndex
CREATE INDEX "engine_message_expires_at_idx" ON "engine_message"("expires_at");

-- CreateIndex
CREATE INDEX "engine_incident_state_instance_key_idx" ON "engine_incident"("state", "instance_key");

-- AddForeignKey
ALTER TABLE "engine_instance" ADD CONSTRAINT "engine_instance_definition_key_fkey" FOREIGN KEY ("definition_key") REFERENCES "engine_definition"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engine_job" ADD CONSTRAINT "engine_job_instance_key_fkey" FOREIGN KEY ("instance_key") REFERENCES "engine_instance"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engine_user_task" ADD CONSTRAINT "engine_user_task_instance_key_fkey" FOREIGN KEY ("instance_key") REFERENCES "engine_instance"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engine_timer" ADD CONSTRAINT "engine_timer_instance_key_fkey" FOREIGN KEY ("instance_key") REFERENCES "engine_instance"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engine_subscription" ADD CONSTRAINT "engine_subscription_instance_key_fkey" FOREIGN KEY ("instance_key") REFERENCES "engine_instance"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "engine_incident" ADD CONSTRAINT "engine_incident_instance_key_fkey" FOREIGN KEY ("instance_key") REFERENCES "engine_instance"("key") ON DELETE CASCADE ON UPDATE CASCADE;

