import { z } from 'zod';

const count = z.number().int();

/** 按时报送率 of the daily reports: on time ÷ (on time + 迟报 + 漏报); none due yet → null. */
export const dailyReportOnTimeRate = (t: { onTime: number; late: number; missed: number }): number | null =>
  t.onTime + t.late + t.missed === 0 ? null : t.onTime / (t.onTime + t.late + t.missed);

/**
 * 值班工作统计 of a period (issue 23): how the units reporting their duty to the caller's unit filed their 值班信息日报
 * (按时 / 迟报 / 漏报, days up to today), and how the units named in the 领导批示 the caller's unit relayed carried them out.
 */
export const dutyStatsSchema = z.object({
  label: z.string(),
  from: z.string(),
  to: z.string(),
  /** the last day counted: `to`, or today when the period has not ended */
  through: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  dailyReports: z.array(z.object({ unitId: z.string(), unitName: z.string(), expected: count, onTime: count, late: count, missed: count, pending: count, onTimeRate: z.number().nullable() })),
  instructions: z.object({
    relayed: count,
    units: z.array(z.object({ unitId: z.string(), unitName: z.string(), named: count, met: count, late: count, overdue: count, open: count })),
  }),
});
export type DutyStats = z.infer<typeof dutyStatsSchema>;
