-- AlterTable
ALTER TABLE "org_unit" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "duty_office_id" TEXT;

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "admin_audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "unit_id" TEXT,
    "division_code" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,

    CONSTRAINT "admin_audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_audit_event_at_idx" ON "admin_audit_event"("at");

-- CreateIndex
CREATE INDEX "admin_audit_event_entity_type_entity_id_at_idx" ON "admin_audit_event"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "admin_audit_event_division_code_at_idx" ON "admin_audit_event"("division_code", "at");

