import { createHash } from 'node:crypto';
import { loadProcessModels } from '../model/process-model';
import type { DeployedProcess, DeployResource } from '../types';
import type { StepRunner } from './step-runner';

/** Deploys BPMN resources per tenant: a new version when the source changed, the same definition when not. */
export async function deploy(runner: StepRunner, resources: DeployResource[], tenantId: string): Promise<DeployedProcess[]> {
  const parsed = await Promise.all(resources.map(async (resource) => ({ resource, models: await loadProcessModels(resource.content) })));
  return runner.store.transaction(async (tx) => {
    const deployed: DeployedProcess[] = [];
    for (const { resource, models } of parsed) {
      const checksum = createHash('sha256').update(resource.content).digest('hex');
      for (const model of models) {
        const query = { tenantId, bpmnProcessId: model.bpmnProcessId };
        const same = await tx.findDefinitionByChecksum({ ...query, checksum });
        const definition = same ?? {
          key: runner.key(),
          ...query,
          version: ((await tx.findDefinition(query))?.version ?? 0) + 1,
          resourceName: resource.name,
          checksum,
          source: resource.content,
        };
        if (!same) await tx.insertDefinition(definition);
        deployed.push({ key: definition.key, bpmnProcessId: definition.bpmnProcessId, version: definition.version, resourceName: definition.resourceName, tenantId });
      }
    }
    return deployed;
  });
}
