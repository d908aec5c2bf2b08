import type { ProcessModel } from '../model/process-model';
import type { ChangeRefusal, ModifyInstanceInput, Variables } from '../types';
import type { ExecutorState } from './state';
import { PROCESSORS } from './processors';

export interface PlannedActivation {
  elementId: string;
  /** The element instance of its flow scope; null: the process. */
  scope: string | null;
  variables?: Variables;
}

/**
 * Checks a modification against the instance's state before anything changes (docs/adr/0051): what it terminates is
 * active; what it activates exists, can be activated, and lands in exactly one live instance of its flow scope (a token
 * inside a sub-process needs that sub-process active); no sub-process and not the process is left without a token.
 */
export function planModification(model: ProcessModel, state: ExecutorState, input: ModifyInstanceInput): { refusals: ChangeRefusal[]; activations: PlannedActivation[] } {
  const refusals: ChangeRefusal[] = [];
  const activations: PlannedActivation[] = [];
  if (input.terminate.length === 0 && input.activate.length === 0) {
    return { refusals: [{ reason: 'NOTHING_TO_DO', message: 'Nothing to terminate or activate' }], activations };
  }
  const byKey = new Map(state.elements.map((e) => [e.key, e]));
  for (const key of input.terminate) {
    if (!byKey.has(key)) refusals.push({ reason: 'NOT_ACTIVE', elementInstanceKey: key, message: `Element instance ${key} is not active` });
  }
  const ended = new Set<string>();
  const end = (key: string) => {
    ended.add(key);
    for (const child of state.elements) if (child.scope === key && !ended.has(child.key)) end(child.key);
  };
  for (const key of input.terminate) if (byKey.has(key)) end(key);

  for (const { elementId, variables } of input.activate) {
    const element = model.elements.get(elementId);
    if (!element) {
      refusals.push({ reason: 'UNKNOWN_ELEMENT', elementId, message: `Element ${elementId} is not in process ${model.bpmnProcessId}` });
      continue;
    }
    const joining = element.type === 'bpmn:ParallelGateway' && element.incoming.length > 1;
    if (!PROCESSORS[element.type] || element.type === 'bpmn:StartEvent' || element.type === 'bpmn:BoundaryEvent' || element.triggeredByEvent || joining) {
      refusals.push({ reason: 'NOT_ACTIVATABLE', elementId, message: `${elementId} (${element.type}) cannot be activated` });
      continue;
    }
    if (element.parentId === null) {
      activations.push({ elementId, scope: null, ...(variables && { variables }) });
      continue;
    }
    const scopes = state.elements.filter((e) => e.elementId === element.parentId && !ended.has(e.key));
    if (scopes.length !== 1) {
      refusals.push({
        reason: scopes.length === 0 ? 'SCOPE_MISSING' : 'SCOPE_AMBIGUOUS',
        elementId,
        message: scopes.length === 0 ? `${elementId} lies inside ${element.parentId}, which is not active` : `${element.parentId} is active more than once`,
      });
      continue;
    }
    activations.push({ elementId, scope: scopes[0]!.key, ...(variables && { variables }) });
  }

  // Every scope a termination touches keeps a token: a remaining child or an activation into it.
  const touched = new Set(input.terminate.flatMap((key) => (byKey.has(key) && !ended.has(byKey.get(key)!.scope ?? '') ? [byKey.get(key)!.scope] : [])));
  for (const scope of touched) {
    const left = state.elements.some((e) => e.scope === scope && !ended.has(e.key)) || activations.some((a) => a.scope === scope);
    if (left) continue;
    if (scope === null) refusals.push({ reason: 'NO_TOKEN_LEFT', message: 'No element of the process would remain active: cancel the instance instead' });
    else refusals.push({ reason: 'SCOPE_LEFT_EMPTY', elementId: byKey.get(scope)!.elementId, elementInstanceKey: scope, message: `Sub-process ${byKey.get(scope)!.elementId} would be left without a token: terminate it too, or activate an element inside it` });
  }
  return { refusals, activations };
}
