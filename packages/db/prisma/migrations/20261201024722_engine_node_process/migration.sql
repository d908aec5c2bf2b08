-- AlterTable
ALTER TABLE "engine_node" ADD COLUMN     "pid" INTEGER,
ADD COLUMN     "process_scope" TEXT;

