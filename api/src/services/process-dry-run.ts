import {
  candidateGroup, firstReportClockVariables, HANDLED_TASK_TYPES, MESSAGES, PROCESS_IDS, reportRecipients, reportRoutes, TASK_TYPES, type SessionUser, type Severity,
} from '@kuaibao/domain';
import { createEngineStore, openMemoryPGlite } from '@kuaibao/db';
import { EmbeddedEngine, loadProcessModels, type ActivatedJob, type WorkflowEngine } from '@kuaibao/engine';
import { resolveClockHandler, toOrgUnit } from '@kuaibao/worker';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { checkOrRefuse, getDraft } from './process-design-service';

export interface DryRunSample {
  severity: Severity;
  sensitive?: boolean;
  /** 核实's outcome: confirm (the report goes up) or close (不属实). */
  verifyDecision?: 'confirm' | 'close';
}

interface Step {
  elementId: string;
  name: string | null;
  kind: 'job' | 'userTask' | 'message';
  jobType?: string;
  /** A user task's kind and candidate groups; a dispatch's recipient. */
  detail?: Record<string, unknown>;
}

const DECISIONS: Record<string, (sample: DryRunSample) => Record<string, unknown>> = {
  verify: (s) => ({ verifyDecision: s.verifyDecision ?? 'confirm', verifyOpinion: '试运行' }),
  sign_off: () => ({ signOffDecision: 'approve', signOffOpinion: '试运行' }),
  sector_sign_off: () => ({ signOffDecision: 'approve', signOffOpinion: '试运行' }),
  approve_upward: () => ({ upwardOpinion: '试运行' }),
};

const MAX_ROUNDS = 60;

/** A migrated empty database, dumped once per process: each dry run starts from a copy instead of migrating again. */
let emptyDataDir: Promise<Blob> | undefined;

async function throwawayDatabase() {
  emptyDataDir ??= openMemoryPGlite().then(async ({ db, dump }) => {
    try {
      return await dump();
    } finally {
      await db.close();
    }
  });
  emptyDataDir.catch(() => (emptyDataDir = undefined));
  return (await openMemoryPGlite({ loadDataDir: await emptyDataDir })).db;
}

/** A unit of the jurisdiction whose report the default route can carry (a county department, say): the sample's reporter. */
async function sampleReporter(deps: ApiDeps, jurisdiction: string) {
  const units = (await deps.orgUnits.all()).map(toOrgUnit);
  const prefix = jurisdiction.endsWith('0000') ? jurisdiction.slice(0, 2) : jurisdiction.endsWith('00') ? jurisdiction.slice(0, 4) : jurisdiction;
  for (const unit of units.filter((u) => u.divisionCode.startsWith(prefix) && u.kind === 'department')) {
    try {
      const found = reportRecipients(units, unit.id);
      if (found.superiorDepartment && found.sameLevelGovernment && found.sameLevelDutyOffice && found.cityDutyOffice) return { unit, found };
    } catch {
      // not a unit the default route serves
    }
  }
  throw new AppError('CANNOT_TRY', bilingual(`辖区 ${jurisdiction} 没有可作示例的报送单位`, `Jurisdiction ${jurisdiction} has no unit to report a sample from`));
}

/**
 * 试运行 (issue 17 item 6): the draft runs on sample reports in a throwaway scope — an embedded engine over an in-memory
 * PGlite of its own, closed afterwards — so nothing of the real system is written. 确定报送对象 and 确定法定时限 compute as
 * the real handlers do (the org tree, the jurisdiction's policy in effect: resolve-clock itself, which writes nothing
 * without a report id); every other job completes as a recorded step; user tasks are decided the happy way
 * (核实 per the sample, 审签 approves, receipts acknowledge). Answers the path each took, its tasks and its deadlines.
 */
export async function dryRunDraft(deps: ApiDeps, user: SessionUser, id: string, samples: DryRunSample[]) {
  const draft = await getDraft(deps, user, id);
  if (draft.bpmnProcessId !== PROCESS_IDS.incidentReport) {
    throw new AppError('CANNOT_TRY', bilingual('试运行目前只支持首报流程', 'Only the 首报 flow can be tried for now'));
  }
  await checkOrRefuse(deps, draft.xml, draft.bpmnProcessId);
  const reporter = await sampleReporter(deps, draft.jurisdiction);
  const names = new Map<string, string | null>();
  for (const model of await loadProcessModels(draft.xml)) for (const [elementId, element] of model.elements) names.set(elementId, element.name);

  const db = await throwawayDatabase();
  const engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });
  try {
    await engine.deploy([{ name: 'dry-run.bpmn', content: draft.xml }]);
    const results = [];
    for (const [index, sample] of samples.entries()) results.push(await runSample(deps, engine, draft.jurisdiction, reporter, sample, index, names));
    return { draftId: draft.id, revision: draft.revision, reportingUnit: { id: reporter.unit.id, name: reporter.unit.name }, results };
  } finally {
    await engine.close();
    await db.close();
  }
}

async function runSample(
  deps: ApiDeps,
  engine: WorkflowEngine,
  jurisdiction: string,
  reporter: Awaited<ReturnType<typeof sampleReporter>>,
  sample: DryRunSample,
  index: number,
  names: Map<string, string | null>,
) {
  const now = deps.now();
  const reportId = `dry-run-${index}`;
  const clockHandler = resolveClockHandler({ policies: deps.policies, now: deps.now });
  const variables = {
    reportId, incidentNumber: `试运行-${index + 1}`, reportingUnitId: reporter.unit.id, category: 'accident_disaster', title: '试运行示例报告',
    ...firstReportClockVariables(reporter.unit.divisionCode, { severity: sample.severity, sensitive: sample.sensitive, occurredAt: now, learnedAt: now, receivedAt: now }),
  };
  const instance = await engine.startInstance({ bpmnProcessId: PROCESS_IDS.incidentReport, businessKey: variables.incidentNumber, variables });
  const path: Step[] = [];
  let deadlines: unknown[] = [];
  const name = (elementId: string) => names.get(elementId) ?? null;

  const runJob = async (job: ActivatedJob) => {
    const step: Step = { elementId: job.elementId, name: name(job.elementId), kind: 'job', jobType: job.type };
    if (job.type === TASK_TYPES.dispatch) step.detail = { recipient: job.customHeaders.recipient ?? null, copy: job.customHeaders.copy === 'true' };
    path.push(step);
    if (job.type === TASK_TYPES.resolveClock) {
      const outcome = await clockHandler(job.variables, job);
      if (!('complete' in outcome)) throw new AppError('CANNOT_TRY', bilingual(`确定法定时限失败：${'message' in outcome ? outcome.message : ''}`, 'Resolving the deadlines failed'));
      // The report's deadlines; the province's own (a recipient's clock, docs/adr/0057) runs beside them, not instead.
      if (job.variables.clockParty !== 'province') deadlines = ((outcome.variables?.clocks as { rules?: unknown[] } | undefined)?.rules) ?? [];
      return engine.completeJob(job.key, outcome.variables);
    }
    if (job.type === TASK_TYPES.resolveRecipients) {
      const policy = await deps.policies(reporter.unit.divisionCode);
      const routes = reportRoutes(policy!, { severity: sample.severity, sensitive: sample.sensitive ?? false, mayEscalate: false }, reporter.found);
      const unitId = reporter.unit.id;
      const superior = reporter.found.superiorDepartment;
      return engine.completeJob(job.key, {
        routes: { ...routes, provinceJurisdiction: routes.provincialRecipient && superior ? superior.divisionCode : null },
        groups: {
          verifier: candidateGroup(unitId, 'verifier'), leader: candidateGroup(unitId, 'leader'), superiorDuty: candidateGroup(reporter.found.superiorDepartment!.id, 'duty_officer'),
          governmentDuty: candidateGroup(reporter.found.sameLevelDutyOffice!.id, 'duty_officer'), cityDuty: candidateGroup(reporter.found.cityDutyOffice!.id, 'duty_officer'),
        },
      });
    }
    await engine.completeJob(job.key, {});
    if (job.type === TASK_TYPES.clearUpward) {
      await engine.publishMessage({ name: MESSAGES.upwardCleared, correlationKey: reportId, timeToLiveMs: 60_000 });
      path.push({ elementId: job.elementId, name: '放行上报', kind: 'message' });
    }
  };

  let state = 'active';
  for (let round = 0; round < MAX_ROUNDS && state === 'active'; round++) {
    let progressed = false;
    for (const type of HANDLED_TASK_TYPES) {
      for (const job of await engine.activateJobs({ type, maxJobs: 20, timeoutMs: 60_000, worker: 'dry-run' })) {
        if (job.instanceKey !== instance.key) continue;
        await runJob(job);
        progressed = true;
      }
    }
    for (const task of await engine.searchUserTasks({ instanceKey: instance.key, state: 'created' })) {
      const kind = task.customHeaders.kind ?? '';
      path.push({ elementId: task.elementId, name: task.name, kind: 'userTask', detail: { kind, candidateGroups: task.candidateGroups, dueDate: task.dueDate } });
      await engine.completeUserTask(task.key, DECISIONS[kind]?.(sample) ?? {});
      progressed = true;
    }
    state = (await engine.getInstance(instance.key))?.state ?? 'completed';
    if (!progressed) break;
  }
  const status = await engine.getInstance(instance.key);
  const incidents = await engine.listIncidents({ instanceKey: instance.key, state: 'active' });
  return {
    sample,
    state: status?.state ?? 'completed',
    /** Where it waits at the end (a timer armed for a deadline, say); empty once it completed. */
    waitingAt: (status?.state === 'active' ? status.activeElements : []).map((e) => ({ elementId: e.elementId, name: name(e.elementId), type: e.elementType })),
    incidents: incidents.map((i) => ({ elementId: i.elementId, message: i.errorMessage })),
    path,
    deadlines,
  };
}
