import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { client, firstReport, login, waitForTask, type Client } from './client';
import { openEventStream, type EventStream } from './event-stream';
import { startTestServer } from './server';

describe('live inbox events (GET /api/events) and the lookups the web app needs', () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  const streams: Record<string, EventStream> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'sj_verifier']) as[name] = await login(server.url, name);
    for (const name of ['lx_verifier', 'lx_leader', 'sj_verifier']) streams[name] = await openEventStream(server.url, as[name]!.cookie);
  });
  afterAll(async () => {
    // open streams do not keep the server from closing: it ends them
    await server.close();
    await Promise.all(Object.values(streams).map((stream) => stream.ended));
  });

  it('needs a login', async () => {
    const anonymous = await openEventStream(server.url);
    expect(anonymous.status).toBe(401);
    await anonymous.ended;
  });

  it('tells the verifier at once when the engine creates a task, and when it is claimed, unclaimed and completed', async () => {
    // given: an open stream
    const verifier = streams.lx_verifier!;
    expect(verifier.contentType).toMatch(/^text\/event-stream/);
    await verifier.next((m) => m.event === 'ready');

    // when: a report arrives (the engine creates the verify task after the recipients are resolved)
    const submittedAt = Date.now();
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport())).body.incidentNumber;
    const task = await waitForTask(as.lx_verifier!, number, 'verify');
    const created = await verifier.next((m) => m.data.type === 'task.created' && m.data.taskKey === task.key);

    // then: within a second of the task existing, with no content in the event
    expect(Date.now() - submittedAt).toBeLessThan(3_000);
    expect(created.data).toEqual({ type: 'task.created', taskKey: task.key });

    // when / then: claim, unclaim, complete
    await as.lx_verifier!.post(`/api/tasks/${task.key}/claim`);
    await verifier.next((m) => m.data.type === 'task.claimed' && m.data.taskKey === task.key, 1_000);
    await as.lx_verifier!.post(`/api/tasks/${task.key}/unclaim`);
    await verifier.next((m) => m.data.type === 'task.unclaimed' && m.data.taskKey === task.key, 1_000);
    await as.lx_verifier!.post(`/api/tasks/${task.key}/complete`, { decision: 'confirm' });
    await verifier.next((m) => m.data.type === 'task.completed' && m.data.taskKey === task.key, 1_000);

    // and the leader hears of the sign-off task; another county hears nothing
    const signOff = await waitForTask(as.lx_leader!, number, 'sign_off');
    await streams.lx_leader!.next((m) => m.data.type === 'task.created' && m.data.taskKey === signOff.key);
    expect(streams.sj_verifier!.messages.filter((m) => m.event === 'tasks')).toEqual([]);
    expect(verifier.messages.filter((m) => m.data.taskKey === task.key).map((m) => m.data.type)).toEqual(['task.created', 'task.claimed', 'task.unclaimed', 'task.completed']);
  });

  it('lists the org units and serves the BPMN of a process', async () => {
    // when
    const units = await as.lx_reporter!.get('/api/org-units');
    const diagram = await as.lx_reporter!.request('GET', '/api/processes/incident-report/diagram');

    // then
    expect(units.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'lx-yjj', name: '临翔区应急管理局', divisionCode: '530902' })]));
    expect(diagram.status).toBe(200);
    expect(diagram.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(diagram.body).toContain('<bpmn:userTask id="verify"');
    expect((await as.lx_reporter!.get('/api/processes/nope/diagram')).status).toBe(404);
    expect((await client(server.url).get('/api/org-units')).status).toBe(401);
  });
});
