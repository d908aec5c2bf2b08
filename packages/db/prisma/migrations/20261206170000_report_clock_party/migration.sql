-- AlterTable
ALTER TABLE "report_clock" DROP CONSTRAINT "report_clock_pkey",
ADD COLUMN     "party" TEXT NOT NULL DEFAULT 'reporting_unit',
ADD COLUMN     "unit_id" TEXT,
ADD CONSTRAINT "report_clock_pkey" PRIMARY KEY ("report_id", "party", "channel");

