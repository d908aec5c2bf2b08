import { z } from 'zod';
import type { Locale } from '../../http/locale';

const MESSAGES = {
  'zh-CN': { username: '请输入用户名', password: '请输入密码' },
  en: { username: 'Enter your username', password: 'Enter your password' },
} as const;

/** The login body, with its messages in `locale`. */
export function makeLoginRequestSchema(locale: Locale) {
  const m = MESSAGES[locale];
  return z.strictObject({
    username: z.string({ error: m.username }).min(1, m.username).max(64),
    password: z.string({ error: m.password }).min(1, m.password).max(256),
  });
}
