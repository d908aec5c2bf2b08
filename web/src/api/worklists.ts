import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { keys } from './queries';

export type WorkList = 'done' | 'initiated' | 'copied';

export interface DoneItem {
  id: string; at: string; action: string; taskKey: string | null; taskKind: string | null; taskName: string | null;
  decision: string | null; opinion: string | null; toName: string | null;
  incidentNumber: string; title: string; severity: string; reportKind: string | null; reportSequence: number | null; reportStatus: string | null; reportStatusLabel: string | null;
}
export interface InitiatedItem {
  reportId: string; incidentNumber: string; title: string; severity: string; reportKind: string; reportSequence: number; status: string; statusLabel: string;
  createdAt: string; submittedAt: string | null; waitingAt: { taskKey: string; kind: string | null; assignee: string | null; assigneeName: string | null; dueDate: string | null }[];
}
export interface CopiedItem {
  id: string; sentAt: string; kind: string; message: string; status: string; incidentNumber: string; title: string | null; severity: string | null; reportKind: string | null; reportSequence: number | null;
}
export interface ListPage<T> { items: T[]; total: number; page: number; pageSize: number }

const search = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)])).toString();

/** 已办 / 我发起的 / 抄送我的: one page of a list, filtered and paged by the API. */
export const useWorkList = <T,>(list: WorkList, params: Record<string, string | number | undefined>) =>
  useQuery({
    queryKey: ['worklists', list, params],
    queryFn: () => api<ListPage<T>>(`/api/worklists/${list}?${search({ ...params, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });

const useRefetchAfter = () => {
  const client = useQueryClient();
  return (incidentNumber?: string) => {
    void client.invalidateQueries({ queryKey: keys.tasks });
    void client.invalidateQueries({ queryKey: ['worklists'] });
    if (incidentNumber) void client.invalidateQueries({ queryKey: keys.dossier(incidentNumber) });
  };
};

/** 撤回 a report (the submitter, before anyone acted on it). */
export function useWithdraw(incidentNumber: string) {
  const refetch = useRefetchAfter();
  return useMutation({
    mutationFn: ({ reportId, reason }: { reportId: string; reason: string }) => api<{ status: string }>(`/api/reports/${encodeURIComponent(reportId)}/withdraw`, { method: 'POST', body: { reason } }),
    onSettled: () => refetch(incidentNumber),
  });
}

export interface EligiblePerson { username: string; displayName: string; unitId: string; roles: string[] }
export interface Delegation { fromUsername: string; fromName: string; toUsername: string; toName: string; reason?: string }

export const useEligible = (taskKey: string, mode: 'transfer' | 'delegate', enabled: boolean) =>
  useQuery({
    queryKey: ['tasks', 'eligible', taskKey, mode],
    queryFn: () => api<{ people: EligiblePerson[]; delegation: Delegation | null }>(`/api/tasks/${encodeURIComponent(taskKey)}/eligible?mode=${mode}`),
    enabled,
  });

/** 转办 / 委派 / 归还. */
export function useHandOn(incidentNumber: string) {
  const refetch = useRefetchAfter();
  return useMutation({
    mutationFn: ({ key, action, body }: { key: string; action: 'transfer' | 'delegate' | 'return'; body: Record<string, string> }) =>
      api<{ assignee: string; assigneeName: string } | undefined>(`/api/tasks/${encodeURIComponent(key)}/${action}`, { method: 'POST', body }),
    onSettled: () => refetch(incidentNumber),
  });
}

export interface BatchResult { key: string; ok: boolean; status: number; detail?: string }

/** 批量签收: one result per receipt. */
export function useAcknowledgeBatch() {
  const refetch = useRefetchAfter();
  return useMutation({
    mutationFn: (keysToAck: string[]) => api<{ results: BatchResult[]; acknowledged: number; failed: number }>('/api/tasks/acknowledge-batch', { method: 'POST', body: { keys: keysToAck } }),
    onSettled: () => refetch(),
  });
}
