import { z } from 'zod';
import { REPORT_STATUSES } from './report-status-values';

/** Zod-free values, labels and transitions of a report's status: report-status-values.ts (the web app's first chunk uses them). */
export * from './report-status-values';

export const reportStatusSchema = z.enum(REPORT_STATUSES);
