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

/** What the engine needs to know about one flow element, read once from the BPMN and its zeebe:* extensions. */
export interface ElementModel {
  id: string;
  type: string;
  name: string | null;
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
  return processes.map((process) => ({
    bpmnProcessId: process.id!,
    moddleContext,
    elements: indexElements(process),
  }));
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
    if (element.$type !== 'bpmn:BoundaryEvent') continue;
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

const UNSUPPORTED_TYPES = new Set(['bpmn:CallActivity', 'bpmn:Transaction', 'bpmn:ComplexGateway', 'bpmn:AdHocSubProcess']);
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

/** Whether an error with this code, thrown at the element, is caught by a boundary on it or on an enclosing sub-process. */
export function isErrorCaught(model: ProcessModel, elementId: string, code: string): boolean {
  for (let id: string | null = elementId; id; id = model.elements.get(id)?.parentId ?? null) {
    const codes = model.elements.get(id)?.caughtErrorCodes ?? [];
    if (codes.some((c) => c === null || c === code)) return true;
  }
  return false;
}
