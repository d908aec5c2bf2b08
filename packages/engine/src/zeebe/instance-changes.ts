import { elementsOf, planMigration, type PlannedDefinition } from '../changes/migration-plan';
import { EngineError } from '../errors';
import { loadProcessModels } from '../model/process-model';
import type { InstanceStatus, MigrationPlan, MigrationReport, ModifyInstanceInput, ProcessDefinitionInfo } from '../types';
import { call, isNotFound } from './errors';
import { restKey } from './rest-keys';
import { jsonDoc, NO_WAIT, type CamundaRest, type SetVariables, type ZeebeGrpc } from './sdk';

/** Zeebe's own "activate in the flow scope's instance" (ancestorElementInstanceKey -1). */
const FLOW_SCOPE = '-1';

/**
 * Process instance modification and migration on Zeebe (docs/adr/0051): the port's calls as the gRPC commands
 * ModifyProcessInstance and MigrateProcessInstance, which the broker checks and applies atomically (a rejection is
 * INVALID_STATE / INVALID_ARGUMENT through `call`). A dry run of a migration is the port's own check (planMigration)
 * over the instance's active elements and both definitions' XML, read from the REST API: Zeebe has no dry run.
 */
export class ZeebeInstanceChanges {
  constructor(
    private readonly grpc: ZeebeGrpc,
    private readonly rest: CamundaRest,
    private readonly getInstance: (key: string) => Promise<InstanceStatus | null>,
  ) {}

  async modify(instanceKey: string, input: ModifyInstanceInput): Promise<void> {
    if (input.terminate.length === 0 && input.activate.length === 0) {
      throw new EngineError('INVALID_STATE', 'Nothing to terminate or activate', { refusals: [{ reason: 'NOTHING_TO_DO', message: 'Nothing to terminate or activate' }] });
    }
    await call({ kind: 'command', subject: `Process instance ${instanceKey}` }, () =>
      this.grpc.modifyProcessInstance({
        processInstanceKey: instanceKey,
        terminateInstructions: input.terminate.map((elementInstanceKey) => ({ elementInstanceKey })),
        activateInstructions: input.activate.map(({ elementId, variables }) => ({
          elementId,
          ancestorElementInstanceKey: FLOW_SCOPE,
          variableInstructions: variables ? [{ scopeId: '', variables: jsonDoc<SetVariables>(variables) }] : [],
        })),
      }),
    );
  }

  async migrate(instanceKey: string, plan: MigrationPlan, dryRun: boolean): Promise<MigrationReport> {
    const instance = await this.getInstance(instanceKey);
    if (!instance) throw new EngineError('NOT_FOUND', `Process instance ${instanceKey} not found`, { key: instanceKey });
    if (instance.state !== 'active') throw new EngineError('INVALID_STATE', `Process instance ${instanceKey} is ${instance.state}`);
    const [source, target] = await Promise.all([this.definition(instance.definitionKey), this.definition(plan.targetDefinitionKey)]);
    const outcome = planMigration(source, target, instance.activeElements.map((e) => ({ key: e.elementInstanceKey, elementId: e.elementId })), plan);
    const report: MigrationReport = {
      instanceKey, sourceDefinitionKey: source.key, sourceVersion: source.version, targetDefinitionKey: target.key, targetVersion: target.version,
      moves: outcome.moves, refusals: outcome.refusals, migrated: false,
    };
    if (dryRun) return report;
    if (outcome.refusals.length > 0) throw new EngineError('INVALID_STATE', outcome.refusals.map((r) => r.message).join('; '), { refusals: outcome.refusals });
    await call({ kind: 'command', subject: `Process instance ${instanceKey}` }, () =>
      this.grpc.migrateProcessInstance({
        processInstanceKey: instanceKey,
        migrationPlan: { targetProcessDefinitionKey: plan.targetDefinitionKey, mappingInstructions: plan.mappings.map((m) => ({ ...m })) },
      }),
    );
    return { ...report, migrated: true };
  }

  async list(filter: { bpmnProcessId: string; tenantId: string }): Promise<ProcessDefinitionInfo[]> {
    const found = await call({ kind: 'lookup', subject: `Process ${filter.bpmnProcessId}` }, () =>
      this.rest.searchProcessDefinitions(
        { filter: { processDefinitionId: restKey.processDefinitionId(filter.bpmnProcessId), tenantId: restKey.tenant(filter.tenantId) }, sort: [{ field: 'version', order: 'DESC' }], page: { limit: 100 } },
        NO_WAIT,
      ),
    );
    const infos: ProcessDefinitionInfo[] = [];
    for (const item of found.items ?? []) {
      const definition = await this.definition(String(item.processDefinitionKey));
      infos.push({ key: definition.key, bpmnProcessId: definition.bpmnProcessId, version: definition.version, tenantId: definition.tenantId, elements: elementsOf(definition.model) });
    }
    return infos;
  }

  private async definition(key: string): Promise<PlannedDefinition> {
    const processDefinitionKey = restKey.processDefinition(key);
    try {
      const [definition, xml] = await Promise.all([
        this.rest.getProcessDefinition({ processDefinitionKey }, NO_WAIT),
        this.rest.getProcessDefinitionXml({ processDefinitionKey }, NO_WAIT),
      ]);
      const bpmnProcessId = String(definition.processDefinitionId);
      const model = (await loadProcessModels(String(xml))).find((m) => m.bpmnProcessId === bpmnProcessId);
      if (!model) throw new EngineError('INVALID_DEFINITION', `Definition ${key} has no process ${bpmnProcessId}`);
      return { key, bpmnProcessId, version: Number(definition.version), tenantId: String(definition.tenantId), model };
    } catch (error) {
      if (isNotFound(error)) throw new EngineError('NOT_FOUND', `Process definition ${key} not found`, { key });
      throw error;
    }
  }
}
