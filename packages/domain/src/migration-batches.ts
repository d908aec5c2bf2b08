import { z } from 'zod';
import { checkMigration, migrationMappingsSchema, type MigrationItemResult } from './instance-changes';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';

/*
 * 批量迁移 (docs/adr/0062): many running instances onto another version, in the background, one instance a step. The
 * admin names the source version and either the instances or none (then every running instance of that version).
 */

export const MIGRATION_BATCH_MAX_INSTANCES = 10_000;

const engineKey = z.string().regex(/^\d{1,20}$/);

export function makeMigrationBatchSchema(locale: Locale = DEFAULT_LOCALE) {
  const targetRequired = formatMessage(locale, 'change.targetRequired');
  return z
    .strictObject({
      sourceDefinitionKey: engineKey,
      targetDefinitionKey: engineKey.or(z.literal('')).refine((v) => v !== '', targetRequired),
      /** Absent: every running instance of the source version. */
      instanceKeys: z.array(engineKey).min(1, formatMessage(locale, 'change.instancesRequired'))
        .max(MIGRATION_BATCH_MAX_INSTANCES, formatMessage(locale, 'change.tooMany', { max: MIGRATION_BATCH_MAX_INSTANCES })).optional(),
      mappings: migrationMappingsSchema,
      dryRun: z.boolean().default(false),
      reason: z.string().optional(),
    })
    .superRefine((value, ctx) => {
      if (value.targetDefinitionKey !== '' && value.targetDefinitionKey === value.sourceDefinitionKey) {
        ctx.addIssue({ code: 'custom', path: ['targetDefinitionKey'], message: formatMessage(locale, 'change.sameVersion') });
      }
      checkMigration(locale, value, ctx);
    });
}
export type MigrationBatchRequest = z.output<ReturnType<typeof makeMigrationBatchSchema>>;

export type MigrationBatchState = 'running' | 'finished' | 'cancelled';

/** A batch's progress as GET answers it; in a dry run `moved` counts the instances that would move. */
export interface MigrationBatchView {
  id: string;
  state: MigrationBatchState;
  dryRun: boolean;
  bpmnProcessId: string;
  sourceDefinitionKey: string;
  sourceVersion: number;
  targetDefinitionKey: string;
  targetVersion: number;
  reason: string;
  actorName: string;
  createdAt: string;
  endedAt: string | null;
  total: number;
  pending: number;
  moved: number;
  failed: number;
  /** The first failures with their reasons (at most 200). */
  failures: MigrationItemResult[];
}
