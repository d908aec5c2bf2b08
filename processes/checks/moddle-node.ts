/** The part of a bpmn-moddle element the kuaibao rules read (the same shape in bpmnlint on the server and in bpmn-js). */
export interface ModdleNode {
  $type: string;
  id?: string;
  name?: string;
  $parent?: ModdleNode;
  flowElements?: ModdleNode[];
  sourceRef?: ModdleNode;
  targetRef?: ModdleNode;
  attachedToRef?: ModdleNode;
  eventDefinitions?: ModdleNode[];
  extensionElements?: { values?: ModdleNode[] };
  // zeebe extension elements
  type?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  values?: { key?: string; value?: string }[];
  // timers
  timeDuration?: { body?: string };
  timeDate?: { body?: string };
  timeCycle?: { body?: string };
}

export interface Reporter {
  report(id: string, message: string): void;
}

export const is = (node: ModdleNode | undefined, type: string): boolean => node?.$type === type;

/** 「名称」（id）: how every kuaibao finding names the element it is about. */
export const label = (node: ModdleNode): string => (node.name ? `「${node.name}」（${node.id}）` : `「${node.id}」`);

const extension = (node: ModdleNode, type: string): ModdleNode | undefined => node.extensionElements?.values?.find((v) => v.$type === type);

export const jobType = (node: ModdleNode): string | undefined => extension(node, 'zeebe:TaskDefinition')?.type;

export const header = (node: ModdleNode, key: string): string | undefined =>
  extension(node, 'zeebe:TaskHeaders')?.values?.find((h) => h.key === key)?.value;

export const candidateGroups = (node: ModdleNode): string | undefined => extension(node, 'zeebe:AssignmentDefinition')?.candidateGroups;
export const candidateUsers = (node: ModdleNode): string | undefined => extension(node, 'zeebe:AssignmentDefinition')?.candidateUsers;

/** Every flow element of a process, sub-processes' included. */
export function allFlowElements(container: ModdleNode): ModdleNode[] {
  return (container.flowElements ?? []).flatMap((e) => [e, ...(e.flowElements ? allFlowElements(e) : [])]);
}
