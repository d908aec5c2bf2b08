import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createAuditRepository, createEngineStore, createIncidentRepository, createPolicyRepository, createTestDatabase, DEMO_TEMPLATE, seedOrgUnits,
  type Database, type OrgUnitSeed,
} from '@kuaibao/db';
import { firstReportClockVariables, type Severity } from '@kuaibao/domain';
import { EmbeddedEngine, type JobWorker, type RuntimeKind, type UserTask, type Variables } from '@kuaibao/engine';
import { createHandlers, handlerDeps, InMemorySmsGateway, startWorkers } from '@kuaibao/worker';
import { loadPolicies } from '../jurisdictions/index';

const processesDir = path.resolve(import.meta.dirname, '..');
const resource = (name: string) => ({ name, content: readFileSync(path.join(processesDir, name), 'utf8') });

export interface FlowHarness {
  db: Database;
  engine: EmbeddedEngine;
  incidents: ReturnType<typeof createIncidentRepository>;
  audit: ReturnType<typeof createAuditRepository>;
  /** Open user tasks of an instance once at least `count` are open, sorted by element id. */
  nextTasks(instanceKey: string, count?: number): Promise<UserTask[]>;
  /** Waits until the instance has completed (or fails after 15 s, naming where it waits). */
  completed(instanceKey: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real database (PGlite) with the 临沧 demo tree plus `extraUnits`, the embedded engine with the given
 * processes/ files deployed, the real handlers and the shipped jurisdiction policies. `now` is the handlers' clock;
 * `runtime` the embedded engine's (the default's, or bpmn-engine's for the instances it saved: docs/adr/0043).
 */
export async function createFlowHarness(options: { bpmn: string[]; extraUnits?: OrgUnitSeed[]; now?: () => Date; runtime?: RuntimeKind }): Promise<FlowHarness> {
  const db = await createTestDatabase(process.env, { template: DEMO_TEMPLATE });
  if (options.extraUnits) await seedOrgUnits(db.prisma, options.extraUnits);
  const engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined, ...(options.runtime && { runtime: options.runtime }) });
  await engine.deploy(options.bpmn.map(resource));
  const incidents = createIncidentRepository(db.prisma);
  const audit = createAuditRepository(db.prisma);
  await createPolicyRepository(db.prisma).deploy([...loadPolicies().values()]);
  const deps = handlerDeps(db, { gateway: new InMemorySmsGateway(), messages: engine, ...(options.now && { now: options.now }) });
  const workers: JobWorker[] = startWorkers(engine, createHandlers(deps));

  const poll = async <T>(look: () => Promise<T | undefined>, what: string): Promise<T> => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const found = await look();
      if (found !== undefined) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  return {
    db,
    engine,
    incidents,
    audit,
    nextTasks: (instanceKey, count = 1) =>
      poll(async () => {
        const tasks = await engine.searchUserTasks({ instanceKey, state: 'created' });
        return tasks.length >= count ? tasks.sort((a, b) => a.elementId.localeCompare(b.elementId)) : undefined;
      }, `${count} open task(s) on ${instanceKey}`),
    completed: async (instanceKey) => {
      try {
        await poll(async () => ((await engine.getInstance(instanceKey))?.state === 'completed' ? true : undefined), `instance ${instanceKey} to complete`);
      } catch (error) {
        const instance = await engine.getInstance(instanceKey);
        throw new Error(`${(error as Error).message}: ${JSON.stringify({ state: instance?.state, active: instance?.activeElements, incidents: instance?.incidents })}`);
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await engine.close();
      await db.close();
    },
  };
}

/** Stores an incident with its first report and starts the default flow for it, as the API does. */
export async function submitFirstReport(
  h: FlowHarness,
  report: { unitId: string; divisionCode: string; severity: string; sensitive?: boolean; mayEscalate?: boolean; title?: string },
): Promise<{ number: string; reportId: string; instanceKey: string }> {
  const number = await h.incidents.nextNumber(report.divisionCode, new Date());
  const created = await h.incidents.createWithReport(
    {
      number, title: report.title ?? '测试事件', category: 'accident_disaster', severity: report.severity, sensitive: report.sensitive ?? false,
      classified: false, reportingUnitId: report.unitId, occurredAt: new Date(), learnedAt: new Date(),
    },
    { id: `r-${number}`, kind: 'first', sequence: 0, status: 'verifying', content: {}, createdById: 'user-lx_reporter' },
    { actorName: '李明', action: 'report.submitted' },
  );
  const now = new Date();
  const variables: Variables = {
    reportId: created.id, incidentNumber: number, reportingUnitId: report.unitId,
    ...firstReportClockVariables(report.divisionCode, { ...report, severity: report.severity as Severity, occurredAt: now, learnedAt: now }),
  };
  const instance = await h.engine.startInstance({ bpmnProcessId: 'incident-report', businessKey: number, variables });
  return { number, reportId: created.id, instanceKey: instance.key };
}

/** Stores an incident whose 首报 was delivered, adds a later report of `kind` to it and starts its flow, as the API does. */
export async function submitLaterReport(h: FlowHarness, kind: 'follow_up' | 'final', severity = 'IV'): Promise<{ number: string; reportId: string; instanceKey: string }> {
  const number = await h.incidents.nextNumber('530902', new Date());
  await h.incidents.createWithReport(
    { number, title: '临翔区马台乡森林火灾', category: 'natural_disaster', severity, sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() },
    { id: `first-${number}`, kind: 'first', sequence: 0, status: 'received', content: {}, createdById: 'user-lx_reporter' },
    { actorName: '李明', action: 'report.submitted' },
  );
  const report = await h.incidents.appendReport(number, () => ({
    report: { id: `${kind}-${number}`, kind, status: 'signing', content: {}, changes: [], createdById: 'user-lx_reporter' },
    audit: { actorName: '李明', action: 'report.submitted' },
  }));
  const instance = await h.engine.startInstance({
    bpmnProcessId: 'follow-up-report',
    businessKey: number,
    variables: { reportId: report.id, incidentNumber: number, reportingUnitId: 'lx-yjj', reportKind: kind },
  });
  return { number, reportId: report.id, instanceKey: instance.key };
}

/**
 * 许昌 (004): the city emergency bureau's superior department is the provincial department, and the
 * 许昌 policy requires the city duty office's approval before a report goes to the province.
 */
export const XUCHANG_UNITS: OrgUnitSeed[] = [
  { id: 'hn-gov', code: '410000', name: '河南省人民政府', kind: 'government', level: 'province', divisionCode: '410000' },
  { id: 'hn-yjt', code: '410000-YJ', name: '河南省应急管理厅', kind: 'department', level: 'province', parentId: 'hn-gov', sameLevelGovernmentId: 'hn-gov', divisionCode: '410000' },
  { id: 'xc-gov', code: '411000', name: '许昌市人民政府', kind: 'government', level: 'city', parentId: 'hn-gov', divisionCode: '411000' },
  { id: 'xc-duty', code: '411000-ZBS', name: '许昌市人民政府总值班室', kind: 'duty_office', level: 'city', parentId: 'xc-gov', divisionCode: '411000' },
  { id: 'xc-yjj', code: '411000-YJ', name: '许昌市应急管理局', kind: 'department', level: 'city', parentId: 'xc-gov', superiorDepartmentId: 'hn-yjt', sameLevelGovernmentId: 'xc-gov', divisionCode: '411000' },
];
