import { afterEach, describe, expect, it } from 'vitest';
import type { OpenTaskHead } from '@kuaibao/db';
import { snapshotChanges } from '../inbox/snapshot-changes';
import { watchOpenTasks } from './open-task-watcher';
import { concerns, TaskEventBus, type TaskEvent } from './task-event-bus';

const head = (key: string, assignee: string | null = null): OpenTaskHead => ({ key, assignee, candidateGroups: ['unit:lx-yjj:verifier'], candidateUsers: [] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('the open-task watcher', () => {
  let open: OpenTaskHead[] = [head('1')];
  let reads = 0;
  const events = new TaskEventBus();
  const seen: TaskEvent[] = [];
  const stop = events.subscribe((e) => seen.push(e));
  const watcher = watchOpenTasks({ taskChanges: snapshotChanges(() => (reads++, Promise.resolve(open.map((t) => ({ ...t }))))), events, intervalMs: 10 });
  afterEach(() => {
    seen.length = 0;
  });

  it('takes a picture first, then announces created, claimed, unclaimed and ended tasks', async () => {
    // given: one task open at start
    await settle();
    expect(seen).toEqual([]);

    // when: the engine creates one, someone claims the first outside this process, then both end
    open = [head('1', 'lx_verifier'), head('2')];
    await settle();
    const created = seen.splice(0);
    open = [head('1')];
    await settle();
    const unclaimedAndEnded = seen.splice(0);

    // then
    expect(created.map((e) => [e.type, e.taskKey]).sort()).toEqual([['task.claimed', '1'], ['task.created', '2']]);
    expect(unclaimedAndEnded.map((e) => [e.type, e.taskKey]).sort()).toEqual([['task.ended', '2'], ['task.unclaimed', '1']]);
    expect(unclaimedAndEnded.find((e) => e.type === 'task.unclaimed')?.audience.users).toEqual(['lx_verifier']);
  });

  it('does not announce again what the task service announced', async () => {
    // given
    open = [head('1'), head('3')];
    await settle();
    seen.length = 0;

    // when: the API claims 1 and completes 3, and says so
    open = [head('1', 'lx_verifier')];
    events.publish({ type: 'task.claimed', taskKey: '1', assignee: 'lx_verifier', audience: { groups: [], users: ['lx_verifier'] } });
    events.publish({ type: 'task.completed', taskKey: '3', assignee: null, audience: { groups: [], users: [] } });
    await settle();

    // then: only the two service events
    expect(seen.map((e) => e.type)).toEqual(['task.claimed', 'task.completed']);
  });

  it('reads nothing while nobody listens', async () => {
    // given
    stop();
    await settle();
    const before = reads;

    // when
    await settle();

    // then
    expect(reads).toBe(before);
    await watcher.close();
    events.close();
  });
});

describe('who hears of an event', () => {
  const event: TaskEvent = { type: 'task.created', taskKey: '1', assignee: null, audience: { groups: ['unit:lx-yjj:verifier'], users: ['lc_duty'] } };

  it('is a member of a candidate group, or a named user', () => {
    expect(concerns(event, { username: 'lx_verifier', groups: ['unit:lx-yjj:verifier'] })).toBe(true);
    expect(concerns(event, { username: 'lc_duty', groups: ['unit:lc-zbs:duty_officer'] })).toBe(true);
    expect(concerns(event, { username: 'sj_verifier', groups: ['unit:sj-yjj:verifier'] })).toBe(false);
  });

  it('looks at once when the engine nudges, without waiting for its poll', async () => {
    // given: a watcher that polls once a minute, and a first picture taken
    const bus = new TaskEventBus();
    const announced: TaskEvent[] = [];
    const unsubscribe = bus.subscribe((e) => announced.push(e));
    let tasks = [head('10')];
    let poke: () => void = () => undefined;
    const slow = watchOpenTasks({ taskChanges: snapshotChanges(() => Promise.resolve(tasks.map((t) => ({ ...t })))), events: bus, intervalMs: 60_000, nudges: (p) => ((poke = p), () => undefined) });
    await settle();

    // when: a step creates a task and the engine says so
    tasks = [head('10'), head('11')];
    poke();
    await settle();

    // then
    expect(announced.map((e) => [e.type, e.taskKey])).toEqual([['task.created', '11']]);
    unsubscribe();
    await slow.close();
  });
});
