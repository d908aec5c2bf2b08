import { sessionUserSchema } from '@kuaibao/domain';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';

export const me: RouteModule = ({ router, registry }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/me',
    tags: ['auth'],
    summary: '当前用户 / The logged-in user',
    responses: { 200: { description: 'The user', content: { 'application/json': { schema: sessionUserSchema } } }, 401: { description: 'Not logged in' } },
  });

  router.get('/api/me', (_req, res) => {
    res.json(requireUser(res));
  });
};
