import { z } from 'zod';

const reason = z.string().trim().min(2, { error: '请填写理由（至少 2 个字）' }).max(500);

/** 转办 / 委派: to whom (a login id from the eligible list) and why (a government OA records the reason). */
export const handOnBodySchema = z.strictObject({
  to: z.string().trim().min(1, { error: '请选择接收人' }).max(64),
  reason,
});

/** 归还: the delegatee's opinion for the delegator. */
export const returnDelegationBodySchema = z.strictObject({
  opinion: z.string().trim().min(2, { error: '请填写办理意见（至少 2 个字）' }).max(2000),
});

export const eligibleQuerySchema = z.strictObject({
  mode: z.enum(['transfer', 'delegate']).default('transfer'),
  lang: z.string().optional(),
});
