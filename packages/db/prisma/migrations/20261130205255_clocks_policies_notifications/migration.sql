-- AlterTable
ALTER TABLE "incident_report" ADD COLUMN     "policy_code" TEXT,
ADD COLUMN     "policy_version" INTEGER;

-- CreateTable
CREATE TABLE "jurisdiction_policy" (
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "checksum" TEXT NOT NULL,
    "deployed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jurisdiction_policy_pkey" PRIMARY KEY ("code","version")
);

-- CreateTable
CREATE TABLE "report_clock" (
    "report_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "incident_number" TEXT NOT NULL,
    "recipient" TEXT,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "origin" TEXT NOT NULL,
    "within" TEXT NOT NULL,
    "immediate" BOOLEAN NOT NULL,
    "rule" TEXT NOT NULL,
    "policy_code" TEXT NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "overdue_at" TIMESTAMPTZ(3),
    "met_at" TIMESTAMPTZ(3),
    "met_by" TEXT,

    CONSTRAINT "report_clock_pkey" PRIMARY KEY ("report_id","channel")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "incident_number" TEXT NOT NULL,
    "report_id" TEXT,
    "kind" TEXT NOT NULL,
    "recipient_id" TEXT,
    "recipient_name" TEXT NOT NULL,
    "phone" TEXT,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "gateway_ref" TEXT,
    "dedupe_key" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_clock_incident_number_idx" ON "report_clock"("incident_number");

-- CreateIndex
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");

-- CreateIndex
CREATE INDEX "notification_incident_number_sent_at_idx" ON "notification"("incident_number", "sent_at");

