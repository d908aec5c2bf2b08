import { describe, expect, it } from 'vitest';
import { fakeCamunda, grpcError, restError } from './testing/fake-camunda';
import { ZeebeEngine } from './zeebe-engine';

const engineOn = (fake: ReturnType<typeof fakeCamunda>, options: { activateRequestTimeoutMs?: number } = {}) =>
  new ZeebeEngine({ grpc: fake.grpc, rest: fake.rest, onError: () => undefined, ...options });

describe('ZeebeEngine commands over gRPC', () => {
  it('deploys BPMN and forms, naming the tenant only when it is not the default', async () => {
    // given
    const fake = fakeCamunda({
      grpc: {
        deployResources: () => ({
          key: '1', tenantId: '530902',
          deployments: [{ process: { processDefinitionKey: '2251799813685200', bpmnProcessId: 'incident-report', version: 2, resourceName: 'incident-report.bpmn', tenantId: '530902' } }],
        }),
      },
    });
    const engine = engineOn(fake);

    // when
    const deployed = await engine.deploy([{ name: 'incident-report.bpmn', content: '<xml/>' }, { name: 'verify.form', content: '{}' }], { tenantId: '530902' });
    await engine.deploy([{ name: 'a.bpmn', content: '<xml/>' }]);

    // then
    expect(deployed).toEqual([{ key: '2251799813685200', bpmnProcessId: 'incident-report', version: 2, resourceName: 'incident-report.bpmn', tenantId: '530902' }]);
    const [[resources, tenant], [, noTenant]] = fake.argsOf('deployResources') as [[{ name: string; process?: Buffer; form?: Buffer }[], string?], [unknown, string?]];
    expect(resources.map((r) => [r.name, r.process ? 'process' : 'form'])).toEqual([['incident-report.bpmn', 'process'], ['verify.form', 'form']]);
    expect(resources[0]!.process!.toString('utf8')).toBe('<xml/>');
    expect(tenant).toBe('530902');
    expect(noTenant).toBeUndefined();
  });

  it('reports a resource the broker refuses as INVALID_DEFINITION', async () => {
    // given
    const engine = engineOn(fakeCamunda({ grpc: { deployResources: () => Promise.reject(grpcError(3, "Element: sign-off > extensionElements\nERROR: Must have exactly one 'zeebe:calledElement'")) } }));

    // when / then
    await expect(engine.deploy([{ name: 'call.bpmn', content: '<xml/>' }])).rejects.toMatchObject({ code: 'INVALID_DEFINITION', message: expect.stringContaining('sign-off') });
  });

  it('starts an instance with the business key as a variable and answers string keys', async () => {
    // given
    const fake = fakeCamunda();
    const engine = engineOn(fake);

    // when
    const ref = await engine.startInstance({ bpmnProcessId: 'incident-report', version: 2, businessKey: 'KB-530902-20261122-0001', variables: { dead: 1 } });

    // then
    expect(fake.argsOf('createProcessInstance')).toEqual([[{ bpmnProcessId: 'incident-report', version: 2, variables: { dead: 1, businessKey: 'KB-530902-20261122-0001' } }]]);
    expect(ref).toEqual({ key: '2251799813685249', definitionKey: '2251799813685200', bpmnProcessId: 'p', version: 1, tenantId: '<default>', businessKey: 'KB-530902-20261122-0001' });
  });

  it('answers NOT_FOUND for a process that is not deployed (in that tenant)', async () => {
    // given
    const engine = engineOn(fakeCamunda({ grpc: { createProcessInstance: () => Promise.reject(grpcError(5, 'no process definition')) } }));

    // when / then
    await expect(engine.startInstance({ bpmnProcessId: 'contract-user-task', tenantId: '530925' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('activates jobs with the configured long poll and maps them', async () => {
    // given
    const job = {
      key: '2251799813685300', type: 'contract.grade', processInstanceKey: '2251799813685249', bpmnProcessId: 'p', processDefinitionVersion: 1,
      elementId: 'grade', elementInstanceKey: '2251799813685290', customHeaders: {}, worker: 'test', retries: 2, deadline: '1795334400000',
      variables: { businessKey: 'KB-1' }, tenantId: '<default>',
    };
    const fake = fakeCamunda({ grpc: { activateJobs: () => [job] } });
    const engine = engineOn(fake, { activateRequestTimeoutMs: 1_000 });

    // when
    const [activated] = await engine.activateJobs({ type: 'contract.grade', maxJobs: 5, timeoutMs: 10_000, worker: 'test' });

    // then
    expect(fake.argsOf('activateJobs')).toEqual([[{ type: 'contract.grade', worker: 'test', maxJobsToActivate: 5, timeout: 10_000, requestTimeout: 1_000 }]]);
    expect(activated).toMatchObject({ key: '2251799813685300', instanceKey: '2251799813685249', businessKey: 'KB-1', retries: 2 });
  });

  it('completes, fails with retries and backoff, throws BPMN errors and updates retries', async () => {
    // given
    const fake = fakeCamunda();
    const engine = engineOn(fake);

    // when
    await engine.completeJob('11', { severity: 'II' });
    await engine.failJob({ jobKey: '12', retries: 2, errorMessage: 'SMS gateway timeout', retryBackoffMs: 60_000 });
    await engine.failJob({ jobKey: '13', retries: -1, errorMessage: 'down' });
    await engine.throwError({ jobKey: '14', errorCode: 'NOT_AN_INCIDENT', errorMessage: '误报', variables: { closeReason: '误报' } });
    await engine.updateJobRetries('12', 1);

    // then
    expect(fake.argsOf('completeJob')).toEqual([[{ jobKey: '11', variables: { severity: 'II' } }]]);
    expect(fake.argsOf('failJob')).toEqual([
      [{ jobKey: '12', retries: 2, errorMessage: 'SMS gateway timeout', retryBackOff: 60_000 }],
      [{ jobKey: '13', retries: 0, errorMessage: 'down', retryBackOff: 0 }],
    ]);
    expect(fake.argsOf('throwError')).toEqual([[{ jobKey: '14', errorCode: 'NOT_AN_INCIDENT', errorMessage: '误报', variables: { closeReason: '误报' } }]]);
    expect(fake.argsOf('updateJobRetries')).toEqual([[{ jobKey: '12', retries: 1 }]]);
    await expect(engine.updateJobRetries('12', -1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reports a job, instance or incident that is gone as INVALID_STATE, as the embedded engine does', async () => {
    // given
    const gone = () => Promise.reject(grpcError(5, 'no such job'));
    const engine = engineOn(fakeCamunda({ grpc: { completeJob: gone, cancelProcessInstance: gone, resolveIncident: gone, updateJobRetries: gone } }));

    // when / then
    await expect(engine.completeJob('11')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(engine.cancelInstance('1')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(engine.resolveIncident('7')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(engine.updateJobRetries('11', 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sets variables on the process scope and cancels by key', async () => {
    // given
    const fake = fakeCamunda();
    const engine = engineOn(fake);

    // when
    await engine.setVariables('2251799813685249', { reviewed: true });
    await engine.cancelInstance('2251799813685249');

    // then
    expect(fake.argsOf('setVariables')).toEqual([[{ elementInstanceKey: '2251799813685249', variables: { reviewed: true }, local: false }]]);
    expect(fake.argsOf('cancelProcessInstance')).toEqual([['2251799813685249']]);
  });
});

describe('ZeebeEngine messages', () => {
  it('correlates through REST when a subscription waits, and says so', async () => {
    // given
    const fake = fakeCamunda({ rest: { correlateMessage: () => ({ messageKey: '2251799813685500', processInstanceKey: '1' }) } });
    const engine = engineOn(fake);

    // when
    const result = await engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-B', variables: { receivedBy: '市政府总值班室' }, timeToLiveMs: 60_000 });

    // then
    expect(result).toEqual({ key: '2251799813685500', correlated: true });
    expect(fake.argsOf('correlateMessage')).toEqual([[{ name: 'report-receipt', correlationKey: 'KB-B', variables: { receivedBy: '市政府总值班室' } }]]);
    expect(fake.argsOf('publishMessage')).toEqual([]);
  });

  it('buffers a message nobody waits for by publishing it with its time to live', async () => {
    // given
    const fake = fakeCamunda();
    const engine = engineOn(fake);

    // when
    const result = await engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-EARLY', timeToLiveMs: 60_000, tenantId: '530902' });

    // then
    expect(result).toEqual({ key: '2251799813685300', correlated: false });
    expect(fake.argsOf('publishMessage')).toEqual([[{ name: 'report-receipt', correlationKey: 'KB-EARLY', variables: {}, timeToLive: 60_000, tenantId: '530902' }]]);
  });

  it('publishes a message with an id only over gRPC, and a duplicate is INVALID_STATE', async () => {
    // given
    const fake = fakeCamunda({ grpc: { publishMessage: () => Promise.reject(grpcError(6, 'message with id receipt-1 already published')) } });
    const engine = engineOn(fake);

    // when
    const again = engine.publishMessage({ name: 'report-receipt', correlationKey: 'KB-X', timeToLiveMs: 60_000, messageId: 'receipt-1' });

    // then
    await expect(again).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(fake.argsOf('correlateMessage')).toEqual([]);
  });

  it('does not hide a REST failure other than "no subscription"', async () => {
    // given
    const engine = engineOn(fakeCamunda({ rest: { correlateMessage: () => Promise.reject(restError(400, 'INVALID_ARGUMENT', 'name is empty')) } }));

    // when / then
    await expect(engine.publishMessage({ name: '', correlationKey: 'k' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
  it('cancels with business writes first, then the command, then drops the record (撤回, docs/adr/0041)', async () => {
    // given
    const fake = fakeCamunda();
    const engine = engineOn(fake);
    const calls: string[] = [];
    const writes = {
      within: async () => { calls.push('within'); },
      before: async (command: { kind: string; key: string }) => { calls.push(`before ${command.kind} ${command.key}`); },
      after: async (command: { kind: string; key: string }) => { calls.push(`after ${command.kind} ${command.key}`); },
    };

    // when
    await engine.cancelInstance('2251799813685249', { writes });

    // then
    expect(calls).toEqual(['before cancelInstance 2251799813685249', 'after cancelInstance 2251799813685249']);
    expect(fake.argsOf('cancelProcessInstance')).toEqual([['2251799813685249']]);
  });
});
