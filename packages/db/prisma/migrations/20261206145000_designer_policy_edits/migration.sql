-- CreateTable
CREATE TABLE "policy_edit" (
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "base_version" INTEGER,
    "effective_from" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "saved_by" TEXT NOT NULL,
    "saved_by_name" TEXT NOT NULL,
    "saved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB NOT NULL,

    CONSTRAINT "policy_edit_pkey" PRIMARY KEY ("code","version")
);

