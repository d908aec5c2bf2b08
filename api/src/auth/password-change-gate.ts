import type { RequestHandler } from 'express';
import { AppError, bilingual } from '../errors/app-error';

/** What a user whose password an admin reset may still ask for: who they are, the change itself, logging out. */
const ALLOWED = new Set(['/api/me', '/api/auth/change-password', '/api/auth/logout', '/api/auth/login', '/api/health']);

/** After an admin's password reset, every other API route answers 403 PASSWORD_CHANGE_REQUIRED until the user changes it. */
export const passwordChangeGate: RequestHandler = (req, res, next) => {
  if (res.locals.user?.mustChangePassword && req.path.startsWith('/api/') && !ALLOWED.has(req.path)) {
    next(new AppError('PASSWORD_CHANGE_REQUIRED', bilingual('管理员已重置您的密码，请先修改密码', 'An administrator reset your password: change it first')));
    return;
  }
  next();
};
