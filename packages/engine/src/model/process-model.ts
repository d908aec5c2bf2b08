import { EngineError } from '../errors';
import type { Mapping } from '../feel';
import { parseBpmn, type ModdleContext, type ModdleElement } from './moddle';

export interface JobDefinition {
  type: string;
  retries: string;
  headers: Record<string, string>;
}

export interface UserTaskDefinition {
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  headers: Record<string, string>;
}

export interface MessageDefinition {
  messageId: string;
  name: string;
  correlationKey?: string;
}

export interface TimerDefinition {
  kind: 'date' | 'duration' | 'cycle';
  /** A literal (ISO 8601) or a FEEL expression giving one. */
  expression: string;
}

export interface SequenceFlowModel {
  id: string;
  sourceId: string;
  targetId: string;
  /** A FEEL condition (`=…`); none on an unconditional flow. */
  condition?: string;
}

/** What the engine needs to know about one flow element, read once from the BPMN and its zeebe:* extensions. */
export interface ElementModel {
  id: string;
  type: string;
  name: string | null;
  incoming: string[];
  outgoing: SequenceFlowModel[];
  /** The default flow of a gateway or activity. */
  defaultFlow?: string;
  /** The kind of event definition of an event (timer, message, error, terminate, …), if any. */
  eventKind?: 'timer' | 'message' | 'error' | 'terminate';
  timer?: TimerDefinition;
  /** The error code an error event throws or catches; null on a catch-all error event. */
  errorCode?: string | null;
  /** A boundary event: the activity it is attached to, and whether it interrupts it. */
  attachedTo?: string;
  cancelActivity?: boolean;
  /** Boundary events attached to this activity. */
  boundaryIds: string[];
  /** Of a process or sub-process: its none start event and the start events of its event sub-processes. */
  startId?: string;
  eventStartIds: string[];
  /** An event sub-process (triggeredByEvent). */
  triggeredByEvent?: boolean;
  job?: JobDefinition;
  userTask?: UserTaskDefinition;
  message?: MessageDefinition;
  inputs: Mapping[];
  outputs: Mapping[];
  /** Error codes caught by error boundary events attached to this element; null = catches every error. */
  caughtErrorCodes: (string | null)[];
  /** The enclosing sub-process, if any. */
  parentId: string | null;
}

export interface ProcessModel {
  bpmnProcessId: string;
  moddleContext: ModdleContext;
  elements: Map<string, ElementModel>;
  flows: Map<string, SequenceFlowModel>;
  /** The process's own none start event and its event sub-processes' start events. */
  startId: string | null;
  eventStartIds: string[];
}

const JOB_TASK_TYPES = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:ScriptTask']);

/** Parses a BPMN resource; each executable process becomes a ProcessModel. */
export async function loadProcessModels(xml: string): Promise<ProcessModel[]> {
  let moddleContext: ModdleContext;
  try {
    moddleContext = await parseBpmn(xml);
  } catch (error) {
    throw new EngineError('INVALID_DEFINITION', `BPMN could not be parsed: ${(error as Error).message}`);
  }
  const processes = (moddleContext.rootElement.rootElements ?? []).filter(
    (e) => e.$type === 'bpmn:Process' && e.isExecutable !== false,
  );
  if (processes.length === 0) throw new EngineError('INVALID_DEFINITION', 'The resource has no executable process');
  return processes.map((process) => {
    const elements = indexElements(process);
    const flows = new Map<string, SequenceFlowModel>();
    for (const element of elementsOf(process)) {
      if (element.$type !== 'bpmn:SequenceFlow') continue;
      const flow = flowOf(element);
      flows.set(flow.id, flow);
      elements.get(flow.sourceId)?.outgoing.push(flow);
      elements.get(flow.targetId)?.incoming.push(flow.id);
    }
    const starts = startsOf(process);
    return { bpmnProcessId: process.id!, moddleContext, elements, flows, startId: starts.startId, eventStartIds: starts.eventStartIds };
  });
}

function flowOf(element: ModdleElement): SequenceFlowModel {
  const body = (element.conditionExpression as ModdleElement | undefined)?.body as string | undefined;
  return {
    id: element.id!,
    sourceId: (element.sourceRef as ModdleElement).id!,
    targetId: (element.targetRef as ModdleElement).id!,
    ...(body !== undefined && body.trim() !== '' && { condition: body.trim() }),
  };
}

/** The none start event of a container (process or sub-process) and the start events of its event sub-processes. */
function startsOf(container: ModdleElement) {
  let startId: string | null = null;
  const eventStartIds: string[] = [];
  for (const child of (container.flowElements as ModdleElement[] | undefined) ?? []) {
    if (child.$type === 'bpmn:StartEvent' && definitionsOf(child).length === 0) startId = child.id!;
    if (child.$type === 'bpmn:SubProcess' && child.triggeredByEvent) {
      const start = ((child.flowElements as ModdleElement[] | undefined) ?? []).find((e) => e.$type === 'bpmn:StartEvent');
      if (start) eventStartIds.push(start.id!);
    }
  }
  return { startId, eventStartIds };
}

function indexElements(process: ModdleElement): Map<string, ElementModel> {
  const elements = new Map<string, ElementModel>();
  const visit = (container: ModdleElement, parentId: string | null) => {
    for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
      elements.set(element.id!, describe(element, parentId));
      if (element.flowElements) visit(element, element.id!);
    }
  };
  visit(process, null);
  for (const element of elementsOf(process)) {
    if (element.$type === 'bpmn:SubProcess') {
      const { startId, eventStartIds } = startsOf(element);
      Object.assign(elements.get(element.id!)!, { ...(startId && { startId }), eventStartIds });
    }
    if (element.$type !== 'bpmn:BoundaryEvent') continue;
    const host = (element.attachedToRef as ModdleElement | undefined)?.id;
    if (host) elements.get(host)?.boundaryIds.push(element.id!);
    const errorDefinition = definitionsOf(element).find((d) => d.$type === 'bpmn:ErrorEventDefinition');
    const attachedTo = (element.attachedToRef as ModdleElement | undefined)?.id;
    if (!errorDefinition || !attachedTo) continue;
    const code = ((errorDefinition.errorRef as ModdleElement | undefined)?.errorCode as string | undefined) ?? null;
    elements.get(attachedTo)?.caughtErrorCodes.push(code);
  }
  return elements;
}

function elementsOf(container: ModdleElement): ModdleElement[] {
  const flowElements = (container.flowElements as ModdleElement[] | undefined) ?? [];
  return flowElements.flatMap((e) => [e, ...(e.flowElements ? elementsOf(e) : [])]);
}

function definitionsOf(element: ModdleElement): ModdleElement[] {
  return (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
}

function extension(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  const values = ((element?.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? [];
  return values.find((v) => v.$type === type);
}

function headersOf(element: ModdleElement): Record<string, string> {
  const values = (extension(element, 'zeebe:TaskHeaders')?.values as ModdleElement[] | undefined) ?? [];
  return Object.fromEntries(values.map((h) => [String(h.key), String(h.value ?? '')]));
}

function mappings(element: ModdleElement, kind: 'inputParameters' | 'outputParameters'): Mapping[] {
  const io = extension(element, 'zeebe:IoMapping');
  const parameters = (io?.[kind] as ModdleElement[] | undefined) ?? [];
  return parameters.map((p) => ({ source: String(p.source ?? ''), target: String(p.target) }));
}

const UNSUPPORTED_TYPES = new Set(['bpmn:CallActivity', 'bpmn:Transaction', 'bpmn:ComplexGateway', 'bpmn:AdHocSubProcess', 'bpmn:EventBasedGateway']);
const UNSUPPORTED_DEFINITIONS = new Set(['bpmn:SignalEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:CompensateEventDefinition', 'bpmn:ConditionalEventDefinition']);

/** Constructs whose bpmn-engine semantics differ from Zeebe's are refused at deploy (docs/adr/0004). */
function rejectUnsupported(element: ModdleElement) {
  const definitions = definitionsOf(element).map((d) => d.$type);
  const problem =
    (UNSUPPORTED_TYPES.has(element.$type) && element.$type) ||
    (element.loopCharacteristics && 'multi-instance') ||
    (element.$type === 'bpmn:StartEvent' && definitions.length > 0 && !(element.$parent as ModdleElement | undefined)?.triggeredByEvent && `${definitions[0]} start event`) ||
    definitions.find((d) => UNSUPPORTED_DEFINITIONS.has(d));
  if (problem) {
    throw new EngineError('INVALID_DEFINITION', `${element.id}: ${problem} is not supported by the embedded engine (docs/adr/0004)`);
  }
  if (element.$type === 'bpmn:InclusiveGateway' && ((element.incoming as unknown[] | undefined)?.length ?? 0) > 1) {
    throw new EngineError('INVALID_DEFINITION', `${element.id}: a joining inclusive gateway is not supported by the embedded engine (docs/adr/0032)`);
  }
  if (definitions.includes('bpmn:LinkEventDefinition')) {
    throw new EngineError('INVALID_DEFINITION', `${element.id}: link events are not supported by the embedded engine (docs/adr/0004)`);
  }
}

function describe(element: ModdleElement, parentId: string | null): ElementModel {
  rejectUnsupported(element);
  const model: ElementModel = {
    id: element.id!,
    type: element.$type,
    name: (element.name as string | undefined) ?? null,
    inputs: mappings(element, 'inputParameters'),
    outputs: mappings(element, 'outputParameters'),
    caughtErrorCodes: [],
    parentId,
    incoming: [],
    outgoing: [],
    boundaryIds: [],
    eventStartIds: [],
    ...(element.default !== undefined && { defaultFlow: (element.default as ModdleElement).id! }),
    ...(element.triggeredByEvent === true && { triggeredByEvent: true }),
    ...eventOf(element),
  };
  const taskDefinition = extension(element, 'zeebe:TaskDefinition');
  if (JOB_TASK_TYPES.has(element.$type)) {
    if (!taskDefinition?.type) {
      throw new EngineError('INVALID_DEFINITION', `${element.$type} ${element.id} has no zeebe:taskDefinition type`);
    }
    model.job = {
      type: String(taskDefinition.type),
      retries: String(taskDefinition.retries ?? '3'),
      headers: headersOf(element),
    };
  }
  if (element.$type === 'bpmn:UserTask') {
    const assignment = extension(element, 'zeebe:AssignmentDefinition');
    const schedule = extension(element, 'zeebe:TaskSchedule');
    const form = extension(element, 'zeebe:FormDefinition');
    model.userTask = {
      ...(assignment?.assignee !== undefined && { assignee: String(assignment.assignee) }),
      ...(assignment?.candidateGroups !== undefined && { candidateGroups: String(assignment.candidateGroups) }),
      ...(assignment?.candidateUsers !== undefined && { candidateUsers: String(assignment.candidateUsers) }),
      ...(schedule?.dueDate !== undefined && { dueDate: String(schedule.dueDate) }),
      ...(schedule?.followUpDate !== undefined && { followUpDate: String(schedule.followUpDate) }),
      ...((form?.formKey ?? form?.formId ?? form?.externalReference) !== undefined && {
        formKey: String(form?.formKey ?? form?.formId ?? form?.externalReference),
      }),
      headers: headersOf(element),
    };
  }
  const messageRef =
    (element.messageRef as ModdleElement | undefined) ??
    (definitionsOf(element).find((d) => d.$type === 'bpmn:MessageEventDefinition')?.messageRef as ModdleElement | undefined);
  if (messageRef && element.$type !== 'bpmn:SendTask' && element.$type !== 'bpmn:EndEvent' && element.$type !== 'bpmn:IntermediateThrowEvent') {
    const subscription = extension(messageRef, 'zeebe:Subscription');
    model.message = {
      messageId: messageRef.id!,
      name: String(messageRef.name ?? messageRef.id),
      ...(subscription?.correlationKey !== undefined && { correlationKey: String(subscription.correlationKey) }),
    };
  }
  return model;
}

function eventOf(element: ModdleElement): Partial<ElementModel> {
  const definition = definitionsOf(element)[0];
  const out: Partial<ElementModel> = {};
  if (element.$type === 'bpmn:BoundaryEvent') {
    out.attachedTo = (element.attachedToRef as ModdleElement).id!;
    out.cancelActivity = element.cancelActivity !== false;
  }
  if (element.$type === 'bpmn:StartEvent' && element.isInterrupting === false) out.cancelActivity = false;
  else if (element.$type === 'bpmn:StartEvent') out.cancelActivity = true;
  switch (definition?.$type) {
    case 'bpmn:TimerEventDefinition': {
      out.eventKind = 'timer';
      const body = (key: string) => ((definition[key] as ModdleElement | undefined)?.body as string | undefined)?.trim();
      const date = body('timeDate');
      const duration = body('timeDuration');
      const cycle = body('timeCycle');
      out.timer = date ? { kind: 'date', expression: date } : duration ? { kind: 'duration', expression: duration } : { kind: 'cycle', expression: cycle ?? '' };
      break;
    }
    case 'bpmn:MessageEventDefinition':
      out.eventKind = 'message';
      break;
    case 'bpmn:ErrorEventDefinition':
      out.eventKind = 'error';
      out.errorCode = ((definition.errorRef as ModdleElement | undefined)?.errorCode as string | undefined) ?? null;
      break;
    case 'bpmn:TerminateEventDefinition':
      out.eventKind = 'terminate';
      break;
  }
  return out;
}

/** Whether an error with this code, thrown at the element, is caught by a boundary on it or on an enclosing sub-process. */
export function isErrorCaught(model: ProcessModel, elementId: string, code: string): boolean {
  const catches = (c: string | null | undefined) => c === null || c === code;
  const eventStartCatches = (starts: string[]) => starts.some((s) => model.elements.get(s)?.eventKind === 'error' && catches(model.elements.get(s)?.errorCode));
  for (let id: string | null = elementId; id; id = model.elements.get(id)?.parentId ?? null) {
    const element = model.elements.get(id);
    if ((element?.caughtErrorCodes ?? []).some(catches)) return true;
    if (id !== elementId && eventStartCatches(element?.eventStartIds ?? [])) return true;
  }
  return eventStartCatches(model.eventStartIds);
}
