-- AlterTable
ALTER TABLE "incident_report" ADD COLUMN     "changes" JSONB;

