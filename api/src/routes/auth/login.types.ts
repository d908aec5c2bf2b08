import { z } from 'zod';

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const meResponseSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(z.string()),
  locale: z.string(),
});
