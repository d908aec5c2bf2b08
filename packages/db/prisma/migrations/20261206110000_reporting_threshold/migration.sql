-- AlterTable (issue 19 item 5): whether the 首报 met the reporting threshold (seed 003), and why
ALTER TABLE "incident" ADD COLUMN     "reporting_required" BOOLEAN,
ADD COLUMN     "reporting_threshold" JSONB;
