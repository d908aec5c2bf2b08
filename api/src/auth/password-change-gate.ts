import type { RequestHandler } from 'express';
import { AppError, bilingual } from '../errors/app-error';

/** What a user who must change their password (an initial one, or one an admin reset) may still ask for: who they are, the change itself, logging out. */
const ALLOWED = new Set(['/api/me', '/api/auth/change-password', '/api/auth/logout', '/api/auth/login', '/api/health']);

/** Until the user changes an initial or reset password, every other API route answers 403 PASSWORD_CHANGE_REQUIRED. */
export const passwordChangeGate: RequestHandler = (req, res, next) => {
  if (res.locals.user?.mustChangePassword && req.path.startsWith('/api/') && !ALLOWED.has(req.path)) {
    next(new AppError('PASSWORD_CHANGE_REQUIRED', bilingual('请先修改密码：初始密码和管理员重置的密码须修改后才能使用', 'Change your password first: an initial or reset password must be changed before use')));
    return;
  }
  next();
};
