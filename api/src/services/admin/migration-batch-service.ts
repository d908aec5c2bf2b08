import type { MigrationBatchRepository, MigrationBatchRow } from '@kuaibao/db';
import type { MigrationBatchRequest, MigrationBatchView, MigrationItemResult } from '@kuaibao/domain';
import { MIGRATION_BATCH_MAX_INSTANCES } from '@kuaibao/domain';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import type { Actor } from './instance-change-service';

export type BatchDeps = Pick<ApiDeps, 'config' | 'engineHistory'> & { migrationBatches: MigrationBatchRepository; batchRunner: { kick(id: string): void } };

const FAILURES_SHOWN = 200;
const notFound = (id: string) => new AppError('NOT_FOUND', bilingual(`迁移批次 ${id} 不存在`, `Migration batch ${id} not found`));

/**
 * 批量迁移 (docs/adr/0062): stores the batch and its instances (given, or every running instance of the source
 * version) and lets the runner work through them in the background. The embedded engine's rows only: 501 on Zeebe.
 */
export async function startBatch(deps: BatchDeps, actor: Actor, input: MigrationBatchRequest): Promise<MigrationBatchView> {
  if (deps.config.zeebe) {
    throw new AppError('NOT_ON_THIS_ENGINE', bilingual('批量迁移只在内置引擎上运行；在 Zeebe 上请每次最多迁移 50 个实例', 'Batch migration runs on the embedded engine only; on Zeebe migrate at most 50 instances at a time'));
  }
  const [source, target] = await Promise.all([deps.engineHistory.definition(input.sourceDefinitionKey), deps.engineHistory.definition(input.targetDefinitionKey)]);
  if (!source) throw new AppError('VALIDATION_FAILED', bilingual('源版本不存在', 'No such source version'), [{ path: 'sourceDefinitionKey', message: bilingual('源版本不存在', 'No such source version') }]);
  if (!target || target.bpmnProcessId !== source.bpmnProcessId || target.tenantId !== source.tenantId) {
    const text = bilingual('目标版本不存在或属于另一个流程', 'The target version does not exist or belongs to another process');
    throw new AppError('VALIDATION_FAILED', text, [{ path: 'targetDefinitionKey', message: text }]);
  }
  const instanceKeys = input.instanceKeys ? [...new Set(input.instanceKeys)] : await deps.migrationBatches.activeInstancesOf(source.key, MIGRATION_BATCH_MAX_INSTANCES);
  if (instanceKeys.length === 0) {
    throw new AppError('CONFLICT', bilingual(`版本 ${source.version} 上已没有运行中的实例`, `No instance is running on version ${source.version} any more`));
  }
  const batch = await deps.migrationBatches.create({
    bpmnProcessId: source.bpmnProcessId, tenantId: source.tenantId,
    sourceDefinitionKey: source.key, sourceVersion: source.version, targetDefinitionKey: target.key, targetVersion: target.version,
    mappings: input.mappings, dryRun: input.dryRun, reason: input.reason ?? '', actorId: actor.user.id, actorName: actor.user.displayName, ip: actor.ip, instanceKeys,
  });
  deps.batchRunner.kick(batch.id);
  return viewOf(deps, batch);
}

export async function batchProgress(deps: BatchDeps, id: string): Promise<MigrationBatchView> {
  const batch = await batchOf(deps, id);
  return viewOf(deps, batch);
}

/** Stops a running batch between two instances: those moved stay moved. 409 once it has finished or was cancelled. */
export async function cancelBatch(deps: BatchDeps, actor: Actor, id: string): Promise<MigrationBatchView> {
  const batch = await batchOf(deps, id);
  if (!(await deps.migrationBatches.end(id, 'cancelled', { actorId: actor.user.id, actorName: actor.user.displayName, ip: actor.ip }))) {
    const state = (await deps.migrationBatches.get(id))?.state ?? batch.state;
    throw new AppError('CONFLICT', bilingual(state === 'finished' ? '该迁移批次已完成，不能取消' : '该迁移批次已取消', state === 'finished' ? 'The batch has finished: it cannot be cancelled' : 'The batch was already cancelled'), [], { state });
  }
  return viewOf(deps, (await deps.migrationBatches.get(id))!);
}

async function batchOf(deps: BatchDeps, id: string): Promise<MigrationBatchRow> {
  const batch = /^[0-9a-f-]{36}$/.test(id) ? await deps.migrationBatches.get(id) : null;
  if (!batch) throw notFound(id);
  return batch;
}

async function viewOf(deps: BatchDeps, batch: MigrationBatchRow): Promise<MigrationBatchView> {
  const [counts, failed] = await Promise.all([deps.migrationBatches.counts(batch.id), deps.migrationBatches.failed(batch.id, FAILURES_SHOWN)]);
  return {
    id: batch.id, state: batch.state, dryRun: batch.dryRun, bpmnProcessId: batch.bpmnProcessId,
    sourceDefinitionKey: batch.sourceDefinitionKey, sourceVersion: batch.sourceVersion, targetDefinitionKey: batch.targetDefinitionKey, targetVersion: batch.targetVersion,
    reason: batch.reason, actorName: batch.actorName, createdAt: batch.createdAt.toISOString(), endedAt: batch.endedAt?.toISOString() ?? null,
    ...counts,
    failures: failed.map((f) => f.result as MigrationItemResult),
  };
}


