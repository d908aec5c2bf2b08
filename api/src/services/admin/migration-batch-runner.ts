import type { MigrationBatchRepository, MigrationBatchRow } from '@kuaibao/db';
import type { MigrationItemResult } from '@kuaibao/domain';
import type { ApiDeps } from '../../deps';
import { migrate } from './instance-change-service';

export interface BatchRunnerOptions {
  /** Instances read per round; the batch's state is read again before each instance (a cancel stops it there). */
  chunkSize: number;
  /** The pause between chunks, so a long batch leaves the engine to the reports' own steps. */
  pauseMs: number;
  onError: (error: unknown) => void;
}

export interface BatchRunner { kick(id: string): void; stop(): Promise<void> }

/**
 * 批量迁移's background work (docs/adr/0062): each pending instance migrated on its own through the same path as the
 * synchronous migration (its own engine step, its `trace.migrated` entry), its answer recorded on its row; an instance
 * that cannot move is recorded as failed and the batch goes on. Started with the server, which resumes every batch
 * still running — a restart loses at most the answer of the instance that was moving (found on the target then).
 */
export function startMigrationBatchRunner(deps: Pick<ApiDeps, 'engine' | 'incidents' | 'audit'>, batches: MigrationBatchRepository, options: BatchRunnerOptions): BatchRunner {
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  let wake: () => void = () => undefined;
  const pause = () => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, options.pauseMs);
    wake = () => { clearTimeout(timer); resolve(); };
  });

  async function migrateOne(batch: MigrationBatchRow, instanceKey: string): Promise<MigrationItemResult> {
    const instance = await deps.engine.getInstance(instanceKey);
    if (!batch.dryRun && instance?.definitionKey === batch.targetDefinitionKey) {
      return { instanceKey, incidentNumber: null, ok: true, migrated: true, sourceVersion: batch.sourceVersion, targetVersion: batch.targetVersion, moves: [], refusals: [], detail: '已在目标版本' };
    }
    const actor = { user: { id: batch.actorId, displayName: batch.actorName }, ip: batch.ip };
    const [result] = await migrate(deps, actor, { instanceKeys: [instanceKey], targetDefinitionKey: batch.targetDefinitionKey, mappings: batch.mappings, dryRun: batch.dryRun, reason: batch.reason }, 'zh-CN');
    return result!;
  }

  async function run(id: string): Promise<void> {
    while (!stopped) {
      const batch = await batches.get(id);
      if (!batch || batch.state !== 'running') return;
      const keys = await batches.pendingKeys(id, options.chunkSize);
      if (keys.length === 0) {
        await batches.end(id, 'finished', batch);
        return;
      }
      for (const key of keys) {
        if (stopped || (await batches.get(id))?.state !== 'running') return;
        const result = await migrateOne(batch, key);
        await batches.record(id, key, { state: result.ok ? 'moved' : 'failed', incidentNumber: result.incidentNumber, result });
      }
      await pause();
    }
  }

  function kick(id: string) {
    if (stopped || running.has(id)) return;
    const work = run(id).catch(options.onError).finally(() => running.delete(id));
    running.set(id, work);
  }

  void batches.runningIds().then((ids) => ids.forEach(kick), options.onError);
  return {
    kick,
    async stop() {
      stopped = true;
      wake();
      await Promise.all(running.values());
    },
  };
}
