import { CLOCK_REPORT_KINDS, policySchema, SEVERITIES } from '@kuaibao/domain';
import { z } from 'zod';

/** The form's fields: the domain's policy schema checks them on save and preview (400 with `policy.<path>`). */
const policyFields = z.record(z.string(), z.unknown()).describe('The policy\'s fields (packages/domain policySchema; code, version and effectiveFrom are set by the server)');

export const savePolicyBodySchema = z.strictObject({
  /** The version the form was loaded at (null: the jurisdiction had none of its own); a later save answers 409. */
  baseVersion: z.number().int().min(1).nullable(),
  effectiveFrom: z.iso.date(),
  comment: z.string().trim().min(1).max(500),
  policy: policyFields,
});

const sampleSchema = z.strictObject({
  severity: z.enum(SEVERITIES),
  sensitive: z.boolean().optional(),
  kind: z.enum(CLOCK_REPORT_KINDS).default('first'),
  occurredAt: z.coerce.date(),
  learnedAt: z.coerce.date().optional(),
  receivedAt: z.coerce.date().optional(),
});

export const previewPolicyBodySchema = z.strictObject({ policy: policyFields, sample: sampleSchema });

const policyView = policySchema;

export const policyVersionSchema = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  savedAt: z.string(),
  savedBy: z.string().nullable(),
  comment: z.string().nullable(),
  changes: z.array(z.string()),
});

export const jurisdictionPolicySchema = z.object({
  jurisdiction: z.string(),
  policy: policyView,
  inheritedFrom: z.string().nullable(),
  inEffect: z.number().int().nullable(),
  versions: z.array(policyVersionSchema),
});

export const savedPolicySchema = z.object({ jurisdiction: z.string(), version: z.number().int(), effectiveFrom: z.string(), changes: z.array(z.string()), policy: policyView });

export const policyPreviewSchema = z.object({
  clocks: z.array(z.object({ channel: z.string(), to: z.string().nullable(), dueAt: z.string(), startedAt: z.string(), from: z.string(), within: z.string(), immediate: z.boolean(), rule: z.string() })),
  reminders: z.array(z.string()),
  text: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
