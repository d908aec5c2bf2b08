import { DONE_ACTIONS } from '@kuaibao/db';
import { z } from 'zod';
import { pagination } from '../reports/list-incidents.types';

const REPORT_KINDS = ['first', 'follow_up', 'final', 'phone', 'verification'] as const;

const common = {
  q: z.string().trim().max(100).optional(),
  lang: z.string().optional(),
  ...pagination,
};

/** 已办: what I did on tasks (办理, 转办, 委派, 委派归还), newest first. */
export const listDoneQuerySchema = z.strictObject({
  ...common,
  reportKind: z.enum(REPORT_KINDS).optional(),
  action: z.enum(DONE_ACTIONS).optional(),
});

/** 我发起的: reports I created, and where each is now. */
export const listInitiatedQuerySchema = z.strictObject({
  ...common,
  reportKind: z.enum(REPORT_KINDS).optional(),
  status: z.string().max(40).optional(),
});

/** 抄送我的: notices sent to me (越级 copies' outcomes, reminders, withdrawals, …). */
export const listCopiedQuerySchema = z.strictObject({
  ...common,
  kind: z.enum(['reminder', 'overdue', 'immediate', 'verified', 'revoked', 'withdrawn', 'instruction_reminder', 'instruction_overdue']).optional(),
});
