import type { ElementDurations, ElementDurationsQuery } from '@kuaibao/domain';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { isEngineKey } from '../engine-key';

/**
 * Time spent per element of one deployed version (issue 22 item 4, docs/adr/0059): p50 / p95 of the element
 * instances completed by the instances started in the last `days`, with the version's BPMN for the heat map.
 * The embedded engine's rows only: Zeebe keeps its element-instance history in its exporters (Operate's
 * Elasticsearch), which kuaibao does not read, so on Zeebe this is a 501 saying so.
 */
export async function elementDurations(
  deps: Pick<ApiDeps, 'config' | 'engine' | 'engineHistory' | 'now'>, key: string, query: ElementDurationsQuery,
): Promise<ElementDurations> {
  if (deps.config.zeebe) {
    throw new AppError('NOT_ON_THIS_ENGINE', bilingual(
      '各环节耗时只在内置引擎上统计：Zeebe 的环节历史在其导出器（Operate 的 Elasticsearch）中，本系统不读取',
      'Time per element is measured on the embedded engine only: Zeebe keeps element-instance history in its exporters (Operate\'s Elasticsearch), which kuaibao does not read',
    ));
  }
  const notFound = () => new AppError('NOT_FOUND', bilingual(`流程版本 ${key} 不存在`, `Process version ${key} not found`));
  if (!isEngineKey(key)) throw notFound();
  const definition = await deps.engineHistory.definition(key);
  if (!definition) throw notFound();
  const since = new Date(deps.now().getTime() - query.days * 86_400_000);
  const [{ instances, elements }, versions] = await Promise.all([
    deps.engineHistory.forDefinition(key, since),
    deps.engine.listDefinitions({ bpmnProcessId: definition.bpmnProcessId, tenantId: definition.tenantId }),
  ]);
  const names = new Map((versions.find((v) => v.key === key)?.elements ?? []).map((e) => [e.id, e.name]));
  const { source, ...ref } = definition;
  return {
    definition: ref,
    xml: source,
    since: since.toISOString(),
    instances,
    elements: elements.map((e) => ({ ...e, elementName: names.get(e.elementId) ?? null })),
  };
}
