import { describe, expect, it } from 'vitest';
import { fakeCamunda, grpcError, restError } from './testing/fake-camunda';
import { ZeebeEngine } from './zeebe-engine';

const engineOn = (fake: ReturnType<typeof fakeCamunda>, healthTimeoutMs?: number) =>
  new ZeebeEngine({ grpc: fake.grpc, rest: fake.rest, onError: () => undefined, ...(healthTimeoutMs && { healthTimeoutMs }) });
const page = (items: unknown[]) => ({ items, page: { totalItems: items.length } });
const variable = (name: string, value: unknown, scopeKey = '2251799813685249') => ({ name, value: JSON.stringify(value), scopeKey, processInstanceKey: '2251799813685249', isTruncated: false });
const task = (key: string, overrides: object = {}) => ({
  userTaskKey: key, processInstanceKey: '2251799813685249', processDefinitionId: 'contract-user-task', elementId: 'verify', elementInstanceKey: '90',
  name: '核实', state: 'CREATED', candidateGroups: ['leaders'], candidateUsers: [], creationDate: `2026-11-22T08:00:0${key.at(-1)}.000Z`, tenantId: '<default>', ...overrides,
});

describe('ZeebeEngine user tasks over REST', () => {
  it('searches each alternative of the inbox filter, merges them and adds variables and business key', async () => {
    // given
    const fake = fakeCamunda({
      rest: {
        searchUserTasks: ((query: { filter: { candidateGroup?: unknown } }) => page(query.filter.candidateGroup ? [task('2'), task('1')] : [task('1')])) as never,
        searchUserTaskVariables: () => page([variable('businessKey', 'KB-1'), variable('unitId', 'lx-yjj')]),
      },
    });
    const engine = engineOn(fake);

    // when
    const tasks = await engine.searchUserTasks({ state: 'created', candidateGroups: ['leaders'], candidateUser: 'lisi', limit: 10 });

    // then
    expect(tasks.map((t) => [t.key, t.businessKey, t.variables.unitId])).toEqual([['1', 'KB-1', 'lx-yjj'], ['2', 'KB-1', 'lx-yjj']]);
    expect(fake.argsOf('searchUserTasks').map(([query]) => (query as { filter: object }).filter)).toEqual([
      { state: { $in: expect.arrayContaining(['CREATED']) }, candidateGroup: { $in: ['leaders'] } },
      { state: { $in: expect.arrayContaining(['CREATED']) }, candidateUser: 'lisi' },
      { state: { $in: expect.arrayContaining(['CREATED']) }, assignee: 'lisi' },
    ]);
    expect(fake.argsOf('searchUserTaskVariables')[0]).toEqual([{ userTaskKey: '1', truncateValues: false, page: { limit: 1_000 } }, { consistency: { waitUpToMs: 0 } }]);
  });

  it('reads a linked form\'s id once per form key, and answers null for a task that does not exist', async () => {
    // given
    const fake = fakeCamunda({
      rest: {
        getUserTask: (({ userTaskKey }: { userTaskKey: string }) => (userTaskKey === '404' ? Promise.reject(restError(404, 'NOT_FOUND')) : task(userTaskKey, { formKey: '777' }))) as never,
        getUserTaskForm: () => ({ formId: 'verify-form', formKey: '777' }),
      },
    });
    const engine = engineOn(fake);

    // when
    const first = await engine.getUserTask('1');
    const second = await engine.getUserTask('2');

    // then
    expect([first?.formKey, second?.formKey]).toEqual(['verify-form', 'verify-form']);
    expect(fake.argsOf('getUserTaskForm')).toHaveLength(1);
    expect(await engine.getUserTask('404')).toBeNull();
  });

  it('claims, unclaims and completes; a task no longer open is INVALID_STATE', async () => {
    // given
    const fake = fakeCamunda({ rest: { completeUserTask: (({ userTaskKey }: { userTaskKey: string }) => (userTaskKey === '2' ? Promise.reject(restError(409, 'INVALID_STATE')) : undefined)) as never } });
    const engine = engineOn(fake);

    // when
    await engine.assignUserTask('1', 'zhangsan');
    await engine.assignUserTask('1', null);
    await engine.completeUserTask('1', { decision: 'confirm' });

    // then
    expect(fake.argsOf('assignUserTask')).toEqual([[{ userTaskKey: '1', assignee: 'zhangsan', allowOverride: true }]]);
    expect(fake.argsOf('unassignUserTask')).toEqual([[{ userTaskKey: '1' }]]);
    expect(fake.argsOf('completeUserTask')).toEqual([[{ userTaskKey: '1', variables: { decision: 'confirm' } }]]);
    await expect(engine.completeUserTask('2')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(engine.getUserTask('not-a-key')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('ZeebeEngine instances and incidents over REST', () => {
  const instance = { processInstanceKey: '2251799813685249', processDefinitionKey: '2251799813685200', processDefinitionId: 'contract-user-task', processDefinitionVersion: 1, tenantId: '<default>', state: 'ACTIVE', startDate: '2026-11-22T08:00:00.000Z', hasIncident: true };
  const incident = { incidentKey: '7', processInstanceKey: '2251799813685249', elementId: 'verify', elementInstanceKey: '90', errorType: 'JOB_NO_RETRIES', errorMessage: 'down', state: 'ACTIVE', creationTime: '2026-11-22T08:01:00.000Z', jobKey: '5' };

  it('assembles where an instance is: root variables, business key, waiting elements and open incidents', async () => {
    // given
    const fake = fakeCamunda({
      rest: {
        getProcessInstance: () => instance,
        searchVariables: () => page([variable('businessKey', 'KB-1'), variable('dead', 2)]),
        searchElementInstances: () => page([{ elementId: 'verify', type: 'USER_TASK', state: 'ACTIVE', elementInstanceKey: '90', startDate: '2026-11-22T08:00:01.000Z' }]),
        searchIncidents: () => page([incident]),
      },
    });
    const engine = engineOn(fake);

    // when
    const status = await engine.getInstance('2251799813685249');

    // then
    expect(status).toEqual({
      key: '2251799813685249', definitionKey: '2251799813685200', bpmnProcessId: 'contract-user-task', version: 1, tenantId: '<default>', businessKey: 'KB-1',
      state: 'active', variables: { businessKey: 'KB-1', dead: 2 },
      activeElements: [{ elementId: 'verify', elementType: 'bpmn:UserTask', elementInstanceKey: '90', since: '2026-11-22T08:00:01.000Z' }],
      incidents: [expect.objectContaining({ key: '7', errorType: 'JOB_NO_RETRIES', jobKey: '5' })],
      startedAt: '2026-11-22T08:00:00.000Z', endedAt: null,
    });
    expect(fake.argsOf('searchVariables')[0]![0]).toMatchObject({ filter: { processInstanceKey: '2251799813685249', scopeKey: '2251799813685249' }, truncateValues: false });
  });

  it('answers null for an unknown instance and finds instances by business key through the variable', async () => {
    // given
    const fake = fakeCamunda({ rest: { searchProcessInstances: () => page([{ ...instance, state: 'TERMINATED', endDate: '2026-11-22T09:00:00.000Z' }]) } });
    const engine = engineOn(fake);

    // when
    const missing = await engine.getInstance('1');
    const [found] = await engine.findInstances({ businessKey: 'KB-1', bpmnProcessId: 'contract-user-task', state: 'canceled' });

    // then
    expect(missing).toBeNull();
    expect(found).toMatchObject({ state: 'canceled', activeElements: [], endedAt: '2026-11-22T09:00:00.000Z' });
    expect(fake.argsOf('searchProcessInstances')[0]![0]).toMatchObject({
      filter: { processDefinitionId: 'contract-user-task', state: 'TERMINATED', variables: [{ name: 'businessKey', value: '"KB-1"' }] },
      page: { limit: 100 },
    });
  });

  it('lists incidents by state and resolves them over gRPC', async () => {
    // given
    const fake = fakeCamunda({ rest: { searchIncidents: () => page([incident]) } });
    const engine = engineOn(fake);

    // when
    const incidents = await engine.listIncidents({ state: 'active' });
    await engine.resolveIncident('7');

    // then
    expect(incidents).toMatchObject([{ key: '7', state: 'active', errorMessage: 'down' }]);
    expect(fake.argsOf('searchIncidents')[0]![0]).toMatchObject({ filter: { state: 'ACTIVE' } });
    expect(fake.argsOf('resolveIncident')).toEqual([[{ incidentKey: '7' }]]);
  });
});

describe('ZeebeEngine health and shutdown', () => {
  const topology = (health: string) => ({
    brokers: [{ nodeId: 0, host: 'zeebe', port: 26501, partitions: [{ partitionId: 1, role: 'LEADER', health }, { partitionId: 2, role: 'FOLLOWER', health: 'HEALTHY' }] }],
    clusterSize: 1, partitionsCount: 2, replicationFactor: 1, gatewayVersion: '8.8.11',
  });

  it('is up when every partition has a healthy leader, degraded otherwise, down when the gateway does not answer', async () => {
    // given
    const partial = engineOn(fakeCamunda({ grpc: { topology: () => topology('HEALTHY') } }));
    const healthy = engineOn(fakeCamunda({ grpc: { topology: () => ({ ...topology('HEALTHY'), partitionsCount: 1 }) } }));
    const silent = engineOn(fakeCamunda({ grpc: { topology: () => new Promise(() => undefined) } }), 50);
    const refused = engineOn(fakeCamunda({ grpc: { topology: () => Promise.reject(grpcError(14, 'UNAVAILABLE')) } }));

    // when / then
    expect(await healthy.health()).toMatchObject({ status: 'up', gatewayVersion: '8.8.11', partitions: { total: 1, withHealthyLeader: 1 } });
    expect(await partial.health()).toMatchObject({ status: 'degraded', partitions: { total: 2, withHealthyLeader: 1 } });
    expect(await silent.health()).toMatchObject({ status: 'down', error: expect.stringContaining('50 ms') });
    expect(await refused.health()).toMatchObject({ status: 'down' });
  });

  it('closes its workers, then the clients', async () => {
    // given
    const closed: string[] = [];
    const fake = fakeCamunda({ grpc: { createWorker: () => ({ close: async () => void closed.push('worker') }), close: () => void closed.push('grpc') } });
    const engine = engineOn(fake);
    engine.createWorker({ taskType: 'contract.grade', handler: async () => ({ complete: true }) });

    // when
    await engine.close();

    // then
    expect(closed).toEqual(['worker', 'grpc']);
  });
});
