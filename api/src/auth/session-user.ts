import { labels, type Role, type SessionUser } from '@kuaibao/domain';
import type { Request, Response } from 'express';
import { AppError, bilingual } from '../errors/app-error';

export type { SessionUser };

declare module 'express-serve-static-core' {
  interface Locals {
    user?: SessionUser;
  }
}

export const SESSION_COOKIE = 'kb_session';

/** The logged-in user, or 401. */
export function requireUser(res: Response): SessionUser {
  const user = res.locals.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}

export function requireRole(res: Response, ...roles: Role[]): SessionUser {
  const user = requireUser(res);
  if (!roles.some((r) => user.roles.includes(r))) throw new AppError('FORBIDDEN', bilingual(`需要以下角色之一：${roles.map((r) => labels['zh-CN'].role[r]).join('、')}`, `Requires one of the roles: ${roles.map((r) => labels.en.role[r]).join(', ')}`));
  return user;
}

export const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? null;
