-- CreateTable
CREATE TABLE "duty_roster_day" (
    "unit_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "leader_user_id" TEXT NOT NULL,
    "officer_user_ids" TEXT[],
    "holiday" BOOLEAN NOT NULL DEFAULT false,
    "holiday_name" TEXT,
    "note" TEXT,
    "updated_by_id" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "duty_roster_day_pkey" PRIMARY KEY ("unit_id","day")
);

-- CreateTable
CREATE TABLE "duty_daily_report" (
    "id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "receiver_id" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "filed_by_id" TEXT NOT NULL,
    "filed_by_name" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3),
    "received_by_id" TEXT,
    "received_by_name" TEXT,

    CONSTRAINT "duty_daily_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leader_instruction" (
    "id" TEXT NOT NULL,
    "incident_number" TEXT NOT NULL,
    "instructing_leader" TEXT NOT NULL,
    "instructed_at" TIMESTAMPTZ(3) NOT NULL,
    "text" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "relayed_by_unit_id" TEXT NOT NULL,
    "relayed_by_id" TEXT NOT NULL,
    "relayed_by_name" TEXT NOT NULL,
    "relayed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leader_instruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leader_instruction_unit" (
    "instruction_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_name" TEXT,
    "result" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "done_by_name" TEXT,

    CONSTRAINT "leader_instruction_unit_pkey" PRIMARY KEY ("instruction_id","unit_id")
);

-- CreateIndex
CREATE INDEX "duty_roster_day_day_idx" ON "duty_roster_day"("day");

-- CreateIndex
CREATE INDEX "duty_daily_report_receiver_id_day_idx" ON "duty_daily_report"("receiver_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "duty_daily_report_unit_id_day_key" ON "duty_daily_report"("unit_id", "day");

-- CreateIndex
CREATE INDEX "leader_instruction_incident_number_idx" ON "leader_instruction"("incident_number");

-- CreateIndex
CREATE INDEX "leader_instruction_unit_unit_id_done_at_idx" ON "leader_instruction_unit"("unit_id", "done_at");

-- AddForeignKey
ALTER TABLE "leader_instruction_unit" ADD CONSTRAINT "leader_instruction_unit_instruction_id_fkey" FOREIGN KEY ("instruction_id") REFERENCES "leader_instruction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

