import { Prisma, type PrismaClient } from '@prisma/client';
import type {
  ActivatableJob, DefinitionRecord, ElementIdChange, EngineNodeRecord, EngineStore, EngineStoreOps, IncidentRecord, InstanceFilter, InstanceRecord,
  JobLock, JobRecord, JobWait, MessageRecord, NodeProcess, StepClaim, StepExpectation, StepTransaction, StoredWaits, SubscriptionRecord, SweepQuery, UserTask, UserTaskFilter, WaitSnapshot,
} from '@kuaibao/engine';
import { toIncident, toInstance, toMessage } from './engine-rows';
import * as sql from './engine-store-sql';
import { openPreparedTransaction, preparedClient, withRawClient } from './prepared-client';

type Client = PrismaClient | Prisma.TransactionClient;
type Json = Prisma.InputJsonValue;

const big = (key: string) => BigInt(key);
const json = (value: unknown) => value as Json;

/** The embedded engine's persistence on Prisma (PGlite or PostgreSQL); the per-step statements are raw SQL (engine-store-sql.ts). */
export function createEngineStore(prisma: PrismaClient): EngineStore {
  const ops = new PrismaEngineOps(prisma, preparedClient(prisma));
  return Object.assign(ops, {
    transaction: <T>(fn: (tx: EngineStoreOps) => Promise<T>) =>
      openPreparedTransaction(prisma, (tx, raw) => fn(new PrismaEngineOps(tx, raw)), { maxWait: 60_000, timeout: 120_000 }),
  });
}

class PrismaEngineOps implements EngineStoreOps {
  /** `raw`: what the per-step statements run on (the driver directly where it can, else this transaction's client). */
  constructor(
    private readonly db: Client,
    private readonly raw: sql.Client = db,
  ) {}

  private withRaw: Client | null = null;

  /**
   * The Prisma client of this transaction: business writes of a step run on it (step-writes.ts). Its raw statements
   * run as the step's own do: marked ones prepared on the transaction's connection (docs/adr/0066).
   */
  get handle(): StepTransaction {
    if (this.raw === this.db) return this.db as unknown as StepTransaction;
    this.withRaw ??= withRawClient(this.db, this.raw);
    return this.withRaw as unknown as StepTransaction;
  }

  async insertDefinition(d: DefinitionRecord) {
    await this.db.engineDefinition.create({ data: { ...d, key: big(d.key) } });
  }

  findDefinition(q: { tenantId: string; bpmnProcessId: string; version?: number }) {
    return sql.findDefinition(this.raw, q);
  }

  async findDefinitionByChecksum(q: { tenantId: string; bpmnProcessId: string; checksum: string }) {
    const row = await this.db.engineDefinition.findFirst({ where: q, orderBy: { version: 'desc' } });
    return row && { ...row, key: String(row.key) };
  }

  async findDefinitionsByChecksum(q: { tenantId: string; checksum: string }) {
    const rows = await this.db.engineDefinition.findMany({ where: q, orderBy: [{ bpmnProcessId: 'asc' }, { version: 'asc' }] });
    return rows.map((row) => ({ ...row, key: String(row.key) }));
  }

  async getDefinition(key: string) {
    const row = await this.db.engineDefinition.findUnique({ where: { key: big(key) } });
    return row && { ...row, key: String(row.key) };
  }

  async listDefinitions(q: { tenantId: string; bpmnProcessId: string }) {
    const rows = await this.db.engineDefinition.findMany({ where: q, orderBy: { version: 'desc' } });
    return rows.map((row) => ({ ...row, key: String(row.key) }));
  }

  migrateInstance(instance: InstanceRecord, changes: { elements: ElementIdChange[]; timers: ElementIdChange[]; subscriptions: ElementIdChange[] }) {
    return sql.migrateInstance(this.raw, instance, changes);
  }

  lockInstance(key: string, stateUnlessRevision?: number, claim?: StepClaim) {
    return sql.lockInstance(this.raw, key, stateUnlessRevision, claim);
  }

  async getInstance(key: string) {
    const row = await this.db.engineInstance.findUnique({ where: { key: big(key) } });
    return row && toInstance(row);
  }

  async findInstances(filter: InstanceFilter) {
    const rows = await this.db.engineInstance.findMany({
      where: {
        ...(filter.businessKey !== undefined && { businessKey: filter.businessKey }),
        ...(filter.bpmnProcessId !== undefined && { bpmnProcessId: filter.bpmnProcessId }),
        ...(filter.state !== undefined && { state: filter.state }),
      },
      orderBy: { startedAt: 'asc' },
      take: filter.limit ?? 100,
    });
    return rows.map(toInstance);
  }

  insertInstance(i: InstanceRecord) {
    return sql.insertInstance(this.raw, i);
  }

  saveStep(instance: InstanceRecord, waits: WaitSnapshot, now: Date, stored?: StoredWaits, lock?: (job: JobWait) => JobLock | null, expected?: StepExpectation) {
    return sql.saveStep(this.raw, instance, waits, now, stored, lock, expected);
  }

  getJob(key: string) {
    return sql.getJob(this.raw, key);
  }

  updateJob(key: string, patch: Partial<Pick<JobRecord, 'state' | 'retries' | 'dueAt' | 'errorMessage' | 'worker' | 'lockOwner' | 'deadline'>>) {
    return sql.updateJob(this.raw, key, patch);
  }

  activateJobs(q: { type: string; maxJobs: number; worker: string; owner: string | null; now: Date; deadline: Date }): Promise<ActivatableJob[]> {
    return sql.activateJobs(this.raw, q);
  }

  beatNode(node: { id: string; name: string; now: Date } & NodeProcess) {
    return sql.beatNode(this.raw, node);
  }

  sweep(q: SweepQuery) {
    return sql.sweep(this.raw, q);
  }

  nodesInScope(processScope: string) {
    return sql.nodesInScope(this.raw, processScope);
  }

  removeNode(id: string, now: Date) {
    return sql.removeNode(this.raw, id, now);
  }

  async listNodes(): Promise<EngineNodeRecord[]> {
    return this.db.engineNode.findMany({ orderBy: { startedAt: 'asc' } });
  }

  getUserTask(key: string) {
    return sql.getUserTask(this.raw, key);
  }

  searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    return sql.searchUserTasks(this.raw, filter);
  }

  updateUserTask(key: string, patch: { state?: 'completed'; assignee?: string | null; completedAt?: Date }) {
    return sql.updateUserTask(this.raw, key, patch);
  }

  findSubscriptions(q: { tenantId: string; messageName: string; correlationKey: string }): Promise<SubscriptionRecord[]> {
    return sql.findSubscriptions(this.raw, q);
  }

  async insertMessage(m: MessageRecord) {
    await this.db.engineMessage.create({ data: { ...m, key: big(m.key), variables: json(m.variables) } });
  }

  async findBufferedMessageById(tenantId: string, messageId: string, now: Date) {
    const row = await this.db.engineMessage.findFirst({ where: { tenantId, messageId, expiresAt: { gt: now } } });
    return row && toMessage(row);
  }

  takeBufferedMessageFor(q: { tenantId: string; subscriptions: { messageName: string; correlationKey: string }[]; now: Date }) {
    return sql.takeBufferedMessageFor(this.raw, q);
  }

  async insertIncident(i: IncidentRecord) {
    await this.db.engineIncident.create({
      data: { ...i, key: big(i.key), instanceKey: big(i.instanceKey), jobKey: i.jobKey === null ? null : big(i.jobKey), state: 'active' },
    });
  }

  async getIncident(key: string) {
    const row = await this.db.engineIncident.findUnique({ where: { key: big(key) } });
    return row && toIncident(row);
  }

  async listIncidents(filter: { instanceKey?: string; state?: 'active' | 'resolved' }) {
    const rows = await this.db.engineIncident.findMany({
      where: { ...(filter.instanceKey && { instanceKey: big(filter.instanceKey) }), ...(filter.state && { state: filter.state }) },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toIncident);
  }

  async resolveIncident(key: string, now: Date) {
    await this.db.engineIncident.update({ where: { key: big(key) }, data: { state: 'resolved', resolvedAt: now } });
  }
}

