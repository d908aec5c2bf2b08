import { describe, expect, it } from 'vitest';
import { adapters, fixture, useEngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'parallel.bpmn');

describe.each(adapters)('parallel branches on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [bpmn]);

  const activate = async (type: string) => (await sut.engine.activateJobs({ type, maxJobs: 1, timeoutMs: 60_000, worker: 'test' }))[0]!;

  it('waits at the join for both branches, completed at the same moment, and keeps both results', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-parallel', variables: {} });
    const superior = await activate('contract.to-superior');
    const government = await activate('contract.to-government');

    // when: both branches complete concurrently (the instance is never advanced by two callers at once)
    await Promise.all([
      sut.engine.completeJob(superior.key, { superiorReceipt: '市应急管理局' }),
      sut.engine.completeJob(government.key, { governmentReceipt: '临翔区人民政府' }),
    ]);

    // then
    expect(await sut.engine.getInstance(instance.key)).toMatchObject({
      state: 'completed',
      variables: { superiorReceipt: '市应急管理局', governmentReceipt: '临翔区人民政府' },
    });
  });

  it('stays at the join while one branch is open', async () => {
    // given
    const instance = await sut.engine.startInstance({ bpmnProcessId: 'contract-parallel', variables: {} });

    // when
    await sut.engine.completeJob((await activate('contract.to-superior')).key);

    // then
    const status = await sut.engine.getInstance(instance.key);
    expect(status?.state).toBe('active');
    expect(status?.activeElements.map((e) => e.elementId)).toContain('to-government');
  });
});
