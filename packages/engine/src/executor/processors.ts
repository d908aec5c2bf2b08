import { EngineError } from '../errors';
import { resolveValue } from '../feel';
import type { ElementModel, SequenceFlowModel } from '../model/process-model';
import type { Variables } from '../types';
import type { ElementInstance } from './state';

/** What a processor may do to the instance it runs in (the token runtime). */
export interface ExecutionContext {
  /** The variables visible from an element instance (its scopes' locals over the process's). */
  visible(instance: ElementInstance): Variables;
  /** Leaves the element instance: output mappings, its outgoing flows (or the end of its token). */
  complete(instance: ElementInstance, result?: Variables): void;
  /** Keeps the element instance as a wait state; its boundary events are armed. */
  wait(instance: ElementInstance): void;
  /** Takes these sequence flows out of the element instance and drops it. */
  leaveBy(instance: ElementInstance, flows: SequenceFlowModel[]): void;
  /** An embedded or event sub-process waits for its children; its own start event runs inside it. */
  enterScope(instance: ElementInstance): void;
  /** Arms the timer or message subscription of a catch event. */
  armCatchEvent(instance: ElementInstance): void;
  /** Throws a BPMN error from the element instance (an error end event). */
  throwError(instance: ElementInstance, code: string, variables: Variables): void;
  /** Ends every element instance of the instance's scope (a terminate end event). */
  terminateScope(instance: ElementInstance): void;
}

/** One processor per BPMN element type, as Zeebe's engine is organised: what activating an element does. */
export interface Processor {
  activate(context: ExecutionContext, element: ElementModel, instance: ElementInstance): void;
}

const passThrough: Processor = { activate: (context, _element, instance) => context.complete(instance) };

/** Service, send, business rule and script tasks (and message throw events with a task definition): a job. */
const jobWorker: Processor = { activate: (context, _element, instance) => context.wait(instance) };

const userTask: Processor = { activate: (context, _element, instance) => context.wait(instance) };

const receiveTask: Processor = {
  activate(context, _element, instance) {
    context.wait(instance);
    context.armCatchEvent(instance);
  },
};

const intermediateCatchEvent: Processor = {
  activate(context, _element, instance) {
    context.wait(instance);
    context.armCatchEvent(instance);
  },
};

const throwEvent: Processor = {
  activate: (context, element, instance) => (element.job ? jobWorker : passThrough).activate(context, element, instance),
};

const endEvent: Processor = {
  activate(context, element, instance) {
    if (element.job) return context.wait(instance);
    if (element.eventKind === 'error') return context.throwError(instance, element.errorCode ?? '', {});
    if (element.eventKind === 'terminate') return context.terminateScope(instance);
    context.complete(instance);
  },
};

const subProcess: Processor = { activate: (context, _element, instance) => context.enterScope(instance) };

/** The first outgoing flow whose condition holds, else the default flow; none is a failure of the step. */
const exclusiveGateway: Processor = {
  activate(context, element, instance) {
    const variables = context.visible(instance);
    const chosen = element.outgoing.length <= 1 && !element.outgoing[0]?.condition
      ? element.outgoing
      : [element.outgoing.find((flow) => flow.id !== element.defaultFlow && holds(flow, variables)) ?? defaultFlow(element)];
    context.leaveBy(instance, chosen);
  },
};

/** Every outgoing flow whose condition holds (unconditional flows always), else the default flow. */
const inclusiveGateway: Processor = {
  activate(context, element, instance) {
    const variables = context.visible(instance);
    const taken = element.outgoing.filter((flow) => flow.id !== element.defaultFlow && (!flow.condition || holds(flow, variables)));
    context.leaveBy(instance, taken.length > 0 ? taken : [defaultFlow(element)]);
  },
};

/** Joins (the runtime holds tokens until every incoming flow was taken) and forks: every outgoing flow. */
const parallelGateway: Processor = { activate: (context, element, instance) => context.leaveBy(instance, element.outgoing) };

function holds(flow: SequenceFlowModel, variables: Variables): boolean {
  if (!flow.condition) return true;
  return resolveValue(flow.condition, variables) === true;
}

function defaultFlow(element: ElementModel): SequenceFlowModel {
  const flow = element.outgoing.find((f) => f.id === element.defaultFlow);
  if (!flow) throw new EngineError('STEP_FAILED', `No outgoing sequence flow of ${element.id} applies (no condition holds and there is no default flow)`);
  return flow;
}

export const PROCESSORS: Record<string, Processor> = {
  'bpmn:StartEvent': passThrough,
  'bpmn:EndEvent': endEvent,
  'bpmn:IntermediateThrowEvent': throwEvent,
  'bpmn:IntermediateCatchEvent': intermediateCatchEvent,
  'bpmn:BoundaryEvent': passThrough,
  'bpmn:Task': passThrough,
  'bpmn:ManualTask': passThrough,
  'bpmn:ServiceTask': jobWorker,
  'bpmn:SendTask': jobWorker,
  'bpmn:BusinessRuleTask': jobWorker,
  'bpmn:ScriptTask': jobWorker,
  'bpmn:UserTask': userTask,
  'bpmn:ReceiveTask': receiveTask,
  'bpmn:SubProcess': subProcess,
  'bpmn:ExclusiveGateway': exclusiveGateway,
  'bpmn:InclusiveGateway': inclusiveGateway,
  'bpmn:ParallelGateway': parallelGateway,
};

export function processorOf(element: ElementModel): Processor {
  const processor = PROCESSORS[element.type];
  if (!processor) throw new EngineError('STEP_FAILED', `${element.id}: ${element.type} is not supported by the embedded engine`);
  return processor;
}
