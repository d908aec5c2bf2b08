import { describe, expect, it } from 'vitest';
import { bpmnError, complete, fail, type JobHandler } from '../types';
import { ZeebeJobWorker, type WorkerDefaults } from './job-worker';
import { fakeCamunda, grpcError } from './testing/fake-camunda';

interface SdkWorkerConfig {
  taskType: string;
  id: string;
  maxJobsToActivate: number;
  timeout: number;
  tenantIds?: string[];
  taskHandler: (job: object) => Promise<string>;
}

/** A job as the SDK worker hands it to the handler, with recording complete / error / fail. */
function sdkJob(retries: number, answer: (call: string) => Promise<string> = async () => 'JOB_ACTION_ACKNOWLEDGEMENT') {
  const answered: [string, unknown][] = [];
  const record = (name: string) => (arg: unknown) => {
    answered.push([name, arg]);
    return answer(name);
  };
  const job = {
    key: '2251799813685300', type: 'kuaibao.report.dispatch', processInstanceKey: '2251799813685249', bpmnProcessId: 'incident-report',
    processDefinitionVersion: 1, elementId: 'dispatch-superior', elementInstanceKey: '2251799813685290', customHeaders: { recipient: 'superiorDepartment' },
    worker: 'w', retries, deadline: '1795334400000', variables: { businessKey: 'KB-1', reportId: 'r1' }, tenantId: '<default>',
    complete: record('complete'), error: record('error'), fail: record('fail'),
  };
  return { job, answered };
}

function startWorker(handler: JobHandler, defaults: Partial<WorkerDefaults> = {}) {
  const fake = fakeCamunda({ grpc: { createWorker: () => ({ close: async () => null }) } });
  const errors: unknown[] = [];
  new ZeebeJobWorker(fake.grpc, { taskType: 'kuaibao.report.dispatch', handler, name: 'worker-1' }, {
    maxJobsToActivate: 32, timeoutMs: 60_000, retryBackoffMs: 1_000, tenantIds: [], onError: (e) => errors.push(e), ...defaults,
  });
  const [[config]] = fake.argsOf('createWorker') as [[SdkWorkerConfig]];
  return { config, errors };
}

describe('Zeebe job worker', () => {
  it('asks the SDK worker for the task type with capacity, lock timeout, name and tenants', () => {
    // when
    const { config } = startWorker(async () => complete(), { tenantIds: ['530902'], maxJobsToActivate: 8 });

    // then
    expect(config).toMatchObject({ taskType: 'kuaibao.report.dispatch', id: 'worker-1', maxJobsToActivate: 8, timeout: 60_000, tenantIds: ['530902'], failProcessOnException: false });
  });

  it('hands the handler the port\'s job and answers complete, BPMN error or fail', async () => {
    // given
    const seen: unknown[] = [];
    const outcomes = [complete({ receipt: 'R-1' }), bpmnError('RECIPIENT_UNKNOWN', 'no unit', { reason: 'x' }), fail('gateway down', { retryBackoffMs: 5_000 })];
    const { config } = startWorker(async (job) => {
      seen.push(job);
      return outcomes.shift()!;
    });
    const jobs = [sdkJob(5), sdkJob(5), sdkJob(5)];

    // when
    for (const { job } of jobs) expect(await config.taskHandler(job)).toBe('JOB_ACTION_ACKNOWLEDGEMENT');

    // then
    expect(seen[0]).toMatchObject({ key: '2251799813685300', businessKey: 'KB-1', customHeaders: { recipient: 'superiorDepartment' }, variables: { reportId: 'r1' } });
    expect(jobs.map((j) => j.answered[0])).toEqual([
      ['complete', { receipt: 'R-1' }],
      ['error', { errorCode: 'RECIPIENT_UNKNOWN', errorMessage: 'no unit', variables: { reason: 'x' } }],
      ['fail', { errorMessage: 'gateway down', retries: 4, retryBackOff: 5_000 }],
    ]);
  });

  it('fails a job whose handler throws, using a retry and the exponential backoff', async () => {
    // given
    const { config } = startWorker(async () => {
      throw new Error('短信网关不可用');
    });
    const { job, answered } = sdkJob(1);

    // when
    await config.taskHandler(job);

    // then
    expect(answered).toEqual([['fail', { errorMessage: '短信网关不可用', retries: 0, retryBackOff: 4_000 }]]);
  });

  it('ignores an answer to a job that is gone, and reports any other failure to answer', async () => {
    // given
    const { config, errors } = startWorker(async () => complete());
    const gone = sdkJob(3, () => Promise.reject(grpcError(5, 'job not found')));
    const broken = sdkJob(3, () => Promise.reject(grpcError(14, 'UNAVAILABLE')));

    // when
    const answers = [await config.taskHandler(gone.job), await config.taskHandler(broken.job)];

    // then
    expect(answers).toEqual(['JOB_ACTION_ACKNOWLEDGEMENT', 'JOB_ACTION_ACKNOWLEDGEMENT']);
    expect(errors).toEqual([expect.objectContaining({ code: 14 })]);
  });
});
