import { allFlowElements, is, type ModdleNode } from './moddle-node';

/**
 * The process as a graph of flow nodes, for "which steps can a token reach": sequence flows; a sub-process is
 * entered at its start events and left (by its outgoing flows) once an end event inside it is reached; a
 * boundary event can fire while its host (or anything inside it) is active.
 */
export interface FlowGraph {
  starts: ModdleNode[];
  nodes: ModdleNode[];
  next(node: ModdleNode): ModdleNode[];
  /**
   * The nodes `to` accepts that a token can reach from `from`, not going on past nodes `blocked` accepts. A sub-process
   * holding a blocked node is left only through it: its outcome is routed by the gateway after it, which the check
   * cannot evaluate, so the sub-process counts as the stage that passes the step (docs/adr/0037).
   */
  reaches(from: ModdleNode, to: (n: ModdleNode) => boolean, blocked?: (n: ModdleNode) => boolean): ModdleNode[];
}

export function flowGraph(process: ModdleNode): FlowGraph {
  const elements = allFlowElements(process);
  const nodes = elements.filter((e) => !is(e, 'bpmn:SequenceFlow') && !e.$type.startsWith('bpmn:Association'));
  const outgoing = new Map<ModdleNode, ModdleNode[]>();
  const add = (from: ModdleNode, to: ModdleNode) => outgoing.set(from, [...(outgoing.get(from) ?? []), to]);
  const exits = new Map<ModdleNode, ModdleNode>(); // sub-process → its exit marker node
  const exited = new Map<ModdleNode, ModdleNode>(); // exit marker → its sub-process
  for (const sub of nodes.filter((n) => n.flowElements)) {
    const exit = { $type: 'kuaibao:SubProcessExit', id: `${sub.id}#exit` };
    exits.set(sub, exit);
    exited.set(exit, sub);
  }
  for (const flow of elements.filter((e) => is(e, 'bpmn:SequenceFlow'))) {
    if (!flow.sourceRef || !flow.targetRef) continue;
    add(exits.get(flow.sourceRef) ?? flow.sourceRef, flow.targetRef);
  }
  for (const [sub, exit] of exits) {
    const inner = sub.flowElements ?? [];
    for (const start of inner.filter((e) => is(e, 'bpmn:StartEvent'))) add(sub, start);
    for (const end of inner.filter((e) => is(e, 'bpmn:EndEvent'))) add(end, exit);
  }
  for (const boundary of nodes.filter((n) => is(n, 'bpmn:BoundaryEvent') && n.attachedToRef)) add(boundary.attachedToRef!, boundary);
  const next = (node: ModdleNode) => outgoing.get(node) ?? [];
  const starts = (process.flowElements ?? []).filter((e) => is(e, 'bpmn:StartEvent'));
  return {
    starts,
    nodes,
    next,
    reaches(from, target, blocked = () => false) {
      const seen = new Set<ModdleNode>([from]);
      const found: ModdleNode[] = [];
      const queue = [...next(from)];
      while (queue.length > 0) {
        const node = queue.shift()!;
        if (seen.has(node)) continue;
        seen.add(node);
        if (target(node)) found.push(node);
        if (blocked(node)) continue;
        const exitOf = exited.get(node);
        if (exitOf && allFlowElements(exitOf).some(blocked)) continue;
        queue.push(...next(node));
      }
      return found;
    },
  };
}
