import { knownRoles, sessionUserSchema } from '@kuaibao/domain';
import { AppError, bilingual } from '../../errors/app-error';
import { DUMMY_HASH, verifyPassword } from '../../auth/password';
import { SESSION_COOKIE, clientIp } from '../../auth/session-user';
import { parseBody } from '../../http/validate';
import type { RouteModule } from '../../deps';
import { LoginThrottle } from '../../auth/login-throttle';
import { perLocale } from '../../http/locale';
import { makeLoginRequestSchema } from './login.types';

export const login: RouteModule = ({ router, registry, deps }) => {
  const throttle = new LoginThrottle();
  const perAddress = new LoginThrottle(deps.config.LOGIN_FAILURES_PER_ADDRESS);
  const requestFor = perLocale(makeLoginRequestSchema);
  registry.registerPath({
    method: 'post',
    path: '/api/auth/login',
    tags: ['auth'],
    summary: '登录 / Log in (sets the session cookie)',
    request: { body: { content: { 'application/json': { schema: makeLoginRequestSchema('zh-CN') } } } },
    responses: { 200: { description: 'Logged in', content: { 'application/json': { schema: sessionUserSchema } } }, 401: { description: 'Wrong credentials' }, 429: { description: 'Too many failed attempts' } },
  });

  router.post('/api/auth/login', async (req, res) => {
    const { username, password } = parseBody(requestFor(req), req);
    const ip = clientIp(req) ?? '?';
    const throttleKey = `${ip}|${username}`;
    // One address has a budget of failures over all accounts too: five guesses on every account was open (ADR 0025).
    const ipWaitMs = perAddress.retryAfterMs(ip);
    const waitMs = ipWaitMs > 0 ? ipWaitMs : throttle.attempt(throttleKey);
    if (waitMs > 0) {
      res.setHeader('Retry-After', String(Math.ceil(waitMs / 1000)));
      const minutes = Math.ceil(waitMs / 60_000);
      throw new AppError(
        'TOO_MANY_REQUESTS',
        ipWaitMs > 0
          ? bilingual(`此地址登录失败次数过多，请 ${minutes} 分钟后再试`, `Too many failed logins from this address; retry in ${minutes} min`)
          : bilingual(`${username} 登录失败次数过多，请 ${minutes} 分钟后再试`, `Too many failed logins for ${username}; retry in ${minutes} min`),
      );
    }
    perAddress.recordFailure(ip); // counted before the check, as the per-account one: guesses sent at once count too
    const user = await deps.users.findByUsername(username);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) throw new AppError('INVALID_CREDENTIALS');
    throttle.recordSuccess(throttleKey);
    perAddress.forgiveOne(ip);
    const ttlMs = deps.config.SESSION_TTL_HOURS * 3_600_000;
    const token = await deps.sessions.create({ userId: user.id, ttlMs, ip: clientIp(req) ?? undefined, userAgent: req.headers['user-agent'] });
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: deps.config.COOKIE_SECURE, maxAge: ttlMs, path: '/' });
    res.json({ id: user.id, username: user.username, displayName: user.displayName, unitId: user.unitId, unitName: user.unit.name, roles: knownRoles(user.roles), locale: user.locale, mustChangePassword: user.mustChangePassword });
  });
};
