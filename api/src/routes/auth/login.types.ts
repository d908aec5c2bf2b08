import { z } from 'zod';

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
