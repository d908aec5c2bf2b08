import { describe, expect, it } from 'vitest';
import { adapters, eventually, fixture, openTasks, useEngineUnderTest } from './harness';

const bpmn = fixture(import.meta.dirname, 'user-task.bpmn');

describe.each(adapters)('user tasks on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [bpmn]);

  const start = () =>
    sut.engine.startInstance({
      bpmnProcessId: 'contract-user-task',
      businessKey: 'KB-530902-20261122-0001',
      variables: { unitId: 'lx-yjj', verifyDue: '2026-11-23T10:00:00Z', leader: 'wangwu' },
    });

  it('creates the task with candidate groups and users, due date, form and headers from zeebe extensions', async () => {
    // given
    const instance = await start();

    // when
    const [task] = await openTasks(sut.engine, instance.key);

    // then
    expect(task).toMatchObject({
      elementId: 'verify',
      name: '核实',
      state: 'created',
      businessKey: 'KB-530902-20261122-0001',
      candidateGroups: ['unit:lx-yjj:verifier'],
      candidateUsers: ['zhangsan', 'lisi'],
      dueDate: '2026-11-23T10:00:00.000Z',
      formKey: 'verify-form',
      customHeaders: { kind: 'verify' },
    });
    expect(await sut.engine.searchUserTasks({ candidateGroups: ['unit:lx-yjj:verifier'], state: 'created' })).toHaveLength(1);
    expect(await sut.engine.searchUserTasks({ candidateGroups: ['unit:other:verifier'], state: 'created' })).toHaveLength(0);
    expect(await sut.engine.searchUserTasks({ candidateUser: 'lisi', state: 'created' })).toHaveLength(1);
  });

  it('completes with output mappings, assigns by FEEL, and loops back when sign-off returns the report', async () => {
    // given
    const instance = await start();
    const [verify] = await openTasks(sut.engine, instance.key);

    // when: verified, then the leader returns it, then verified and approved
    await sut.engine.completeUserTask(verify!.key, { decision: 'confirm', opinion: '属实' });
    const [signOff] = await openTasks(sut.engine, instance.key);
    expect(signOff).toMatchObject({ elementId: 'sign-off', assignee: 'wangwu', candidateGroups: ['leaders'] });
    await sut.engine.completeUserTask(signOff!.key, { approved: false });
    const [again] = await openTasks(sut.engine, instance.key);
    expect(again).toMatchObject({ elementId: 'verify' });
    expect(again!.key).not.toBe(verify!.key);
    await sut.engine.completeUserTask(again!.key, { decision: 'confirm', opinion: '已补充' });
    const [signAgain] = await openTasks(sut.engine, instance.key);
    await sut.engine.completeUserTask(signAgain!.key, { approved: true });

    // then
    const done = await eventually(() => sut.engine.getInstance(instance.key), (i) => i?.state === 'completed');
    expect(done?.variables).toMatchObject({ verified: true, verifyOpinion: '已补充', approved: true });
    expect(done?.variables).not.toHaveProperty('decision');
  });

  it('refuses to complete a task twice, and claims and unclaims', async () => {
    // given
    const instance = await start();
    const [task] = await openTasks(sut.engine, instance.key);

    // when
    await sut.engine.assignUserTask(task!.key, 'zhangsan');
    expect((await sut.engine.getUserTask(task!.key))?.assignee).toBe('zhangsan');
    await sut.engine.assignUserTask(task!.key, null);
    await sut.engine.completeUserTask(task!.key, { decision: 'close', opinion: '不属实' });

    // then
    await expect(sut.engine.completeUserTask(task!.key, {})).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await sut.engine.getUserTask(task!.key))?.state).toBe('completed');
    expect((await sut.engine.getInstance(instance.key))?.state).toBe('completed');
  });

  it('refuses a claim of a task someone else holds unless told to override', async () => {
    // given
    const instance = await start();
    const [task] = await openTasks(sut.engine, instance.key);
    await sut.engine.assignUserTask(task!.key, 'zhangsan', { allowOverride: false });

    // when / then
    await expect(sut.engine.assignUserTask(task!.key, 'lisi', { allowOverride: false })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await sut.engine.getUserTask(task!.key))?.assignee).toBe('zhangsan');
    await sut.engine.assignUserTask(task!.key, 'lisi');
    expect((await sut.engine.getUserTask(task!.key))?.assignee).toBe('lisi');
  });

  it('lets exactly one of two simultaneous completions of the same task win', async () => {
    // given
    const instance = await start();
    const [task] = await openTasks(sut.engine, instance.key);

    // when
    const results = await Promise.allSettled([
      sut.engine.completeUserTask(task!.key, { decision: 'confirm', opinion: 'a' }),
      sut.engine.completeUserTask(task!.key, { decision: 'confirm', opinion: 'b' }),
    ]);

    // then
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'INVALID_STATE' } });
    expect((await openTasks(sut.engine, instance.key)).map((t) => t.elementId)).toEqual(['sign-off']);
  });

  it('finds instances by business key, reports where they wait, and cancels them with their tasks', async () => {
    // given
    const instance = await start();

    // when
    const [found] = await sut.engine.findInstances({ businessKey: 'KB-530902-20261122-0001' });
    await sut.engine.cancelInstance(instance.key);

    // then
    expect(found).toMatchObject({ key: instance.key, state: 'active' });
    expect(found!.activeElements.map((e) => e.elementId)).toEqual(['verify']);
    expect((await sut.engine.getInstance(instance.key))?.state).toBe('canceled');
    expect(await openTasks(sut.engine, instance.key)).toHaveLength(0);
    await expect(sut.engine.cancelInstance(instance.key)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});
