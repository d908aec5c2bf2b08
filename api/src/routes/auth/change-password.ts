import { makeChangePasswordSchema } from '@kuaibao/domain';
import { hashPassword, verifyPassword } from '../../auth/password';
import { SESSION_COOKIE, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { invalidField, bilingual } from '../../errors/app-error';
import { perLocale } from '../../http/locale';
import { parseBody } from '../../http/validate';

/** 修改密码: the user's own; required after an admin's reset (every other route answers 403 until then). Other sessions end. */
export const changePassword: RouteModule = ({ router, registry, deps }) => {
  const bodyFor = perLocale(makeChangePasswordSchema);
  registry.registerPath({
    method: 'post', path: '/api/auth/change-password', tags: ['auth'], summary: '修改密码 / Change one’s password (ends one’s other sessions)',
    request: { body: { content: { 'application/json': { schema: makeChangePasswordSchema() } } } },
    responses: { 204: { description: 'Changed' }, 400: { description: 'Wrong current password, or a weak new one (field paths)' }, 401: { description: 'Not logged in' } },
  });
  router.post('/api/auth/change-password', async (req, res) => {
    const user = requireUser(res);
    const { currentPassword, newPassword } = parseBody(bodyFor(req), req);
    const stored = await deps.orgAdmin.passwordHashOf(user.id);
    if (!stored || !(await verifyPassword(stored, currentPassword))) throw invalidField('currentPassword', bilingual('当前密码不正确', 'The current password is wrong'));
    if (newPassword === currentPassword) throw invalidField('newPassword', bilingual('新密码不能与当前密码相同', 'The new password must differ from the current one'));
    await deps.orgAdmin.changePassword({ userId: user.id, passwordHash: await hashPassword(newPassword), keepSessionId: deps.sessions.idOf(String(req.cookies?.[SESSION_COOKIE])) });
    res.status(204).end();
  });
};
