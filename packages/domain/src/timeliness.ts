import { z } from 'zod';
import { isCalendarDay } from './duty/beijing-day';

/*
 * 报送时效统计 (docs/adr/0023): what GET /api/stats/timeliness answers, as the database tallies it and the web
 * app reads it, and the period it covers.
 */

/** The longest period counted, in Beijing calendar days (both ends included). */
export const TIMELINESS_MAX_DAYS = 366;

/** The earliest day a period may name: the day of EARLIEST_INSTANT (no report is older; PostgreSQL has no year 0). */
export const EARLIEST_DAY = '2000-01-01';

/** Whether `day` is a real calendar date written YYYY-MM-DD (not 2026-02-30), from EARLIEST_DAY on (not 0000-01-01). */
export const isCalendarDate = (day: string): boolean => isCalendarDay(day) && day >= EARLIEST_DAY;

/** How a channel's statutory clocks of 首报 stand: met (按时), late (迟报), or still running. */
export const clockCountsSchema = z.object({ met: z.number().int(), late: z.number().int(), open: z.number().int() });
export type ClockCounts = z.infer<typeof clockCountsSchema>;

/** A reporting unit's 报送时效 in a period: its incidents (by when they were created) and their 首报's clocks per channel. */
export const unitTimelinessSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  incidents: z.number().int(),
  /** 报送标准 (seed 003): incidents whose 首报 met a threshold (须报送) and those reported below every one (自愿报送). */
  mandatory: z.number().int(),
  voluntary: z.number().int(),
  /** 首报 by the step they have reached (report-status.ts): 核实中, 审签中, 已报出, 已签收, 已撤销 … */
  firstReportsByStatus: z.record(z.string(), z.number().int()),
  phone: clockCountsSchema,
  written: clockCountsSchema,
  /**
   * 核报情况 (001 六: 首报时效、核报情况 are scored): the answers this unit owed to 核报 requests in the period, phone and
   * written clocks together (000 三（四）: 1 h, 2 h 30 min), met, late or running.
   */
  verification: clockCountsSchema,
  /**
   * 报国务院 (002 一（三）: 省人民政府要在接到报告后4小时内上报国务院): the province's own deadlines, counted for the provincial
   * unit that received the reports (docs/adr/0057).
   */
  stateCouncil: clockCountsSchema,
});
export type UnitTimeliness = z.infer<typeof unitTimelinessSchema>;

/** 报送时效统计 of a period (Beijing dates, both inclusive): per unit, most late first, and the total. */
export const timelinessStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  units: z.array(unitTimelinessSchema),
  total: unitTimelinessSchema.omit({ unitId: true, unitName: true }),
});
export type TimelinessStats = z.infer<typeof timelinessStatsSchema>;
