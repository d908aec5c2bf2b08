import { z } from 'zod';

export const jurisdictionParamsSchema = z.object({ jurisdiction: z.string().min(1).max(16) });
export const processParamsSchema = jurisdictionParamsSchema.extend({ bpmnProcessId: z.string().min(1).max(64) });
export const versionParamsSchema = processParamsSchema.extend({ version: z.coerce.number().int().min(0).max(1_000_000) });
export const draftParamsSchema = z.object({ id: z.uuid() });

/** The comment every deployment carries (audited). */
const comment = z.string().trim().min(1).max(500);
/** The BPMN XML; its own checks (size, DOCTYPE, BPMN, engine support) answer 400 with `problem`. */
const xml = z.string().min(1);

export const createDraftBodySchema = z.strictObject({ xml: xml.optional() });
export const saveDraftBodySchema = z.strictObject({ xml, revision: z.number().int().min(1) });
export const deployDraftBodySchema = z.strictObject({ revision: z.number().int().min(1), comment });
export const rollbackBodySchema = z.strictObject({ version: z.number().int().min(1), comment });

export const findingSchema = z.object({
  id: z.string(),
  rule: z.string(),
  category: z.enum(['error', 'warning']),
  message: z.string(),
});

const elementChange = z.object({ id: z.string(), name: z.string().nullable(), type: z.string() });
export const changeSummarySchema = z.object({
  added: z.array(elementChange),
  removed: z.array(elementChange),
  changed: z.array(elementChange.extend({ fields: z.array(z.string()) })),
});

export const draftSchema = z.object({
  id: z.string(),
  jurisdiction: z.string(),
  bpmnProcessId: z.string(),
  name: z.string(),
  xml: z.string(),
  revision: z.number().int(),
  baseVersion: z.number().int().nullable(),
  findings: z.array(findingSchema),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const deploymentSchema = z.object({
  version: z.number().int(),
  comment: z.string(),
  deployedBy: z.string(),
  deployedAt: z.string(),
  rollbackOf: z.number().int().nullable(),
  changes: changeSummarySchema,
  findings: z.array(findingSchema),
});

export const deployedSchema = deploymentSchema.extend({ jurisdiction: z.string(), bpmnProcessId: z.string() });

export const processListSchema = z.object({
  jurisdiction: z.string(),
  processes: z.array(
    z.object({
      bpmnProcessId: z.string(),
      name: z.string(),
      deployed: deploymentSchema.nullable(),
      versions: z.array(deploymentSchema.extend({ running: z.number().int() })),
      drafts: z.array(z.object({ id: z.string(), name: z.string(), revision: z.number().int(), baseVersion: z.number().int().nullable(), updatedBy: z.string(), updatedAt: z.string(), errors: z.number().int() })),
    }),
  ),
});

export const versionSourceSchema = z.object({ version: z.number().int(), xml: z.string(), deployment: deploymentSchema.nullable() });

export const myJurisdictionSchema = z.object({ jurisdiction: z.string().nullable() });

const comparisonRef = z.string().regex(/^(?:deployed|v\d{1,7}|draft:[0-9a-f-]{36})$/, { error: 'deployed, v<n> (v0: shipped default) or draft:<id>' });
export const comparisonQuerySchema = z.object({ from: comparisonRef.default('deployed'), to: comparisonRef });

const comparisonSide = z.object({ ref: z.string(), version: z.number().int().nullable(), revision: z.number().int().optional(), xml: z.string() });
export const comparisonSchema = z.object({
  from: comparisonSide,
  to: comparisonSide,
  changes: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      type: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'layout']),
      properties: z.array(z.object({ property: z.string(), before: z.string(), after: z.string() })),
    }),
  ),
});
