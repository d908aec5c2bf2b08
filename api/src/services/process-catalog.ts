import { loadProcessModels } from '@kuaibao/engine';

/** The names the BPMN files give their processes and elements, for people reading where an instance waits. */
export interface ProcessCatalog {
  processName(bpmnProcessId: string): string | null;
  elementName(bpmnProcessId: string, elementId: string): string | null;
}

/** Reads the processes' and elements' names from BPMN resources (the files of processes/, as deployed). */
export async function loadProcessCatalog(resources: { content: string }[]): Promise<ProcessCatalog> {
  const processes = new Map<string, string | null>();
  const elements = new Map<string, Map<string, string | null>>();
  for (const { content } of resources) {
    for (const model of await loadProcessModels(content)) {
      const root = (model.moddleContext.rootElement.rootElements ?? []).find((e) => e.id === model.bpmnProcessId);
      processes.set(model.bpmnProcessId, root?.name ?? null);
      elements.set(model.bpmnProcessId, new Map([...model.elements].map(([id, element]) => [id, element.name])));
    }
  }
  return {
    processName: (bpmnProcessId) => processes.get(bpmnProcessId) ?? null,
    elementName: (bpmnProcessId, elementId) => elements.get(bpmnProcessId)?.get(elementId) ?? null,
  };
}
