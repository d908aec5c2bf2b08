import { z } from 'zod';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual, ERROR_TABLE, textIn } from '../errors/app-error';
import type { Locale } from '../http/locale';
import { toAppError } from '../errors/problem-middleware';
import { completeTask, visibleTask } from './task-service';
import { ensureNotDelegated } from './task-transfer';

/** The receipt kinds (签收): acknowledging them takes no decision, so many can be acknowledged at once. */
export const RECEIPT_KINDS = new Set(['acknowledge_superior', 'acknowledge_government', 'receive_city', 'receive_city_direct', 'acknowledge_classified', 'receive_verification']);

export interface BatchItemResult {
  key: string;
  ok: boolean;
  status: number;
  detail?: string;
}

/**
 * 批量签收: each receipt is acknowledged on its own, exactly as one 签收 would be (its own engine step, its own audit
 * entry), so one that fails — done meanwhile, held by someone else, not a receipt — leaves the others done.
 */
export async function acknowledgeMany(deps: ApiDeps, user: SessionUser, keys: string[], opinion: string | null, ip: string | null, locale: Locale): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = [];
  for (const key of keys) {
    try {
      const { task, report } = await visibleTask(deps, user, key);
      if (!RECEIPT_KINDS.has(task.customHeaders.kind ?? '')) throw new AppError('CONFLICT', bilingual(`「${task.name ?? key}」不是签收任务，须单独办理`, `"${task.name ?? key}" is not a receipt; handle it on its own`));
      await ensureNotDelegated(deps, report.incidentNumber, key);
      await completeTask(deps, user, key, { variables: {}, decision: null, opinion, reportRules: z.any() }, ip);
      results.push({ key, ok: true, status: 204 });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL') throw error;
      results.push({ key, ok: false, status: ERROR_TABLE[appError.code].status, detail: textIn(locale, appError.text) });
    }
  }
  return results;
}
