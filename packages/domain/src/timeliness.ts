/*
 * 报送时效统计 (docs/adr/0023): what GET /api/stats/timeliness answers, as the database tallies it and the web
 * app reads it.
 */

/** How a channel's statutory clocks of 首报 stand: met (按时), late (迟报), or still running. */
export interface ClockCounts {
  met: number;
  late: number;
  open: number;
}

/** A reporting unit's 报送时效 in a period: its incidents (by when they were created) and their 首报's clocks per channel. */
export interface UnitTimeliness {
  unitId: string;
  unitName: string;
  incidents: number;
  phone: ClockCounts;
  written: ClockCounts;
}

/** 报送时效统计 of a period (Beijing dates, both inclusive): per unit, most late first, and the total. */
export interface TimelinessStats {
  from: string;
  to: string;
  units: UnitTimeliness[];
  total: Omit<UnitTimeliness, 'unitId' | 'unitName'>;
}
