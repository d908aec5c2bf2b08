import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';

/** 批量迁移 (docs/adr/0062): a batch, its instances as rows (one step each), its trail in admin_audit_event. */
export interface NewMigrationBatch {
  bpmnProcessId: string;
  tenantId: string;
  sourceDefinitionKey: string;
  sourceVersion: number;
  targetDefinitionKey: string;
  targetVersion: number;
  mappings: { sourceElementId: string; targetElementId: string }[];
  dryRun: boolean;
  reason: string;
  actorId: string;
  actorName: string;
  ip: string | null;
  instanceKeys: string[];
}

export type MigrationBatchState = 'running' | 'finished' | 'cancelled';

export interface MigrationBatchRow extends Omit<NewMigrationBatch, 'instanceKeys'> {
  id: string;
  state: MigrationBatchState;
  createdAt: Date;
  endedAt: Date | null;
}

export interface MigrationBatchCounts { total: number; pending: number; moved: number; failed: number }
export interface FailedBatchItem { instanceKey: string; incidentNumber: string | null; result: unknown }

type Row = Prisma.MigrationBatchGetPayload<object>;
const rowOf = (r: Row): MigrationBatchRow => ({
  id: r.id, bpmnProcessId: r.bpmnProcessId, tenantId: r.tenantId,
  sourceDefinitionKey: String(r.sourceDefinitionKey), sourceVersion: r.sourceVersion,
  targetDefinitionKey: String(r.targetDefinitionKey), targetVersion: r.targetVersion,
  mappings: r.mappings as NewMigrationBatch['mappings'], dryRun: r.dryRun, reason: r.reason, state: r.state as MigrationBatchState,
  actorId: r.actorId, actorName: r.actorName, ip: r.ip, createdAt: r.createdAt, endedAt: r.endedAt,
});

const trailEntry = (batch: MigrationBatchRow, action: string, after: unknown) => ({
  actorId: batch.actorId, actorName: batch.actorName, action, entityType: 'migration_batch', entityId: batch.id, after: after as Prisma.InputJsonValue, ip: batch.ip,
});

export function createMigrationBatchRepository(prisma: PrismaClient) {
  return {
    /** The batch, its pending instances and its `migration_batch.started` entry, in one transaction. */
    async create(input: NewMigrationBatch): Promise<MigrationBatchRow> {
      const id = randomUUID();
      const { instanceKeys, ...batch } = input;
      return prisma.$transaction(async (tx) => {
        const row = rowOf(await tx.migrationBatch.create({
          data: { ...batch, id, sourceDefinitionKey: BigInt(batch.sourceDefinitionKey), targetDefinitionKey: BigInt(batch.targetDefinitionKey), state: 'running' },
        }));
        await tx.migrationBatchItem.createMany({ data: instanceKeys.map((k) => ({ batchId: id, instanceKey: BigInt(k), state: 'pending' })) });
        const { ip: _ip, actorId: _a, actorName: _n, ...about } = batch;
        await tx.adminAuditEvent.create({ data: trailEntry(row, 'migration_batch.started', { ...about, total: instanceKeys.length }) });
        return row;
      });
    },
    async get(id: string): Promise<MigrationBatchRow | null> {
      const row = await prisma.migrationBatch.findUnique({ where: { id } });
      return row && rowOf(row);
    },
    async counts(id: string): Promise<MigrationBatchCounts> {
      const groups = await prisma.migrationBatchItem.groupBy({ by: ['state'], where: { batchId: id }, _count: { _all: true } });
      const of = (state: string) => groups.find((g) => g.state === state)?._count._all ?? 0;
      const [pending, moved, failed] = [of('pending'), of('moved'), of('failed')];
      return { total: pending + moved + failed, pending, moved, failed };
    },
    async failed(id: string, limit: number): Promise<FailedBatchItem[]> {
      const rows = await prisma.migrationBatchItem.findMany({ where: { batchId: id, state: 'failed' }, orderBy: { doneAt: 'asc' }, take: limit });
      return rows.map((r) => ({ instanceKey: String(r.instanceKey), incidentNumber: r.incidentNumber, result: r.result }));
    },
    async pendingKeys(id: string, limit: number): Promise<string[]> {
      const rows = await prisma.migrationBatchItem.findMany({ where: { batchId: id, state: 'pending' }, orderBy: { instanceKey: 'asc' }, take: limit, select: { instanceKey: true } });
      return rows.map((r) => String(r.instanceKey));
    },
    /** Records one instance's answer; only a pending item is written (a second runner cannot record it twice). */
    async record(id: string, instanceKey: string, outcome: { state: 'moved' | 'failed'; incidentNumber: string | null; result: unknown }): Promise<boolean> {
      const { count } = await prisma.migrationBatchItem.updateMany({
        where: { batchId: id, instanceKey: BigInt(instanceKey), state: 'pending' },
        data: { state: outcome.state, incidentNumber: outcome.incidentNumber, result: outcome.result as Prisma.InputJsonValue, doneAt: new Date() },
      });
      return count === 1;
    },
    /** running → finished or cancelled, with its trail entry; false when the batch was no longer running. */
    async end(id: string, state: 'finished' | 'cancelled', by: { actorId: string; actorName: string; ip: string | null }): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.migrationBatch.updateMany({ where: { id, state: 'running' }, data: { state, endedAt: new Date() } });
        if (count === 0) return false;
        const batch = rowOf((await tx.migrationBatch.findUnique({ where: { id } }))!);
        const groups = await tx.migrationBatchItem.groupBy({ by: ['state'], where: { batchId: id }, _count: { _all: true } });
        const counts = Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
        await tx.adminAuditEvent.create({ data: { ...trailEntry(batch, `migration_batch.${state}`, { dryRun: batch.dryRun, counts }), actorId: by.actorId, actorName: by.actorName, ip: by.ip } });
        return true;
      });
    },
    async runningIds(): Promise<string[]> {
      return (await prisma.migrationBatch.findMany({ where: { state: 'running' }, orderBy: { createdAt: 'asc' }, select: { id: true } })).map((r) => r.id);
    },
    /** The running instances of one deployed version, for "all on this version" (the embedded engine's rows). */
    async activeInstancesOf(definitionKey: string, limit: number): Promise<string[]> {
      const rows = await prisma.engineInstance.findMany({ where: { definitionKey: BigInt(definitionKey), state: 'active' }, orderBy: { key: 'asc' }, take: limit, select: { key: true } });
      return rows.map((r) => String(r.key));
    },
  };
}

export type MigrationBatchRepository = ReturnType<typeof createMigrationBatchRepository>;
