import type { ElementDurations, MonitorDashboard, MonitorPage, RetryItemResult, TraceActionResult } from '@kuaibao/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { keys } from './queries';

/** 流程监控 search, dashboard, one instance and the admin's actions on it (docs/adr/0040). */
export const traceKeys = {
  all: ['admin', 'trace'] as const,
  search: (query: Record<string, string>) => ['admin', 'trace', 'search', query] as const,
  dashboard: ['admin', 'trace', 'dashboard'] as const,
  instance: (key: string) => ['admin', 'trace', 'instance', key] as const,
  jobs: (key: string) => ['admin', 'trace', 'jobs', key] as const,
  durations: (definitionKey: string, days: number) => ['admin', 'trace', 'durations', definitionKey, days] as const,
};

export interface TracedInstancePage {
  instance: { key: string; definitionKey: string; bpmnProcessId: string; processName: string | null; version: number; jurisdiction: string | null; state: string; startedAt: string; endedAt: string | null };
  report: { id: string; kind: string; status: string; incidentNumber: string; title: string; classified: boolean; createdById: string };
  activeElements: { elementId: string; elementName: string | null; elementType: string; since: string; count: number }[];
  completedElementIds: string[];
  failedElementIds: string[];
  history: {
    taskKey: string; elementId: string; elementName: string | null; kind: string | null; state: string; assignee: string | null; assigneeName: string | null;
    candidateGroups: string[]; startedAt: string; endedAt: string | null; actedBy: string | null; decision: string | null;
  }[];
  failedJobs: { incidentKey: string; jobKey: string | null; elementId: string; elementName: string | null; errorType: 'JOB_NO_RETRIES' | 'UNHANDLED_ERROR_EVENT' | 'EXECUTION_ERROR'; errorMessage: string; state: string; createdAt: string }[];
  trail: { at: string; actorName: string; action: string; detail: Record<string, unknown> }[];
  variables: Record<string, unknown>;
}

export const useMonitorSearch = (query: Record<string, string>) =>
  useQuery({
    queryKey: traceKeys.search(query),
    queryFn: () => api<MonitorPage>(`/api/admin/monitor/search?${new URLSearchParams(query).toString()}`),
    retry: false,
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
  });

export const useMonitorDashboard = () =>
  useQuery({ queryKey: traceKeys.dashboard, queryFn: () => api<MonitorDashboard>('/api/admin/monitor/dashboard'), retry: false, refetchInterval: 30_000 });

export const useTracedInstance = (key: string) =>
  useQuery({ queryKey: traceKeys.instance(key), queryFn: () => api<TracedInstancePage>(`/api/admin/instances/${encodeURIComponent(key)}`), retry: false });

/** 各环节耗时 of a deployed version (docs/adr/0059): a 501 problem on Zeebe, shown as it says. */
export const useElementDurations = (definitionKey: string, days: number) =>
  useQuery({
    queryKey: traceKeys.durations(definitionKey, days),
    queryFn: () => api<ElementDurations>(`/api/admin/definitions/${encodeURIComponent(definitionKey)}/durations?days=${days}`),
    retry: false,
    placeholderData: keepPreviousData,
  });

/** One job of an instance (全部作业, docs/adr/0059). */
export interface InstanceJobRow { key: string; elementId: string; elementName: string | null; type: string; state: string; retries: number; errorMessage: string | null; worker: string | null; createdAt: string; updatedAt: string }

export const useInstanceJobs = (key: string) =>
  useQuery({ queryKey: traceKeys.jobs(key), queryFn: () => api<{ items: InstanceJobRow[] }>(`/api/admin/instances/${encodeURIComponent(key)}/jobs`), retry: false });

export type TraceAction =
  | { action: 'remind' | 'cancel'; key: string; body: { reason: string } }
  | { action: 'unclaim'; key: string; body: { reason: string } }
  | { action: 'reassign'; key: string; body: { assignee: string; reason: string } };

const pathOf = (a: TraceAction) => (a.action === 'remind' || a.action === 'cancel' ? `/api/admin/instances/${encodeURIComponent(a.key)}/${a.action}` : `/api/admin/tasks/${encodeURIComponent(a.key)}/${a.action}`);

/** One action with its reason; afterwards the monitor, the instance, the dossier and inboxes are fetched again. */
export function useTraceAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: TraceAction) => api<TraceActionResult>(pathOf(a), { method: 'POST', body: a.body }),
    onSettled: (result) => {
      void client.invalidateQueries({ queryKey: traceKeys.all });
      void client.invalidateQueries({ queryKey: keys.instances });
      void client.invalidateQueries({ queryKey: keys.tasks });
      if (result?.incidentNumber) void client.invalidateQueries({ queryKey: keys.dossier(result.incidentNumber) });
    },
  });
}

export function useRetryMany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { incidentKeys: string[]; reason: string; retries?: number }) => api<{ results: RetryItemResult[] }>('/api/admin/incidents/retry', { method: 'POST', body }),
    onSettled: () => void client.invalidateQueries({ queryKey: traceKeys.all }),
  });
}
