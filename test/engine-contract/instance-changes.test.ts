import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeRefusalReason, InstanceStatus, WorkflowEngine } from '@kuaibao/engine';
import { adapters, eventually, fixture, openTasks, supports, type EngineUnderTest } from './harness';

const v1 = fixture(import.meta.dirname, 'instance-changes.bpmn');
const v2 = fixture(import.meta.dirname, 'instance-changes-v2.bpmn');
const other = fixture(import.meta.dirname, 'instance-changes-other.bpmn');
const T0 = new Date('2026-12-06T08:00:00Z').getTime();
const MINUTE = 60_000;
const SAME = ['start', 'first', 'span', 'inner', 'span-clock', 'mark-late', 'work'].map((id) => ({ sourceElementId: id, targetElementId: id }));

const refusedWith = (reason: ChangeRefusalReason) => ({ code: 'INVALID_STATE', details: { refusals: expect.arrayContaining([expect.objectContaining({ reason })]) } });

/**
 * Process instance modification and migration (Zeebe's, issue 22, docs/adr/0051): move a token, move an instance to
 * another version of its process with a mapping, a dry run that changes nothing; refused whole, with the reason, when
 * the result would be invalid.
 */
describe.each(adapters.filter((a) => supports(a, 'instanceChanges') && supports(a, 'fakeClock')))('instance modification and migration on $name', (adapter) => {
  let sut: EngineUnderTest;
  let engine: WorkflowEngine;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    sut = await adapter.create();
    engine = sut.engine;
    await engine.deploy([v1]);
    await engine.deploy([other]);
  });
  afterEach(async () => {
    await sut.close();
    vi.useRealTimers();
  });

  const tasksAt = async (instanceKey: string) => (await openTasks(engine, instanceKey)).map((t) => t.elementId).sort();
  const active = async (instanceKey: string, ids: string[]) =>
    eventually(() => engine.getInstance(instanceKey), (i) => JSON.stringify(i?.activeElements.map((e) => e.elementId).sort()) === JSON.stringify([...ids].sort()));
  const elementKey = (instance: InstanceStatus | null, elementId: string) => instance!.activeElements.find((e) => e.elementId === elementId)!.elementInstanceKey;
  const completeTaskAt = async (instanceKey: string, elementId: string) => {
    const task = (await eventually(() => openTasks(engine, instanceKey), (tasks) => tasks.some((t) => t.elementId === elementId))).find((t) => t.elementId === elementId)!;
    await engine.completeUserTask(task.key);
  };
  const startAtFirst = async () => {
    const { key } = await engine.startInstance({ bpmnProcessId: 'contract-changes', businessKey: 'KB-CHANGE' });
    return { key, instance: await active(key, ['first']) };
  };
  const startAtWork = async () => {
    const { key } = await startAtFirst();
    await completeTaskAt(key, 'first');
    await completeTaskAt(key, 'inner');
    return { key, instance: await active(key, ['work']) };
  };
  const definitions = async () => {
    const found = await engine.listDefinitions({ bpmnProcessId: 'contract-changes' });
    return { v1: found.find((d) => d.version === 1)!, v2: found.find((d) => d.version === 2) };
  };

  it('moves a token: cancels the task at one element and activates another, which runs as usual', async () => {
    // given: a report at 登记
    const { key, instance } = await startAtFirst();

    // when: the admin moves it past 登记 and the span to 报送 (a job)
    await engine.modifyInstance(key, { terminate: [elementKey(instance, 'first')], activate: [{ elementId: 'work' }] });

    // then: 登记's task is gone, the job is there
    await active(key, ['work']);
    expect(await tasksAt(key)).toEqual([]);
    const [job] = await eventually(() => engine.activateJobs({ type: 'contract.change.broken', maxJobs: 5, timeoutMs: 60_000, worker: 'test' }), (jobs) => jobs.length === 1);
    await engine.completeJob(job!.key);
    await active(key, ['last']);
  });

  it('restarts a step inside a sub-process, in its scope, and keeps the clock armed on the sub-process', async () => {
    // given: at 审签 inside the span, whose clock runs
    const { key } = await startAtFirst();
    await completeTaskAt(key, 'first');
    const at = await active(key, ['span', 'inner']);
    const [before] = await openTasks(engine, key);

    // when: 审签 is canceled and activated again
    await engine.modifyInstance(key, { terminate: [elementKey(at, 'inner')], activate: [{ elementId: 'inner' }] });

    // then: a new task in the same span; the span's clock still fires after its hour
    const [after] = await eventually(() => openTasks(engine, key), (tasks) => tasks.length === 1 && tasks[0]!.key !== before!.key);
    expect(after).toMatchObject({ elementId: 'inner', candidateGroups: ['leaders'] });
    expect(elementKey(await engine.getInstance(key), 'span')).toBe(elementKey(at, 'span'));
    vi.setSystemTime(T0 + 61 * MINUTE);
    await sut.processDue();
    expect(await eventually(() => engine.activateJobs({ type: 'contract.change.late', maxJobs: 5, timeoutMs: 60_000, worker: 'test' }), (jobs) => jobs.length === 1)).toHaveLength(1);
  });

  it('moves a report past a step broken by a bad deployment onto the fixed version: migrate, then restart the step', async () => {
    // given: the job at 报送 failed for good (its type has no worker in version 1: "a bad deployment"), an incident
    const { key, instance } = await startAtWork();
    const [job] = await eventually(() => engine.activateJobs({ type: 'contract.change.broken', maxJobs: 5, timeoutMs: 60_000, worker: 'test' }), (jobs) => jobs.length === 1);
    await engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'No handler for contract.change.broken' });
    await eventually(() => engine.listIncidents({ instanceKey: key, state: 'active' }), (incidents) => incidents.length === 1);
    await engine.deploy([v2]);
    const { v2: fixed } = await definitions();

    // when: a dry run, then the migration onto version 2, then 报送 restarted on it
    const plan = { targetDefinitionKey: fixed!.key, mappings: SAME };
    const dry = await engine.migrateInstance(key, plan, { dryRun: true });
    expect(dry).toMatchObject({ migrated: false, refusals: [], sourceVersion: 1, targetVersion: 2, moves: [{ elementInstanceKey: elementKey(instance, 'work'), elementId: 'work', targetElementId: 'work' }] });
    expect((await engine.getInstance(key))?.version).toBe(1);
    expect(await engine.migrateInstance(key, plan)).toMatchObject({ migrated: true });
    await eventually(() => engine.getInstance(key), (i) => i?.version === 2);
    const migrated = await active(key, ['work']);
    await engine.modifyInstance(key, { terminate: [elementKey(migrated, 'work')], activate: [{ elementId: 'work' }] });

    // then: the fixed job type runs, the incident of the canceled job is resolved, the report goes on to version 2's 签收
    const [fixedJob] = await eventually(() => engine.activateJobs({ type: 'contract.change.work', maxJobs: 5, timeoutMs: 60_000, worker: 'test' }), (jobs) => jobs.length === 1);
    await engine.completeJob(fixedJob!.key);
    await active(key, ['receive']);
    expect(await eventually(() => engine.listIncidents({ instanceKey: key, state: 'active' }), (incidents) => incidents.length === 0)).toEqual([]);
  });

  it('keeps the tasks, their keys and the running clock through a migration', async () => {
    // given: at 审签 in the span; version 2 deployed
    const { key } = await startAtFirst();
    await completeTaskAt(key, 'first');
    await active(key, ['span', 'inner']);
    const [task] = await openTasks(engine, key);
    await engine.deploy([v2]);

    // when
    await engine.migrateInstance(key, { targetDefinitionKey: (await definitions()).v2!.key, mappings: SAME });

    // then: the same task, the clock fires at its old due time, and the flow goes on on version 2
    await eventually(() => engine.getInstance(key), (i) => i?.version === 2);
    expect((await openTasks(engine, key)).map((t) => t.key)).toEqual([task!.key]);
    vi.setSystemTime(T0 + 61 * MINUTE);
    await sut.processDue();
    expect(await eventually(() => engine.activateJobs({ type: 'contract.change.late', maxJobs: 5, timeoutMs: 60_000, worker: 'test' }), (jobs) => jobs.length === 1)).toHaveLength(1);
    await engine.completeUserTask(task!.key);
    // version 2's 报送, created by version 2's model (its fixed job type)
    const [job] = await eventually(() => engine.activateJobs({ type: 'contract.change.work', maxJobs: 5, timeoutMs: 60_000, worker: 'test' }), (jobs) => jobs.length === 1);
    expect(job).toMatchObject({ elementId: 'work' });
  });
});

describe.each(adapters.filter((a) => supports(a, 'instanceChanges') && supports(a, 'changeReasons')))('refused modifications and migrations on $name', (adapter) => {
  let sut: EngineUnderTest;
  let engine: WorkflowEngine;
  beforeEach(async () => {
    sut = await adapter.create();
    engine = sut.engine;
    await engine.deploy([v1]);
    await engine.deploy([other]);
  });
  afterEach(async () => {
    await sut.close();
  });

  const start = async () => {
    const { key } = await engine.startInstance({ bpmnProcessId: 'contract-changes' });
    return { key, first: (await engine.getInstance(key))!.activeElements[0]!.elementInstanceKey };
  };
  /** The instance as a modification must leave it when refused: same elements, same tasks. */
  const unchanged = async (key: string) => {
    const instance = await engine.getInstance(key);
    return { elements: instance?.activeElements.map((e) => e.elementInstanceKey), tasks: (await openTasks(engine, key)).map((t) => t.key), state: instance?.state };
  };

  it('refuses a token inside a sub-process without its scope, an unknown element, a step not active, no token left: nothing changed', async () => {
    // given
    const { key, first } = await start();
    const before = await unchanged(key);

    // when / then
    await expect(engine.modifyInstance(key, { terminate: [first], activate: [{ elementId: 'inner' }] })).rejects.toMatchObject(refusedWith('SCOPE_MISSING'));
    await expect(engine.modifyInstance(key, { terminate: [first], activate: [{ elementId: 'no-such-step' }] })).rejects.toMatchObject(refusedWith('UNKNOWN_ELEMENT'));
    await expect(engine.modifyInstance(key, { terminate: ['123456'], activate: [{ elementId: 'work' }] })).rejects.toMatchObject(refusedWith('NOT_ACTIVE'));
    await expect(engine.modifyInstance(key, { terminate: [first], activate: [] })).rejects.toMatchObject(refusedWith('NO_TOKEN_LEFT'));
    await expect(engine.modifyInstance(key, { terminate: [], activate: [{ elementId: 'span-clock' }] })).rejects.toMatchObject(refusedWith('NOT_ACTIVATABLE'));
    await expect(engine.modifyInstance(key, { terminate: [], activate: [] })).rejects.toMatchObject(refusedWith('NOTHING_TO_DO'));
    expect(await unchanged(key)).toEqual(before);
  });

  it('refuses to leave a sub-process without a token, and any change to a finished instance', async () => {
    // given: at 审签 inside the span
    const { key } = await start();
    await engine.completeUserTask((await openTasks(engine, key))[0]!.key);
    const inner = (await engine.getInstance(key))!.activeElements.find((e) => e.elementId === 'inner')!.elementInstanceKey;

    // when / then: ending 审签 alone would leave the span empty
    await expect(engine.modifyInstance(key, { terminate: [inner], activate: [{ elementId: 'work' }] })).rejects.toMatchObject(refusedWith('SCOPE_LEFT_EMPTY'));
    // and: once finished, nothing can be changed
    await engine.cancelInstance(key);
    await expect(engine.modifyInstance(key, { terminate: [], activate: [{ elementId: 'work' }] })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(engine.modifyInstance('999999', { terminate: [], activate: [{ elementId: 'work' }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists what cannot move in a dry run and refuses the migration whole: unmapped active element, another process, a changed type', async () => {
    // given: at 审签 in the span; version 2 and another process deployed
    const { key } = await start();
    await engine.completeUserTask((await openTasks(engine, key))[0]!.key);
    await engine.deploy([v2]);
    const [fixed] = await engine.listDefinitions({ bpmnProcessId: 'contract-changes' });
    const [otherProcess] = await engine.listDefinitions({ bpmnProcessId: 'contract-changes-other' });
    const before = await unchanged(key);

    // when: the span is not mapped
    const dry = await engine.migrateInstance(key, { targetDefinitionKey: fixed!.key, mappings: [{ sourceElementId: 'inner', targetElementId: 'inner' }] }, { dryRun: true });

    // then: 审签 would move; the span cannot
    expect(fixed!.version).toBe(2);
    expect(dry.moves.map((m) => m.elementId)).toEqual(['inner']);
    expect(dry.refusals).toEqual([expect.objectContaining({ reason: 'UNMAPPED_ELEMENT', elementId: 'span' })]);
    await expect(engine.migrateInstance(key, { targetDefinitionKey: fixed!.key, mappings: [{ sourceElementId: 'inner', targetElementId: 'inner' }] })).rejects.toMatchObject(refusedWith('UNMAPPED_ELEMENT'));
    await expect(engine.migrateInstance(key, { targetDefinitionKey: otherProcess!.key, mappings: SAME })).rejects.toMatchObject(refusedWith('OTHER_PROCESS'));
    await expect(engine.migrateInstance(key, { targetDefinitionKey: fixed!.key, mappings: [...SAME.filter((m) => m.sourceElementId !== 'inner'), { sourceElementId: 'inner', targetElementId: 'span-end' }] }))
      .rejects.toMatchObject(refusedWith('TYPE_CHANGED'));
    await expect(engine.migrateInstance(key, { targetDefinitionKey: fixed!.key, mappings: [...SAME.filter((m) => m.sourceElementId !== 'inner'), { sourceElementId: 'inner', targetElementId: 'receive' }] }))
      .rejects.toMatchObject(refusedWith('SCOPE_CHANGED'));
    await expect(engine.migrateInstance(key, { targetDefinitionKey: '424242', mappings: SAME })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await unchanged(key)).toEqual(before);
    expect((await engine.getInstance(key))?.version).toBe(1);
  });
});

describe.each(adapters.filter((a) => !supports(a, 'instanceChanges')))('instance changes on $name (legacy instances)', (adapter) => {
  let sut: EngineUnderTest;
  beforeEach(async () => {
    sut = await adapter.create();
    await sut.engine.deploy([v1]);
  });
  afterEach(async () => {
    await sut.close();
  });

  it('refuses to modify or migrate an instance bpmn-engine saved, with the reason', async () => {
    // given
    const { key } = await sut.engine.startInstance({ bpmnProcessId: 'contract-changes' });
    const [definition] = await sut.engine.listDefinitions({ bpmnProcessId: 'contract-changes' });

    // when / then
    await expect(sut.engine.modifyInstance(key, { terminate: [], activate: [{ elementId: 'work' }] })).rejects.toMatchObject(refusedWith('LEGACY_INSTANCE'));
    expect(await sut.engine.migrateInstance(key, { targetDefinitionKey: definition!.key, mappings: SAME }, { dryRun: true })).toMatchObject({ refusals: [expect.objectContaining({ reason: 'LEGACY_INSTANCE' })] });
    expect((await openTasks(sut.engine, key)).map((t) => t.elementId)).toEqual(['first']);
  });
});
