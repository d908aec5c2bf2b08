-- CreateTable
CREATE TABLE "incident_recipient" (
    "report_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "incident_number" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "receiver_unit_id" TEXT NOT NULL,
    "dispatched_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incident_recipient_pkey" PRIMARY KEY ("report_id","role")
);

-- CreateIndex
CREATE INDEX "incident_recipient_receiver_unit_id_idx" ON "incident_recipient"("receiver_unit_id");

-- CreateIndex
CREATE INDEX "incident_recipient_incident_number_idx" ON "incident_recipient"("incident_number");

-- AddForeignKey
ALTER TABLE "incident_recipient" ADD CONSTRAINT "incident_recipient_incident_number_fkey" FOREIGN KEY ("incident_number") REFERENCES "incident"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

