import type { RequestHandler } from 'express';
import { knownRoles } from '@kuaibao/domain';
import type { SessionRepository } from '@kuaibao/db';
import { SESSION_COOKIE } from './session-user';

/** Loads the user of the session cookie, if any; routes decide whether one is required. */
export function sessionMiddleware(sessions: SessionRepository): RequestHandler {
  return async (req, res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0) {
      const session = await sessions.findValid(token);
      if (session) {
        const { user } = session;
        res.locals.user = { ...user, roles: knownRoles(user.roles) };
      }
    }
    next();
  };
}
