import { z } from 'zod';

export { traceKeyParamsSchema as instanceKeyParamsSchema } from './trace.types';

/** A refusal as a 409 or a migration item carries it (docs/adr/0051). */
export const changeRefusalSchema = z.object({
  reason: z.string(),
  elementId: z.string().nullable(),
  elementInstanceKey: z.string().nullable(),
  targetElementId: z.string().nullable(),
  message: z.string(),
});

export const migrationResultsSchema = z.object({
  dryRun: z.boolean(),
  results: z.array(z.object({
    instanceKey: z.string(),
    incidentNumber: z.string().nullable(),
    ok: z.boolean(),
    migrated: z.boolean(),
    sourceVersion: z.number().nullable(),
    targetVersion: z.number().nullable(),
    moves: z.array(z.object({ elementInstanceKey: z.string(), elementId: z.string(), elementName: z.string().nullable(), targetElementId: z.string(), targetElementName: z.string().nullable() })),
    refusals: z.array(changeRefusalSchema),
    status: z.number().optional(),
    detail: z.string().optional(),
  })),
});
