// What changed between two versions of a process, element by element: the 409 of a concurrent save shows it, and
// every deployment records it against the version deployed before (docs/adr/0036). Node only.
import { createRequire } from 'node:module';
import { allFlowElements, candidateGroups, type ModdleNode } from './moddle-node';

const require = createRequire(import.meta.url);
const BpmnModdle = require('bpmn-moddle') as new (extensions: object) => { fromXML(xml: string): Promise<{ rootElement: ModdleNode & { rootElements?: ModdleNode[] } }> };
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as object;

export interface ElementChange {
  id: string;
  name: string | null;
  type: string;
}

export interface ChangeSummary {
  added: ElementChange[];
  removed: ElementChange[];
  changed: (ElementChange & { fields: string[] })[];
}

/** The properties of an element a designer changes: name, type, flow ends, job type, headers, groups, timers, conditions. */
function facets(element: ModdleNode): Record<string, string> {
  const extension = element.extensionElements?.values ?? [];
  const timer = element.eventDefinitions?.find((d) => d.$type === 'bpmn:TimerEventDefinition');
  const condition = (element as { conditionExpression?: { body?: string } }).conditionExpression?.body;
  return {
    name: element.name ?? '',
    type: element.$type,
    source: element.sourceRef?.id ?? '',
    target: element.targetRef?.id ?? '',
    jobType: extension.find((v) => v.$type === 'zeebe:TaskDefinition')?.type ?? '',
    headers: JSON.stringify(extension.find((v) => v.$type === 'zeebe:TaskHeaders')?.values?.map((h) => [h.key, h.value]) ?? []),
    candidateGroups: candidateGroups(element) ?? '',
    timer: (timer?.timeDate ?? timer?.timeDuration ?? timer?.timeCycle)?.body ?? '',
    condition: condition ?? '',
  };
}

async function elementsOf(xml: string): Promise<Map<string, ModdleNode>> {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml);
  const processes = (rootElement.rootElements ?? []).filter((e) => e.$type === 'bpmn:Process');
  return new Map(processes.flatMap(allFlowElements).map((e) => [e.id!, e]));
}

const describe = (e: ModdleNode): ElementChange => ({ id: e.id!, name: e.name ?? null, type: e.$type });

export async function summarizeChanges(before: string, after: string): Promise<ChangeSummary> {
  const [old, now] = await Promise.all([elementsOf(before), elementsOf(after)]);
  const changed: ChangeSummary['changed'] = [];
  for (const [id, element] of now) {
    const previous = old.get(id);
    if (!previous) continue;
    const [a, b] = [facets(previous), facets(element)];
    const fields = Object.keys(b).filter((k) => a[k] !== b[k]);
    if (fields.length > 0) changed.push({ ...describe(element), fields });
  }
  return {
    added: [...now.values()].filter((e) => !old.has(e.id!)).map(describe),
    removed: [...old.values()].filter((e) => !now.has(e.id!)).map(describe),
    changed,
  };
}
