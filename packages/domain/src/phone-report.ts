import { z } from 'zod';
import { reportCategorySchema, severitySchema } from './report-enums';

const instant = z.iso.datetime({ offset: true });

/**
 * 电话/口头报告: who called, from which unit, when, and what they said; the dossier's first entry.
 * The API parses requests with it and the web form checks its values with it before sending.
 */
export const phoneReportSchema = z
  .strictObject({
    callerName: z.string().trim().min(1).max(32),
    callerPhone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/).optional(),
    /** The unit that called (the reporting unit of the incident). */
    callerUnitId: z.string().min(1).max(64),
    calledAt: instant,
    summary: z.string().trim().min(1).max(2000),
    title: z.string().trim().min(1).max(80).optional(),
    category: reportCategorySchema,
    severity: severitySchema,
    sensitive: z.boolean().default(false),
    occurredAt: instant,
    learnedAt: instant.optional(),
  })
  .superRefine((body, ctx) => {
    if (Date.parse(body.occurredAt) > Date.parse(body.calledAt)) ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: '事发时间不能晚于来电时间' });
    if (body.learnedAt && Date.parse(body.learnedAt) > Date.parse(body.calledAt)) ctx.addIssue({ code: 'custom', path: ['learnedAt'], message: '获知时间不能晚于来电时间' });
  });
export type PhoneReport = z.infer<typeof phoneReportSchema>;
