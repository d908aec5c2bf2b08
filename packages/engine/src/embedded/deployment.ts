import { createHash } from 'node:crypto';
import { loadProcessModels } from '../model/process-model';
import type { DeployedProcess, DeployResource } from '../types';
import type { StepRunner } from './step-runner';

/**
 * Deploys BPMN resources per tenant: a new version when the source changed, the same definition when not.
 * A resource deployed before with the same content is not parsed again (a restart deploys every file).
 */
export async function deploy(runner: StepRunner, resources: DeployResource[], tenantId: string): Promise<DeployedProcess[]> {
  const checksums = resources.map((resource) => createHash('sha256').update(resource.content).digest('hex'));
  const known = await Promise.all(checksums.map((checksum) => runner.store.findDefinitionsByChecksum({ tenantId, checksum })));
  const parsed = await Promise.all(
    resources.map(async (resource, i) => ({ resource, checksum: checksums[i]!, models: known[i]!.length > 0 ? null : await loadProcessModels(resource.content) })),
  );
  return runner.store.transaction(async (tx) => {
    const deployed: DeployedProcess[] = [];
    for (const [i, { resource, checksum, models }] of parsed.entries()) {
      if (!models) {
        // Deployed before with this very content: the latest definition of each of its processes.
        const latest = new Map(known[i]!.map((d) => [d.bpmnProcessId, d]));
        for (const d of latest.values()) deployed.push({ key: d.key, bpmnProcessId: d.bpmnProcessId, version: d.version, resourceName: d.resourceName, tenantId });
        continue;
      }
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
