import { SESSION_COOKIE } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { emptyBodySchema } from '../../http/empty-body';
import { parseBody } from '../../http/validate';

export const logout: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({ method: 'post', path: '/api/auth/logout', tags: ['auth'], summary: '退出登录 / Log out', responses: { 204: { description: 'Logged out' } } });

  router.post('/api/auth/logout', async (req, res) => {
    parseBody(emptyBodySchema, req);
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await deps.sessions.delete(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
};
