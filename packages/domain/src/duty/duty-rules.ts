/**
 * The duty rules of the seed notices as data (seed 004 一、四; seed 000 三（一）), read by the roster, the daily
 * duty report and the 领导批示 relay. A jurisdiction with other times changes this table, not the functions.
 */
export const DUTY_RULES = {
  /** Duty passes at the 08:30 handover (004: the city calls every unit by video at 08:30): the night belongs to the day before. */
  handover: '08:30',
  /** 值班信息日报: every unit reports the day's duty by 16:00 (004 四). */
  dailyReportDue: '16:00',
  /** A roster is filed ahead: the next day's is flagged when missing (004: holidays two days ahead; 000: three working days). */
  rosterLookaheadDays: 1,
  /** A holiday roster is filed this many days before the holiday (004 一). */
  holidayRosterDaysAhead: 2,
} as const;
