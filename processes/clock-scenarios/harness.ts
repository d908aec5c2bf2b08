import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import {
  createAuditRepository, createClockRepository, createEngineStore, createIncidentRepository, createNotificationRepository, createPolicyRepository,
  createTestDatabase, seedJurisdictionTree, type Database, type JurisdictionTreeSpec,
} from '@kuaibao/db';
import { firstReportClockVariables, PROCESS_IDS, type Severity } from '@kuaibao/domain';
import { EmbeddedEngine, type JobOutcome } from '@kuaibao/engine';
import { createHandlers, handlerDeps, InMemorySmsGateway, type Handler } from '@kuaibao/worker';
import { loadPolicies } from '../jurisdictions/index';

const bpmn = { name: 'incident-report.bpmn', content: readFileSync(path.join(import.meta.dirname, '../incident-report.bpmn'), 'utf8') };

/** An instant on the scenario's day, Beijing time: `t('08:40')`. */
export const t = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`);
export const iso = (hhmm: string) => t(hhmm).toISOString();

export interface FirstReportInput {
  severity: Severity;
  occurredAt: string;
  learnedAt: string;
  sensitive?: boolean;
  mayEscalate?: boolean;
  /** A policy asked for by name (the 003 practice), instead of the reporting unit's division code. */
  jurisdiction?: string;
  /** The dossier of a phone report this written report follows. */
  incidentNumber?: string;
}

/**
 * One jurisdiction's reporting chain on the real engine, the real handlers and an in-memory database,
 * with the policies deployed from processes/jurisdictions. Only Date is faked (the engine's and the
 * handlers' clock); jobs are run here one pass at a time, so every effect of a moment is visible at once.
 */
export async function openScenario(tree: JurisdictionTreeSpec, startAt: string) {
  vi.useFakeTimers({ toFake: ['Date'], now: t(startAt) });
  const db: Database = await createTestDatabase();
  const ids = await seedJurisdictionTree(db.prisma, tree, async (p) => p);
  await createPolicyRepository(db.prisma).deploy([...loadPolicies().values()]);
  const engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });
  await engine.deploy([bpmn]);
  const gateway = new InMemorySmsGateway();
  const handlers: Record<string, Handler> = createHandlers(handlerDeps(db, { gateway, messages: engine }));
  const incidents = createIncidentRepository(db.prisma);
  const audit = createAuditRepository(db.prisma);
  const unit = (await db.prisma.orgUnit.findUniqueOrThrow({ where: { id: ids.reportingUnit } }));

  /** Runs every job the engine holds until none is left; a failed job fails the scenario. */
  async function drain() {
    for (let pass = 0; pass < 50; pass++) {
      let ran = 0;
      for (const [type, handler] of Object.entries(handlers)) {
        for (const job of await engine.activateJobs({ type, maxJobs: 20, timeoutMs: 60_000, worker: 'scenario' })) {
          ran++;
          const outcome: JobOutcome = await handler(job.variables, job);
          if ('fail' in outcome) throw new Error(`${type} failed: ${outcome.message}`);
          if ('bpmnError' in outcome) await engine.throwError({ jobKey: job.key, errorCode: outcome.code });
          else await engine.completeJob(job.key, outcome.variables, outcome.writes && { writes: outcome.writes });
        }
      }
      if (ran === 0) return;
    }
    throw new Error('jobs kept coming');
  }

  return {
    db, engine, gateway, ids, incidents, audit,
    clocks: createClockRepository(db.prisma),
    notifications: createNotificationRepository(db.prisma),

    /** Moves the clock to `hhmm`, fires what is due, and runs the jobs that follow. */
    async at(hhmm: string) {
      vi.setSystemTime(t(hhmm));
      await engine.processDue();
      await drain();
    },

    /** 先电话报告: the duty office records a phone report: a new dossier whose first entry it is. */
    async phoneReport(calledAt: string, input: Omit<FirstReportInput, 'incidentNumber' | 'jurisdiction'>) {
      const number = await incidents.nextNumber(unit.divisionCode, t(calledAt));
      await incidents.createWithReport(
        { number, title: '电话报告', category: 'accident_disaster', severity: input.severity, sensitive: input.sensitive ?? false, classified: false, reportingUnitId: unit.id, occurredAt: t(input.occurredAt), learnedAt: t(input.learnedAt) },
        { id: randomUUID(), kind: 'phone', sequence: 0, status: 'received', content: { callerName: '来电人', callerUnitId: unit.id, calledAt: iso(calledAt), summary: '电话报告' }, createdById: 'phone' },
        { actorName: '值班员', action: 'report.phoned' },
      );
      return number;
    },

    /** Submits a written 首报 (into a phone report's dossier when given) and runs the flow to its first wait. */
    async submit(input: FirstReportInput) {
      const reportId = randomUUID();
      const content = { severity: input.severity, occurredAt: iso(input.occurredAt), learnedAt: iso(input.learnedAt) };
      const incident = {
        title: '书面报告', category: 'accident_disaster', severity: input.severity, sensitive: input.sensitive ?? false, classified: false,
        reportingUnitId: unit.id, occurredAt: t(input.occurredAt), learnedAt: t(input.learnedAt),
      };
      const report = { id: reportId, kind: 'first', sequence: 0, status: 'submitting', content, createdById: 'reporter' };
      const number = input.incidentNumber ?? (await incidents.nextNumber(unit.divisionCode, new Date()));
      if (input.incidentNumber) await incidents.addWrittenAfterPhone(number, incident, report, { actorName: '信息员', action: 'report.submitted' });
      else await incidents.createWithReport({ number, ...incident }, report, { actorName: '信息员', action: 'report.submitted' });
      const instance = await engine.startInstance({
        bpmnProcessId: PROCESS_IDS.incidentReport,
        businessKey: number,
        variables: {
          reportId, incidentNumber: number, reportingUnitId: unit.id, title: '书面报告',
          ...firstReportClockVariables(input.jurisdiction ?? unit.divisionCode, { ...input, occurredAt: t(input.occurredAt), learnedAt: t(input.learnedAt) }),
        },
      });
      await incidents.linkInstance(reportId, instance.key, 'verifying');
      await drain();
      return { number, reportId, instanceKey: instance.key };
    },

    /** Completes the open task at `elementId` with `variables`, then runs the jobs that follow. */
    async complete(instanceKey: string, elementId: string, variables: Record<string, unknown> = {}) {
      const task = (await engine.searchUserTasks({ instanceKey, state: 'created' })).find((candidate) => candidate.elementId === elementId);
      if (!task) throw new Error(`no open task at ${elementId}`);
      await engine.completeUserTask(task.key, variables);
      await drain();
    },

    async openTasks(instanceKey: string) {
      return engine.searchUserTasks({ instanceKey, state: 'created' });
    },

    async variables(instanceKey: string) {
      return (await engine.getInstance(instanceKey))!.variables as { clocks: Record<string, unknown> };
    },

    /** The trail of a dossier, entries of one action. */
    async trail(number: string, action?: string) {
      return (await audit.forIncident(number)).filter((e) => !action || e.action === action);
    },

    /** Who was texted, in order: `{ phone, text }`. Clears the list. */
    texts() {
      return gateway.sent.splice(0);
    },

    async close() {
      await engine.close();
      await db.close();
      vi.useRealTimers();
    },
  };
}

export type Scenario = Awaited<ReturnType<typeof openScenario>>;
