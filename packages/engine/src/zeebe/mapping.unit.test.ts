import { describe, expect, it } from 'vitest';
import {
  businessKeyOf, mergeUserTasks, tenantArg, toActivatedJob, toActiveElements, toDeployedProcesses, toIncident, toInstanceState,
  toUserTask, toUserTaskFilters, toVariables, withBusinessKey,
} from './mapping';
import type { RestElementInstance, RestIncident, RestUserTask, ZeebeDeployment, ZeebeJob } from './sdk';

/** REST and gRPC payloads as the SDK hands them over (branded keys are plain strings at runtime). */
const as = <T>(value: object) => value as unknown as T;

const restTask = (overrides: object = {}) =>
  as<RestUserTask>({
    userTaskKey: '2251799813685400',
    processInstanceKey: '2251799813685249',
    processDefinitionId: 'contract-user-task',
    elementId: 'verify',
    elementInstanceKey: '2251799813685390',
    name: '核实',
    state: 'CREATED',
    candidateGroups: ['unit:lx-yjj:verifier'],
    candidateUsers: ['zhangsan', 'lisi'],
    dueDate: '2026-11-23T18:00:00.000+08:00',
    creationDate: '2026-11-22T08:00:00.000Z',
    tenantId: '<default>',
    customHeaders: { kind: 'verify' },
    ...overrides,
  });

describe('business key', () => {
  it('travels as the variable businessKey, and a conflicting variable is refused', () => {
    // given / when / then
    expect(withBusinessKey({ dead: 1 }, 'KB-1')).toEqual({ dead: 1, businessKey: 'KB-1' });
    expect(withBusinessKey({ dead: 1 })).toEqual({ dead: 1 });
    expect(withBusinessKey({ businessKey: 'KB-1' }, 'KB-1')).toEqual({ businessKey: 'KB-1' });
    expect(() => withBusinessKey({ businessKey: 'KB-2' }, 'KB-1')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(businessKeyOf({ businessKey: 'KB-1' })).toBe('KB-1');
    expect(businessKeyOf({ businessKey: 7 })).toBeNull();
  });

  it('leaves the default tenant out of SDK calls', () => {
    expect(tenantArg('<default>')).toEqual({});
    expect(tenantArg(undefined)).toEqual({});
    expect(tenantArg('530902')).toEqual({ tenantId: '530902' });
  });
});

describe('jobs and deployments', () => {
  it('maps an activated job: string keys, ISO deadline, string headers, business key from the variables', () => {
    // given
    const job = as<ZeebeJob>({
      key: '2251799813685300', type: 'contract.grade', processInstanceKey: '2251799813685249', bpmnProcessId: 'contract-service-task',
      processDefinitionVersion: 1, elementId: 'grade', elementInstanceKey: '2251799813685290', customHeaders: { policy: 'lincang', level: 2 },
      worker: 'w1', retries: 2, deadline: '1795334400000', variables: { dead: 2, businessKey: 'KB-1' }, tenantId: '<default>',
    });

    // when
    const mapped = toActivatedJob(job);

    // then
    expect(mapped).toEqual({
      key: '2251799813685300', type: 'contract.grade', instanceKey: '2251799813685249', bpmnProcessId: 'contract-service-task', elementId: 'grade',
      elementInstanceKey: '2251799813685290', businessKey: 'KB-1', tenantId: '<default>', retries: 2, deadline: '2026-11-22T08:00:00.000Z',
      worker: 'w1', customHeaders: { policy: 'lincang', level: '2' }, variables: { dead: 2, businessKey: 'KB-1' },
    });
  });

  it('reports the processes of a deployment and skips forms', () => {
    // given
    const response = as<ZeebeDeployment>({
      key: '1', tenantId: '530902',
      deployments: [
        { process: { processDefinitionKey: '2251799813685200', bpmnProcessId: 'incident-report', version: 3, resourceName: 'incident-report.bpmn', tenantId: '530902' } },
        { form: { formId: 'verify-form', formKey: '9', version: 1, resourceName: 'verify.form', tenantId: '530902' } },
      ],
    });

    // when / then
    expect(toDeployedProcesses(response)).toEqual([
      { key: '2251799813685200', bpmnProcessId: 'incident-report', version: 3, resourceName: 'incident-report.bpmn', tenantId: '530902' },
    ]);
  });
});

describe('instances, elements, variables and incidents', () => {
  it('names states, parses JSON variables, and lists waiting elements without the process itself', () => {
    // given
    const elements = [
      { elementId: 'contract-parallel', type: 'PROCESS', state: 'ACTIVE', elementInstanceKey: '1', startDate: '2026-11-22T08:00:00.000Z' },
      { elementId: 'to-government', type: 'SERVICE_TASK', state: 'ACTIVE', elementInstanceKey: '3', startDate: '2026-11-22T08:00:02.000Z' },
      { elementId: 'verify', type: 'USER_TASK', state: 'ACTIVE', elementInstanceKey: '2', startDate: '2026-11-22T08:00:01.000Z' },
      { elementId: 'to-superior', type: 'SERVICE_TASK', state: 'COMPLETED', elementInstanceKey: '4', startDate: '2026-11-22T08:00:00.000Z' },
    ].map((e) => as<RestElementInstance>(e));

    // when / then
    expect(['ACTIVE', 'COMPLETED', 'TERMINATED'].map(toInstanceState)).toEqual(['active', 'completed', 'canceled']);
    expect(toVariables([{ name: 'severity', value: '"II"' }, { name: 'casualties', value: '5' }, { name: 'raw', value: 'not json' }])).toEqual({
      severity: 'II', casualties: 5, raw: 'not json',
    });
    expect(toActiveElements(elements)).toEqual([
      { elementId: 'verify', elementType: 'bpmn:UserTask', elementInstanceKey: '2', since: '2026-11-22T08:00:01.000Z' },
      { elementId: 'to-government', elementType: 'bpmn:ServiceTask', elementInstanceKey: '3', since: '2026-11-22T08:00:02.000Z' },
    ]);
  });

  it('keeps job and uncaught-error incidents by type and reports every other failure as an execution error', () => {
    // given
    const incident = (errorType: string, state = 'ACTIVE', jobKey?: string) =>
      as<RestIncident>({ incidentKey: '7', processInstanceKey: '1', elementId: 'check', elementInstanceKey: '2', errorType, errorMessage: 'm', state, creationTime: '2026-11-22T08:00:00.000Z', ...(jobKey && { jobKey }) });

    // when / then
    expect(toIncident(incident('JOB_NO_RETRIES', 'ACTIVE', '5'))).toEqual({
      key: '7', instanceKey: '1', elementId: 'check', elementInstanceKey: '2', jobKey: '5', errorType: 'JOB_NO_RETRIES', errorMessage: 'm', state: 'active', createdAt: '2026-11-22T08:00:00.000Z',
    });
    expect(toIncident(incident('UNHANDLED_ERROR_EVENT')).errorType).toBe('UNHANDLED_ERROR_EVENT');
    expect(toIncident(incident('CONDITION_ERROR'))).toMatchObject({ errorType: 'EXECUTION_ERROR', jobKey: null });
    expect(toIncident(incident('IO_MAPPING_ERROR', 'RESOLVED')).state).toBe('resolved');
  });
});

describe('user tasks', () => {
  it('maps a Camunda user task with its variables, business key, dates and form', () => {
    // given
    const task = restTask({ externalFormReference: 'kuaibao:verify' });

    // when
    const mapped = toUserTask(task, { variables: { businessKey: 'KB-530902-20261122-0001', unitId: 'lx-yjj' } });

    // then
    expect(mapped).toEqual({
      key: '2251799813685400', instanceKey: '2251799813685249', bpmnProcessId: 'contract-user-task', businessKey: 'KB-530902-20261122-0001',
      tenantId: '<default>', elementId: 'verify', elementInstanceKey: '2251799813685390', name: '核实', state: 'created', assignee: null,
      candidateGroups: ['unit:lx-yjj:verifier'], candidateUsers: ['zhangsan', 'lisi'], dueDate: '2026-11-23T10:00:00.000Z', followUpDate: null,
      formKey: 'kuaibao:verify', customHeaders: { kind: 'verify' }, variables: { businessKey: 'KB-530902-20261122-0001', unitId: 'lx-yjj' },
      createdAt: '2026-11-22T08:00:00.000Z', completedAt: null,
    });
  });

  it('groups the task states into created, completed and canceled, and prefers the form id to the form key', () => {
    // given
    const state = (s: string) => toUserTask(restTask({ state: s }), { variables: {} }).state;

    // when / then
    expect(['CREATING', 'CREATED', 'ASSIGNING', 'COMPLETING'].map(state)).toEqual(['created', 'created', 'created', 'created']);
    expect(['COMPLETED', 'CANCELING', 'CANCELED'].map(state)).toEqual(['completed', 'canceled', 'canceled']);
    expect(toUserTask(restTask({ formKey: '2251799813685111' }), { variables: {}, formId: 'verify-form' }).formKey).toBe('verify-form');
    expect(toUserTask(restTask({ formKey: '2251799813685111' }), { variables: {} }).formKey).toBe('2251799813685111');
  });

  it('turns the inbox filter into one REST filter per alternative (groups, candidate user, assignee)', () => {
    // when
    const filters = toUserTaskFilters({ state: 'created', instanceKey: '2251799813685249', candidateGroups: ['leaders', 'unit:x'], candidateUser: 'lisi' });

    // then
    const base = { state: { $in: ['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'FAILED'] }, processInstanceKey: '2251799813685249' };
    expect(filters).toEqual([
      { ...base, candidateGroup: { $in: ['leaders', 'unit:x'] } },
      { ...base, candidateUser: 'lisi' },
      { ...base, assignee: 'lisi' },
    ]);
    expect(toUserTaskFilters({ state: 'completed' })).toEqual([{ state: { $in: ['COMPLETED'] } }]);
    expect(() => toUserTaskFilters({ instanceKey: 'not-a-key' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('merges the alternatives: each task once, oldest first, up to the limit', () => {
    // given
    const a = restTask({ userTaskKey: '30', creationDate: '2026-11-22T08:00:02.000Z' });
    const b = restTask({ userTaskKey: '20', creationDate: '2026-11-22T08:00:01.000Z' });
    const c = restTask({ userTaskKey: '10', creationDate: '2026-11-22T08:00:01.000Z' });

    // when / then
    expect(mergeUserTasks([[a, b], [b, c]], 10).map((t) => t.userTaskKey)).toEqual(['10', '20', '30']);
    expect(mergeUserTasks([[a, b], [c]], 2).map((t) => t.userTaskKey)).toEqual(['10', '20']);
  });
});
