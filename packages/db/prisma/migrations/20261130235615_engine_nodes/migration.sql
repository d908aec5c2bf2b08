-- Engine nodes and job lock owners (docs/adr/0013): every process running the embedded engine beats in
-- engine_node; a job lock names the node that holds it, so a live node can release a dead one's locks.
-- AlterTable
ALTER TABLE "engine_job" ADD COLUMN     "lock_owner" TEXT;

-- CreateTable
CREATE TABLE "engine_node" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "engine_node_pkey" PRIMARY KEY ("id")
);

