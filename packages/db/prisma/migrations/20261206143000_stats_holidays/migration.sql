-- issue 23 item 4 (docs/adr/0049): holiday periods, each unit's 节假日期间日信息统计表 and the summaries sent up
-- CreateTable
CREATE TABLE "holiday_period" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "collector_unit_id" TEXT NOT NULL,
    "first_day" TEXT NOT NULL,
    "last_day" TEXT NOT NULL,
    "return_due" TEXT NOT NULL DEFAULT '14:30',
    "summary_due" TEXT NOT NULL DEFAULT '15:00',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holiday_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday_return" (
    "id" TEXT NOT NULL,
    "holiday_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "inspection_groups" INTEGER NOT NULL,
    "inspectors" INTEGER NOT NULL,
    "enterprises_checked" INTEGER NOT NULL,
    "hazards_found" INTEGER NOT NULL,
    "hazards_rectified" INTEGER NOT NULL,
    "penalties" INTEGER NOT NULL,
    "suspended_units" INTEGER NOT NULL,
    "other" TEXT NOT NULL DEFAULT '',
    "filled_by" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "filed_by_id" TEXT NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "holiday_return_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday_summary" (
    "id" TEXT NOT NULL,
    "holiday_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "submitted_by_id" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "holiday_summary_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "holiday_period_collector_unit_id_first_day_idx" ON "holiday_period"("collector_unit_id", "first_day");

-- CreateIndex
CREATE UNIQUE INDEX "holiday_return_holiday_id_day_unit_id_key" ON "holiday_return"("holiday_id", "day", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "holiday_summary_holiday_id_day_kind_key" ON "holiday_summary"("holiday_id", "day", "kind");

