import { z } from 'zod';
import { REPORT_CATEGORIES, REPORT_KINDS, SECURE_CHANNELS, SEVERITIES } from './report-enum-values';

export * from './report-enum-values';

export const reportCategorySchema = z.enum(REPORT_CATEGORIES);
export const severitySchema = z.enum(SEVERITIES);
export const reportKindSchema = z.enum(REPORT_KINDS);
export const secureChannelSchema = z.enum(SECURE_CHANNELS);
