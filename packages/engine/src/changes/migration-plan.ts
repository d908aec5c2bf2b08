import type { ElementModel, ProcessModel } from '../model/process-model';
import type { ChangeRefusal, MigrationMove, MigrationPlan } from '../types';

/** A definition as the plan needs it: which process, which tenant, its parsed model. */
export interface PlannedDefinition {
  key: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  model: ProcessModel;
}

/** A timer or message subscription an instance holds (embedded engine only: Zeebe re-subscribes itself). */
export interface HeldEvent {
  key: string;
  elementId: string;
  /** The element id of the element instance that owns it (a catch event, the host of a boundary event, a scope); null: the process. */
  ownerElementId: string | null;
}

export interface HeldJoin {
  gatewayId: string;
  flows: string[];
}

export interface MigrationOutcome {
  moves: MigrationMove[];
  /** Timers and subscriptions: their key and the event they belong to in the target. */
  events: { key: string; targetElementId: string }[];
  joins: { gatewayId: string; targetGatewayId: string }[];
  refusals: ChangeRefusal[];
}

/**
 * Zeebe's rules for a migration plan, checked before anything changes (docs/adr/0051): the target is another version of
 * the same process in the same tenant; every active element instance is mapped, explicitly, to an element of the same
 * type whose flow scope is where its own scope goes; a held timer, subscription or join must find its event or gateway
 * in the target (mapped, or by the same id), or the clock or message it waits for would be lost.
 */
export function planMigration(
  source: PlannedDefinition,
  target: PlannedDefinition,
  active: { key: string; elementId: string }[],
  plan: MigrationPlan,
  held: { events?: HeldEvent[]; joins?: HeldJoin[] } = {},
): MigrationOutcome {
  const refusals: ChangeRefusal[] = [];
  const outcome: MigrationOutcome = { moves: [], events: [], joins: [], refusals };
  if (target.bpmnProcessId !== source.bpmnProcessId) {
    refusals.push({ reason: 'OTHER_PROCESS', message: `Target ${target.key} is process ${target.bpmnProcessId}, not ${source.bpmnProcessId}` });
  } else if (target.tenantId !== source.tenantId) {
    refusals.push({ reason: 'OTHER_TENANT', message: `Target ${target.key} is in tenant ${target.tenantId}, not ${source.tenantId}` });
  } else if (target.key === source.key) {
    refusals.push({ reason: 'SAME_DEFINITION', message: `The instance already runs version ${source.version}` });
  }
  if (refusals.length > 0) return outcome;

  const mapped = (id: string) => plan.mappings.find((m) => m.sourceElementId === id)?.targetElementId;
  for (const instance of active) {
    const from = source.model.elements.get(instance.elementId);
    const to = mapped(instance.elementId);
    const at = { elementId: instance.elementId, elementInstanceKey: instance.key };
    if (to === undefined) {
      refusals.push({ ...at, reason: 'UNMAPPED_ELEMENT', message: `Active element ${instance.elementId} has no mapping` });
      continue;
    }
    const element = target.model.elements.get(to);
    if (!element) {
      refusals.push({ ...at, targetElementId: to, reason: 'TARGET_UNKNOWN', message: `Element ${to} is not in version ${target.version}` });
      continue;
    }
    if (from && from.type !== element.type) {
      refusals.push({ ...at, targetElementId: to, reason: 'TYPE_CHANGED', message: `${instance.elementId} (${from.type}) cannot become ${to} (${element.type})` });
      continue;
    }
    // A child of an unmapped scope: that scope is refused itself, its children need no second refusal.
    const expectedParent = from?.parentId ? mapped(from.parentId) : null;
    if (expectedParent !== undefined && element.parentId !== expectedParent) {
      refusals.push({ ...at, targetElementId: to, reason: 'SCOPE_CHANGED', message: `${to} is not inside ${expectedParent ?? 'the process'}, where ${instance.elementId}'s scope goes` });
      continue;
    }
    outcome.moves.push({ elementInstanceKey: instance.key, elementId: instance.elementId, targetElementId: to });
  }

  for (const event of held.events ?? []) {
    const owner = event.ownerElementId === null ? null : (mapped(event.ownerElementId) ?? null);
    if (event.ownerElementId !== null && owner === null) continue; // its owner is refused as unmapped
    // A catch event or receive task waits as itself: it moves with its element.
    const targetId = event.elementId === event.ownerElementId ? owner : (mapped(event.elementId) ?? event.elementId);
    const element = targetId === null ? undefined : target.model.elements.get(targetId);
    const sourceEvent = source.model.elements.get(event.elementId);
    if (event.elementId === event.ownerElementId) {
      if (targetId !== null) outcome.events.push({ key: event.key, targetElementId: targetId });
      continue; // refused above with its element when unmapped
    }
    if (!element || !fits(sourceEvent, element, owner)) {
      refusals.push({ elementId: event.elementId, reason: 'UNMAPPED_EVENT', message: `The ${sourceEvent?.eventKind ?? 'event'} ${event.elementId} has no counterpart in version ${target.version}` });
      continue;
    }
    outcome.events.push({ key: event.key, targetElementId: element.id });
  }

  for (const join of held.joins ?? []) {
    const targetId = mapped(join.gatewayId) ?? join.gatewayId;
    const gateway = target.model.elements.get(targetId);
    if (!gateway || gateway.type !== 'bpmn:ParallelGateway' || !join.flows.every((flow) => gateway.incoming.includes(flow))) {
      refusals.push({ elementId: join.gatewayId, reason: 'UNMAPPED_JOIN', message: `The parallel join ${join.gatewayId} and its taken flows are not in version ${target.version}` });
      continue;
    }
    outcome.joins.push({ gatewayId: join.gatewayId, targetGatewayId: targetId });
  }
  return outcome;
}

/** The target event plays the same part: same type and definition, on the host its owner is mapped to. */
function fits(source: ElementModel | undefined, target: ElementModel, owner: string | null): boolean {
  if (!source || source.type !== target.type || source.eventKind !== target.eventKind) return false;
  if (target.type === 'bpmn:BoundaryEvent') return target.attachedTo === owner;
  return true;
}

/** The elements of a model as the port lists them. */
export function elementsOf(model: ProcessModel) {
  return [...model.elements.values()].map((e) => ({ id: e.id, name: e.name, type: e.type, parentId: e.parentId }));
}
