import type { Request, Response } from 'express';
import { clientIp, requireUser, type SessionUser } from '../../auth/session-user';
import { AppError, bilingual } from '../../errors/app-error';
import { localeOf } from '../../http/locale';
import type { Actor } from '../../services/admin/admin-context';

/** The logged-in admin (管理员 or 系统管理员); anyone else gets 404 before their input is even read: the admin routes do not exist for them. */
export function requireAdmin(res: Response): SessionUser {
  const user = requireUser(res);
  if (!user.roles.includes('admin') && !user.roles.includes('system_admin')) throw new AppError('NOT_FOUND', bilingual('没有这个接口', 'No such route'));
  return user;
}

/** The admin making a change, their address and language (for the trail and the messages). */
export const actorOf = (req: Request, res: Response): Actor => ({ user: requireAdmin(res), ip: clientIp(req), locale: localeOf(req) });
