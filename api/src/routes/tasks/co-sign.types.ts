import { CO_SIGN_POSITIONS } from '@kuaibao/domain';
import { z } from 'zod';

/** 加签: whom (a login id from the co-signer list), where (before or after the leader) and why. */
export const addCoSignerBodySchema = z.strictObject({
  to: z.string().trim().min(1, { error: '请选择加签人' }).max(64),
  position: z.enum(CO_SIGN_POSITIONS, { error: '请选择前加签或后加签' }),
  reason: z.string().trim().min(2, { error: '请填写加签理由（至少 2 个字）' }).max(500),
});

export const coSignerResponseSchema = z.object({
  positions: z.array(z.enum(CO_SIGN_POSITIONS)),
  people: z.array(z.object({ username: z.string(), displayName: z.string(), unitId: z.string(), roles: z.array(z.string()) })),
});
