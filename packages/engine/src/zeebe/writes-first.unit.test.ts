import { describe, expect, it } from 'vitest';
import { complete, type StepWrites } from '../types';
import { ZeebeJobWorker } from './job-worker';
import { fakeCamunda, restError } from './testing/fake-camunda';
import { ZeebeEngine } from './zeebe-engine';

/** Writes that log what happened, in order, into `log` (the broker's calls are logged by the fake beside them). */
function loggingWrites(log: string[], options: { failBefore?: boolean } = {}): StepWrites {
  return {
    within: async () => void log.push('within'),
    before: async (command) => {
      if (options.failBefore) throw new Error('database unavailable');
      log.push(`before ${command.kind} ${command.key}`);
    },
    after: async (command) => void log.push(`after ${command.kind} ${command.key}`),
  };
}

describe('Zeebe: a completion\'s business writes go first, with a record of the command', () => {
  it('commits the writes, then completes the user task, then drops the record', async () => {
    // given
    const log: string[] = [];
    const fake = fakeCamunda({ rest: { completeUserTask: (() => void log.push('broker completes')) as never } });
    const engine = new ZeebeEngine({ grpc: fake.grpc, rest: fake.rest, onError: () => undefined });

    // when
    await engine.completeUserTask('2251799813685301', { decision: 'confirm' }, { writes: loggingWrites(log) });

    // then
    expect(log).toEqual(['before completeUserTask 2251799813685301', 'broker completes', 'after completeUserTask 2251799813685301']);
    expect(fake.argsOf('completeUserTask')).toEqual([[{ userTaskKey: '2251799813685301', variables: { decision: 'confirm' } }]]);
  });

  it('sends nothing when the writes fail', async () => {
    // given
    const fake = fakeCamunda();
    const engine = new ZeebeEngine({ grpc: fake.grpc, rest: fake.rest, onError: () => undefined });

    // when / then
    await expect(engine.completeUserTask('1', {}, { writes: loggingWrites([], { failBefore: true }) })).rejects.toThrow('database unavailable');
    expect(fake.argsOf('completeUserTask')).toEqual([]);
  });

  it('drops the record when the broker says the task is no longer open, and keeps it when the broker cannot be reached', async () => {
    // given
    const log: string[] = [];
    const fake = fakeCamunda({
      rest: { completeUserTask: (({ userTaskKey }: { userTaskKey: string }) => Promise.reject(userTaskKey === '1' ? restError(409, 'INVALID_STATE') : new Error('ECONNREFUSED'))) as never },
    });
    const engine = new ZeebeEngine({ grpc: fake.grpc, rest: fake.rest, onError: () => undefined });

    // when
    await expect(engine.completeUserTask('1', {}, { writes: loggingWrites(log) })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(engine.completeUserTask('2', {}, { writes: loggingWrites(log) })).rejects.toThrow('ECONNREFUSED');

    // then: the second stays recorded, for reconciliation at start
    expect(log).toEqual(['before completeUserTask 1', 'after completeUserTask 1', 'before completeUserTask 2']);
  });

  it('completes a job through the engine and through the job worker after the handler\'s writes', async () => {
    // given
    const log: string[] = [];
    const fake = fakeCamunda({ grpc: { completeJob: (() => void log.push('broker completes')) as never, createWorker: () => ({ close: async () => null }) } });
    const engine = new ZeebeEngine({ grpc: fake.grpc, rest: fake.rest, onError: () => undefined });
    new ZeebeJobWorker(fake.grpc, { taskType: 'kuaibao.report.dispatch', handler: async () => complete({ sent: true }, loggingWrites(log)) }, {
      maxJobsToActivate: 1, timeoutMs: 60_000, retryBackoffMs: 1_000, tenantIds: [], onError: () => undefined,
    });
    const [[config]] = fake.argsOf('createWorker') as [[{ taskHandler: (job: object) => Promise<string> }]];
    const sdkJob = {
      key: '2251799813685300', type: 'kuaibao.report.dispatch', processInstanceKey: '2251799813685249', bpmnProcessId: 'incident-report', processDefinitionVersion: 1,
      elementId: 'dispatch', elementInstanceKey: '2251799813685290', customHeaders: {}, worker: 'w', retries: 3, deadline: '1795334400000', variables: {}, tenantId: '<default>',
      complete: async () => {
        log.push('job completes');
        return 'JOB_ACTION_ACKNOWLEDGEMENT';
      },
      fail: async () => 'JOB_ACTION_ACKNOWLEDGEMENT',
      error: async () => 'JOB_ACTION_ACKNOWLEDGEMENT',
    };

    // when
    await engine.completeJob('11', { severity: 'II' }, { writes: loggingWrites(log) });
    await config.taskHandler(sdkJob);

    // then
    expect(log).toEqual([
      'before completeJob 11', 'broker completes', 'after completeJob 11',
      'before completeJob 2251799813685300', 'job completes', 'after completeJob 2251799813685300',
    ]);
  });

  it('fails the job, to be retried, when the handler\'s writes fail', async () => {
    // given
    const answered: [string, unknown][] = [];
    const fake = fakeCamunda({ grpc: { createWorker: () => ({ close: async () => null }) } });
    new ZeebeJobWorker(fake.grpc, { taskType: 'kuaibao.report.dispatch', handler: async () => complete({}, loggingWrites([], { failBefore: true })) }, {
      maxJobsToActivate: 1, timeoutMs: 60_000, retryBackoffMs: 1_000, tenantIds: [], onError: () => undefined,
    });
    const [[config]] = fake.argsOf('createWorker') as [[{ taskHandler: (job: object) => Promise<string> }]];
    const record = (name: string) => async (arg: unknown) => {
      answered.push([name, arg]);
      return 'JOB_ACTION_ACKNOWLEDGEMENT';
    };
    const sdkJob = {
      key: '2251799813685300', type: 'kuaibao.report.dispatch', processInstanceKey: '2251799813685249', bpmnProcessId: 'incident-report', processDefinitionVersion: 1,
      elementId: 'dispatch', elementInstanceKey: '2251799813685290', customHeaders: {}, worker: 'w', retries: 3, deadline: '1795334400000', variables: {}, tenantId: '<default>',
      complete: record('complete'), fail: record('fail'), error: record('error'),
    };

    // when
    await config.taskHandler(sdkJob);

    // then
    expect(answered).toEqual([['fail', { errorMessage: 'database unavailable', retries: 2, retryBackOff: 1_000 }]]);
  });
});
