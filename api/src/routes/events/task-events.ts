import { SESSION_COOKIE, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { concerns } from '../../events/task-event-bus';
import { groupsOf } from '../../services/task-service';
import { HEARTBEAT_MS, taskStreamMessageSchema } from './task-events.types';

/**
 * `GET /api/events`: server-sent events telling a logged-in browser that its inbox changed
 * (`event: tasks`, data `{ type, taskKey }`). Browsers refetch what they may see; events carry no content.
 * The session is checked again at every heartbeat, so a logout or an expired login ends the stream.
 */
export const taskEvents: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/events',
    tags: ['tasks'],
    summary: '待办变动推送 / Server-sent events: a task of mine or my groups was created, claimed, unclaimed or completed',
    responses: {
      200: { description: 'text/event-stream; `event: tasks` with data', content: { 'text/event-stream': { schema: taskStreamMessageSchema } } },
      401: { description: 'Not logged in' },
    },
  });

  router.get('/api/events', (req, res) => {
    const user = requireUser(res);
    const token = req.cookies?.[SESSION_COOKIE] as string;
    const audience = { username: user.username, groups: groupsOf(user) };
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\nevent: ready\ndata: {}\n\n');

    const end = () => {
      unsubscribe();
      clearInterval(heartbeat);
      if (!res.writableEnded) res.end();
    };
    const unsubscribe = deps.events.subscribe((event) => {
      if (concerns(event, audience)) res.write(`event: tasks\ndata: ${JSON.stringify({ type: event.type, taskKey: event.taskKey })}\n\n`);
    }, end);
    const heartbeat = setInterval(() => {
      deps.sessions.findValid(token).then(
        (session) => (session ? res.write(': heartbeat\n\n') : end()),
        () => end(),
      );
    }, HEARTBEAT_MS);
    heartbeat.unref();
    req.on('close', end);
  });
};
