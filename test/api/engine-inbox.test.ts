import { createEngineInbox, type RunningServer } from '@kuaibao/api';
import { LINCANG_USERS, type InboxFilter } from '@kuaibao/db';
import { candidateGroupsOf, roleSchema } from '@kuaibao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

/**
 * On Zeebe the inbox goes through the engine port (user tasks live in the cluster). It must answer
 * exactly what the SQL inbox answers: both run here on the embedded engine, over the same tasks.
 */
describe('the inbox through the engine port', () => {
  let server: RunningServer;
  const now = new Date();

  beforeAll(async () => {
    // given: open tasks in every state the inbox distinguishes — waiting for a group, claimed, at sign-off, in two units
    server = await startTestServer();
    const url = server.url;
    const [lxReporter, sjReporter, lxVerifier, lxLeader, sjVerifier] = await Promise.all([
      login(url, 'lx_reporter'), login(url, 'sj_reporter'), login(url, 'lx_verifier'), login(url, 'lx_leader'), login(url, 'sj_verifier'),
    ]);
    const submit = async (reporter: Client, overrides: Record<string, unknown>) =>
      (await reporter.post('/api/reports', firstReport(overrides))).body.incidentNumber as string;
    const waiting = await submit(lxReporter, { severity: 'IV' });
    const claimed = await submit(lxReporter, { severity: 'II', category: 'accident_disaster' });
    const signed = await submit(lxReporter, { severity: 'III' });
    const other = await submit(sjReporter, { reportingUnitId: 'sj-yjj', place: { divisionCode: '530925', address: '双江县勐勐镇' } });
    await waitForTask(lxVerifier, waiting, 'verify');
    await lxVerifier.post(`/api/tasks/${(await waitForTask(lxVerifier, claimed, 'verify')).key}/claim`);
    await lxVerifier.post(`/api/tasks/${(await waitForTask(lxVerifier, signed, 'verify')).key}/complete`, { decision: 'confirm', opinion: '属实' });
    await waitForTask(lxLeader, signed, 'sign_off');
    await waitForTask(sjVerifier, other, 'verify');
    // 重大 reports reach the city duty office at once too (越级, ADR 0011); a 较大 one only once verified (000, ADR 0030)
    const lcDuty = await login(url, 'lc_duty');
    for (const urgent of [claimed, other]) await waitForTask(lcDuty, urgent, 'receive_city_direct');
  });
  afterAll(() => server?.close());

  /** The SQL feed from one cursor, read until two reads 200 ms apart agree: the flows' steps have settled. */
  const settled = async <T>(read: () => Promise<T>) => {
    for (let last = await read(); ; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const next = await read();
      if (JSON.stringify(next) === JSON.stringify(last)) return next;
      last = next;
    }
  };

  const filtersOf = (username: string): InboxFilter[] => {
    const user = LINCANG_USERS.find((u) => u.username === username)!;
    const base = { groups: candidateGroupsOf({ unitId: user.unitId, roles: roleSchema.array().parse(user.roles) }), username, now, offset: 0, limit: 50 };
    const tomorrow = new Date(now.getTime() + 86_400_000 * 30);
    return [
      base,
      { ...base, view: 'mine' },
      { ...base, view: 'group' },
      { ...base, view: 'all', sort: 'created' },
      { ...base, kind: 'verify' },
      { ...base, severity: 'II' },
      { ...base, category: 'natural_disaster' },
      { ...base, reportingUnitId: 'sj-yjj' },
      { ...base, overdue: true, now: tomorrow },
      { ...base, overdue: false },
      { ...base, offset: 1, limit: 1 },
      { ...base, sort: 'created', offset: 1, limit: 2 },
    ];
  };

  it.each([
    ['lx_verifier', { mine: 1, group: 1, all: 2 }],
    ['lx_leader', { mine: 0, group: 1, all: 1 }],
    ['sj_verifier', { mine: 0, group: 1, all: 1 }],
    ['lc_duty', { mine: 0, group: 2, all: 2 }],
  ])('lists and counts for %s what the SQL inbox does', async (username, expected) => {
    // given
    const byPort = createEngineInbox(server.deps.engine, server.deps.incidents, server.deps.clocks);
    const bySql = server.deps.inbox;

    for (const filter of filtersOf(username)) {
      // when
      const [port, sql] = await Promise.all([byPort.list(filter), bySql.list(filter)]);

      // then
      expect(port, JSON.stringify(filter)).toEqual(sql);
    }
    const { view: _view, offset: _offset, limit: _limit, ...base } = filtersOf(username)[0]!;
    const counts = await bySql.counts(base);
    expect(await byPort.counts(base)).toEqual(counts);
    expect(counts).toMatchObject(expected);
  });

  it('reports the same task changes to the live inbox as the SQL feed', async () => {
    // given both feeds started now
    const byPort = createEngineInbox(server.deps.engine, server.deps.incidents, server.deps.clocks);
    const bySql = server.deps.inbox;
    const [portStart, sqlStart] = await Promise.all([byPort.taskChanges(null), bySql.taskChanges(null)]);
    expect([portStart.changes, sqlStart.changes]).toEqual([[], []]);

    // when: a task is claimed, another released, one completed and a new report submitted
    const url = server.url;
    const [lxReporter, lxVerifier, lxLeader] = await Promise.all([login(url, 'lx_reporter'), login(url, 'lx_verifier'), login(url, 'lx_leader')]);
    const verifyTasks = (await lxVerifier.get('/api/tasks?kind=verify')).body.items as { key: string; assignee: string | null }[];
    const claimed = verifyTasks.find((t) => t.assignee === 'lx_verifier')!;
    const waiting = verifyTasks.find((t) => t.assignee === null)!;
    await lxVerifier.post(`/api/tasks/${claimed.key}/unclaim`);
    await lxVerifier.post(`/api/tasks/${waiting.key}/claim`);
    const [signOff] = (await lxLeader.get('/api/tasks?kind=sign_off')).body.items as { key: string }[];
    await lxLeader.post(`/api/tasks/${signOff!.key}/complete`, { decision: 'approve', opinion: '同意上报' });
    const fresh = (await lxReporter.post('/api/reports', firstReport({ severity: 'IV' }))).body.incidentNumber as string;
    await waitForTask(lxVerifier, fresh, 'verify');
    const sql = await settled(() => bySql.taskChanges(sqlStart.cursor));
    const port = await byPort.taskChanges(portStart.cursor);

    // then: the same changes, in any order
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(port.changes.sort(byKey)).toEqual(sql.changes.sort(byKey));
    expect(sql.changes.find((c) => c.key === claimed.key)).toMatchObject({ open: true, created: false, assignee: null, formerAssignee: 'lx_verifier' });
    expect(sql.changes.find((c) => c.key === waiting.key)).toMatchObject({ open: true, created: false, assignee: 'lx_verifier', formerAssignee: null });
    expect(sql.changes.find((c) => c.key === signOff!.key)).toMatchObject({ open: false, created: false });
    expect(sql.changes.filter((c) => c.created && c.open).length).toBeGreaterThanOrEqual(2); // the new verify task, the signed report's next tasks
  });
});
