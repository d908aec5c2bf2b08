import type { Prisma, PrismaClient } from '@prisma/client';
import type {
  ActivatableJob, DefinitionRecord, ElementIdChange, EngineNodeRecord, EngineStore, EngineStoreOps, IncidentRecord, InstanceFilter, InstanceRecord,
  JobRecord, MessageRecord, NodeProcess, StepClaim, StepTransaction, SubscriptionRecord, SweepQuery, UserTask, UserTaskFilter, WaitSnapshot,
} from '@kuaibao/engine';
import { toIncident, toInstance, toMessage, toUserTask } from './engine-rows';
import * as sql from './engine-store-sql';

type Client = PrismaClient | Prisma.TransactionClient;
type Json = Prisma.InputJsonValue;

const big = (key: string) => BigInt(key);
const json = (value: unknown) => value as Json;

/** The embedded engine's persistence on Prisma (PGlite or PostgreSQL); the per-step statements are raw SQL (engine-store-sql.ts). */
export function createEngineStore(prisma: PrismaClient): EngineStore {
  const ops = new PrismaEngineOps(prisma);
  return Object.assign(ops, {
    transaction: <T>(fn: (tx: EngineStoreOps) => Promise<T>) =>
      prisma.$transaction((tx) => fn(new PrismaEngineOps(tx)), { maxWait: 60_000, timeout: 120_000 }),
  });
}

class PrismaEngineOps implements EngineStoreOps {
  constructor(private readonly db: Client) {}

  /** The Prisma client of this transaction: business writes of a step run on it (step-writes.ts). */
  get handle(): StepTransaction {
    return this.db as unknown as StepTransaction;
  }

  async insertDefinition(d: DefinitionRecord) {
    await this.db.engineDefinition.create({ data: { ...d, key: big(d.key) } });
  }

  async findDefinition(q: { tenantId: string; bpmnProcessId: string; version?: number }) {
    const row = await this.db.engineDefinition.findFirst({
      where: { tenantId: q.tenantId, bpmnProcessId: q.bpmnProcessId, ...(q.version !== undefined && { version: q.version }) },
      orderBy: { version: 'desc' },
    });
    return row && { ...row, key: String(row.key) };
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
    return sql.migrateInstance(this.db, instance, changes);
  }

  lockInstance(key: string, stateUnlessRevision?: number, claim?: StepClaim) {
    return sql.lockInstance(this.db, key, stateUnlessRevision, claim);
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

  async insertInstance(i: InstanceRecord) {
    await this.db.engineInstance.create({
      data: {
        ...i,
        key: big(i.key),
        definitionKey: big(i.definitionKey),
        engineState: json(i.engineState),
        variables: json(i.variables),
        activeElements: json(i.activeElements),
      },
    });
  }

  saveStep(instance: InstanceRecord, waits: WaitSnapshot, now: Date, stored?: ReadonlySet<string>) {
    return sql.saveStep(this.db, instance, waits, now, stored);
  }

  getJob(key: string) {
    return sql.getJob(this.db, key);
  }

  updateJob(key: string, patch: Partial<Pick<JobRecord, 'state' | 'retries' | 'dueAt' | 'errorMessage' | 'worker' | 'lockOwner' | 'deadline'>>) {
    return sql.updateJob(this.db, key, patch);
  }

  activateJobs(q: { type: string; maxJobs: number; worker: string; owner: string | null; now: Date; deadline: Date }): Promise<ActivatableJob[]> {
    return sql.activateJobs(this.db, q);
  }

  beatNode(node: { id: string; name: string; now: Date } & NodeProcess) {
    return sql.beatNode(this.db, node);
  }

  sweep(q: SweepQuery) {
    return sql.sweep(this.db, q);
  }

  nodesInScope(processScope: string) {
    return sql.nodesInScope(this.db, processScope);
  }

  removeNode(id: string, now: Date) {
    return sql.removeNode(this.db, id, now);
  }

  async listNodes(): Promise<EngineNodeRecord[]> {
    return this.db.engineNode.findMany({ orderBy: { startedAt: 'asc' } });
  }

  getUserTask(key: string) {
    return sql.getUserTask(this.db, key);
  }

  async searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    const who: Prisma.EngineUserTaskWhereInput[] = [];
    if (filter.candidateGroups?.length) who.push({ candidateGroups: { hasSome: filter.candidateGroups } });
    if (filter.candidateUser) who.push({ candidateUsers: { has: filter.candidateUser } }, { assignee: filter.candidateUser });
    const rows = await this.db.engineUserTask.findMany({
      where: {
        ...(filter.state && { state: filter.state }),
        ...(filter.instanceKey && { instanceKey: big(filter.instanceKey) }),
        ...(who.length > 0 && { OR: who }),
      },
      include: instanceSummary,
      orderBy: [{ createdAt: 'asc' }, { key: 'asc' }],
      take: filter.limit ?? 100,
    });
    return rows.map(toUserTask);
  }

  updateUserTask(key: string, patch: { state?: 'completed'; assignee?: string | null; completedAt?: Date }) {
    return sql.updateUserTask(this.db, key, patch);
  }

  async findSubscriptions(q: { tenantId: string; messageName: string; correlationKey: string }): Promise<SubscriptionRecord[]> {
    const rows = await this.db.engineSubscription.findMany({ where: q, orderBy: { key: 'asc' } });
    return rows.map((r) => ({ ...r, key: String(r.key), instanceKey: String(r.instanceKey) }));
  }

  async insertMessage(m: MessageRecord) {
    await this.db.engineMessage.create({ data: { ...m, key: big(m.key), variables: json(m.variables) } });
  }

  async findBufferedMessageById(tenantId: string, messageId: string, now: Date) {
    const row = await this.db.engineMessage.findFirst({ where: { tenantId, messageId, expiresAt: { gt: now } } });
    return row && toMessage(row);
  }

  takeBufferedMessageFor(q: { tenantId: string; subscriptions: { messageName: string; correlationKey: string }[]; now: Date }) {
    return sql.takeBufferedMessageFor(this.db, q);
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

const instanceSummary = { instance: { select: { bpmnProcessId: true, businessKey: true, tenantId: true } } } as const;
