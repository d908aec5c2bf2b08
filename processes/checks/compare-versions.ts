// Compare view (issue 17 item 5): bpmn-js-differ's semantic diff of two versions of a process, as rows the designer
// reads (element, kind of change, each property before and after). Node only, like change-summary.
import { createRequire } from 'node:module';
import { allFlowElements, candidateGroups, type ModdleNode } from './moddle-node';

const require = createRequire(import.meta.url);
const BpmnModdle = require('bpmn-moddle') as new (extensions: object) => { fromXML(xml: string): Promise<{ rootElement: ModdleNode & { rootElements?: ModdleNode[] } }> };
const { diff } = require('bpmn-js-differ') as {
  diff(a: object, b: object): Record<'_added' | '_removed' | '_layoutChanged', Record<string, ModdleNode>> & { _changed: Record<string, { model: ModdleNode; attrs: Record<string, unknown> }> };
};
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as object;

export const ELEMENT_CHANGE_KINDS = ['added', 'removed', 'changed', 'layout'] as const;
export type ElementChangeKind = (typeof ELEMENT_CHANGE_KINDS)[number];

export interface PropertyChange {
  property: string;
  before: string;
  after: string;
}

export interface ElementDiff {
  id: string;
  name: string | null;
  type: string;
  change: ElementChangeKind;
  properties: PropertyChange[];
}

/** What a designer changes on an element, as text: bpmn-js-differ sees that an extension element changed, this says which. */
function properties(element: ModdleNode | undefined): Record<string, string> {
  if (!element) return {};
  const extension = element.extensionElements?.values ?? [];
  const timer = element.eventDefinitions?.find((d) => d.$type === 'bpmn:TimerEventDefinition');
  const io = extension.find((v) => v.$type === 'zeebe:IoMapping') as { inputParameters?: { source?: string; target?: string }[] } | undefined;
  const all: Record<string, string> = {
    name: element.name ?? '',
    type: element.$type,
    sourceRef: element.sourceRef?.id ?? '',
    targetRef: element.targetRef?.id ?? '',
    jobType: extension.find((v) => v.$type === 'zeebe:TaskDefinition')?.type ?? '',
    headers: (extension.find((v) => v.$type === 'zeebe:TaskHeaders')?.values ?? []).map((h) => `${h.key}=${h.value}`).join('; '),
    candidateGroups: candidateGroups(element) ?? '',
    timer: (timer?.timeDate ?? timer?.timeDuration ?? timer?.timeCycle)?.body ?? '',
    condition: (element as { conditionExpression?: { body?: string } }).conditionExpression?.body ?? '',
    inputs: (io?.inputParameters ?? []).map((p) => `${p.target}=${p.source}`).join('; '),
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== ''));
}

async function definitions(xml: string) {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml);
  const processes = (rootElement.rootElements ?? []).filter((e) => e.$type === 'bpmn:Process');
  return { rootElement, elements: new Map(processes.flatMap(allFlowElements).map((e) => [e.id!, e])) };
}

const ORDER: Record<ElementChangeKind, number> = { removed: 0, added: 1, changed: 2, layout: 3 };

/** The differences from `before` to `after`: flow elements added, removed, changed (with each property) or only moved. */
export async function compareVersions(before: string, after: string): Promise<ElementDiff[]> {
  const [old, now] = await Promise.all([definitions(before), definitions(after)]);
  const result = diff(old.rootElement, now.rootElement);
  const rows = new Map<string, ElementDiff>();
  const row = (id: string, change: ElementChangeKind) => {
    const element = now.elements.get(id) ?? old.elements.get(id);
    // The process itself, diagram elements and definitions are not what a designer reads as a step
    if (!element) return;
    const [a, b] = [properties(old.elements.get(id)), properties(now.elements.get(id))];
    const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((k) => a[k] !== b[k])
      .map((property) => ({ property, before: a[property] ?? '', after: b[property] ?? '' }));
    if (change === 'changed' && changed.length === 0 && Object.keys(result._changed[id]?.attrs ?? {}).length === 0) return;
    rows.set(id, { id, name: element.name ?? null, type: element.$type, change, properties: change === 'layout' ? [] : changed });
  };
  for (const id of Object.keys(result._removed)) row(id, 'removed');
  for (const id of Object.keys(result._added)) row(id, 'added');
  for (const id of Object.keys(result._changed)) if (!rows.has(id)) row(id, 'changed');
  for (const id of Object.keys(result._layoutChanged)) if (!rows.has(id)) row(id, 'layout');
  // bpmn-js-differ reports a change below an element (a timer's expression, a condition's body) under the inner
  // object's id, or not at all: an element in both versions whose properties differ is changed whatever it says
  for (const id of now.elements.keys()) {
    if (!old.elements.has(id) || (rows.has(id) && rows.get(id)!.change !== 'layout')) continue;
    const [a, b] = [properties(old.elements.get(id)), properties(now.elements.get(id))];
    if ([...new Set([...Object.keys(a), ...Object.keys(b)])].some((k) => a[k] !== b[k])) row(id, 'changed');
  }
  return [...rows.values()].sort((x, y) => ORDER[x.change] - ORDER[y.change] || x.id.localeCompare(y.id));
}
