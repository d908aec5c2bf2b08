export { addDays, beijingInstant, DAY_PATTERN, daysBetween, isCalendarDay, mondayOf } from './beijing-day';
export * from './daily-report';
export * from './daily-report-receiver';
export * from './duty-labels';
export * from './duty-rules';
export * from './instruction';
export * from './duty-stats';
export * from './roster';
