import { elementsOf, planMigration, type HeldEvent } from '../changes/migration-plan';
import { EngineError, notFound } from '../errors';
import { isExecutorState, type ExecutorState } from '../executor/state';
import type { ChangeRefusal, MigrationPlan, MigrationReport, ModifyInstanceInput, ProcessDefinitionInfo } from '../types';
import type { StepRunner } from './step-runner';

/** A modification or migration refused whole: nothing changed; the reasons travel as the error's details. */
export const refused = (refusals: ChangeRefusal[]) => new EngineError('INVALID_STATE', refusals.map((r) => r.message).join('; '), { refusals });

const legacy = (instanceKey: string): ChangeRefusal => ({
  reason: 'LEGACY_INSTANCE',
  message: `Process instance ${instanceKey} was started on bpmn-engine and finishes there: it cannot be modified or migrated (docs/adr/0043)`,
});

/** The deployed versions of a process in a tenant, newest first, with their elements. */
export async function listDefinitions(runner: StepRunner, filter: { bpmnProcessId: string; tenantId?: string }): Promise<ProcessDefinitionInfo[]> {
  const definitions = await runner.store.listDefinitions({ tenantId: filter.tenantId ?? runner.tenantId, bpmnProcessId: filter.bpmnProcessId });
  const infos: ProcessDefinitionInfo[] = [];
  for (const d of definitions) {
    infos.push({ key: d.key, bpmnProcessId: d.bpmnProcessId, version: d.version, tenantId: d.tenantId, elements: elementsOf(await runner.model(d.key)) });
  }
  return infos;
}

/**
 * Process instance modification on the token executor, as one step (docs/adr/0051): the runtime checks the whole
 * modification before it changes anything; the element instances it ends lose their jobs, tasks, timers and
 * subscriptions with the step's write, and their incidents are resolved (as Zeebe resolves the incidents of terminated
 * elements). An activation that fails (a mapping, a gateway without a flow) refuses the modification, never an incident.
 */
export async function modifyInstance(runner: StepRunner, instanceKey: string, input: ModifyInstanceInput): Promise<void> {
  await runner.step(instanceKey, null, async (runtime, _record, tx) => {
    if (!runtime.modify) throw refused([legacy(instanceKey)]);
    try {
      await runtime.modify(input);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'STEP_FAILED') throw refused([{ reason: 'ACTIVATION_FAILED', message: error.message }]);
      throw error;
    }
    const alive = new Set(runtime.completed ? [] : runtime.activeElements([]).map((e) => e.elementInstanceKey));
    const now = new Date(runner.clock());
    for (const incident of await tx.listIncidents({ instanceKey, state: 'active' })) {
      if (!alive.has(incident.elementInstanceKey)) await tx.resolveIncident(incident.key, now);
    }
  }, { lockFirst: true });
}

/**
 * Process instance migration on the token executor (docs/adr/0051): the plan is checked against the instance's state
 * (planMigration); a dry run answers what would move and what cannot and changes nothing; else a plan with any refusal
 * is refused whole, and a valid one rewrites the element ids of the state and of the wait rows in one statement: the
 * element instances keep their keys, jobs (type, retries, variables as created), user tasks (assignee), timers (due
 * times: the statutory clocks run on) and subscriptions. The next step runs the instance on the target's model.
 */
export async function migrateInstance(runner: StepRunner, instanceKey: string, plan: MigrationPlan, dryRun: boolean): Promise<MigrationReport> {
  const target = await runner.store.getDefinition(plan.targetDefinitionKey);
  if (!target) throw notFound('Process definition', plan.targetDefinitionKey);
  const report = await runner.mutex.run(instanceKey, () =>
    runner.store.transaction(async (tx) => {
      const record = await runner.lockActive(tx, instanceKey);
      const base: MigrationReport = {
        instanceKey, sourceDefinitionKey: record.definitionKey, sourceVersion: record.version, targetDefinitionKey: target.key, targetVersion: target.version,
        moves: [], refusals: [], migrated: false,
      };
      const state = record.engineState;
      if (!isExecutorState(state)) {
        if (dryRun) return { ...base, refusals: [legacy(instanceKey)] };
        throw refused([legacy(instanceKey)]);
      }
      const sourceModel = await runner.model(record.definitionKey, tx);
      const targetModel = await runner.model(target.key, tx);
      const elementOf = (key: string | null) => (key === null ? null : (state.elements.find((e) => e.key === key)?.elementId ?? null));
      const events: HeldEvent[] = [...state.timers, ...state.messages].map((w) => ({ key: w.key, elementId: w.elementId, ownerElementId: elementOf(w.owner) }));
      const outcome = planMigration(
        { key: record.definitionKey, bpmnProcessId: record.bpmnProcessId, version: record.version, tenantId: record.tenantId, model: sourceModel },
        { key: target.key, bpmnProcessId: target.bpmnProcessId, version: target.version, tenantId: target.tenantId, model: targetModel },
        state.elements.map((e) => ({ key: e.key, elementId: e.elementId })),
        plan,
        { events, joins: state.joins },
      );
      const result = { ...base, moves: outcome.moves, refusals: outcome.refusals };
      if (dryRun) return result;
      if (outcome.refusals.length > 0) throw refused(outcome.refusals);

      const elementTo = new Map(outcome.moves.map((m) => [m.elementInstanceKey, m.targetElementId]));
      const eventTo = new Map(outcome.events.map((e) => [e.key, e.targetElementId]));
      const joinTo = new Map(outcome.joins.map((j) => [j.gatewayId, j.targetGatewayId]));
      const migrated: ExecutorState = {
        ...state,
        elements: state.elements.map((e) => ({ ...e, elementId: elementTo.get(e.key) ?? e.elementId })),
        timers: state.timers.map((t) => ({ ...t, elementId: eventTo.get(t.key) ?? t.elementId })),
        messages: state.messages.map((m) => ({ ...m, elementId: eventTo.get(m.key) ?? m.elementId })),
        joins: state.joins.map((j) => ({ ...j, gatewayId: joinTo.get(j.gatewayId) ?? j.gatewayId })),
      };
      Object.assign(record, {
        definitionKey: target.key, bpmnProcessId: target.bpmnProcessId, version: target.version, engineState: migrated,
        activeElements: migrated.elements.map((e) => ({ elementId: e.elementId, elementType: targetModel.elements.get(e.elementId)!.type, elementInstanceKey: e.key, since: e.since })),
      });
      const change = (w: { key: string; elementId: string }) => ({ elementInstance: w.key, elementId: w.elementId });
      await tx.migrateInstance(record, {
        elements: migrated.elements.map(change),
        timers: migrated.timers.map(change),
        subscriptions: migrated.messages.map(change),
      });
      return { ...result, migrated: true };
    }),
  );
  // The runtime kept in memory runs the old model: the next step recovers the instance on the target's.
  if (report.migrated) runner.hot.drop(instanceKey);
  return report;
}
