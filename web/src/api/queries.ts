import type { ReportingThreshold } from '@kuaibao/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n';
import { api } from './http';
import { inboxPath } from '../lib/inbox-query';
import { searchOf } from '../lib/search-params';
import type { Period } from '../lib/timeliness';
import type { Dossier, IncidentRetried, IncidentSummary, InboxPage, InboxQuery, InstanceProblem, Me, MonitoredInstance, OrgUnit, TaskDetail, TimelinessStats } from './types';

/** Query keys: one place, so mutations and live events invalidate exactly what changed. */
export const keys = {
  me: ['me'] as const,
  tasks: ['tasks'] as const,
  inbox: (query: InboxQuery) => ['tasks', 'inbox', query] as const,
  task: (key: string) => ['tasks', 'one', key] as const,
  incidents: ['incidents'] as const,
  incidentList: (params: Record<string, string | number | undefined>) => ['incidents', 'list', params] as const,
  dossier: (number: string) => ['incidents', 'one', number] as const,
  orgUnits: ['org-units'] as const,
  diagram: (processId: string, jurisdiction?: string | null, version?: number) => ['diagram', processId, jurisdiction ?? null, jurisdiction ? (version ?? null) : null] as const,
  instances: ['admin', 'instances'] as const,
  instanceList: (problem: InstanceProblem, limit: number) => ['admin', 'instances', problem, limit] as const,
  timeliness: (period: Period | undefined) => ['stats', 'timeliness', period ?? 'default'] as const,
};


/** The inbox's page of tasks: the query of its page, and what the first load fetches before that page's code arrives. */
export const inboxQueryOptions = (query: InboxQuery) => ({ queryKey: keys.inbox(query), queryFn: () => api<InboxPage>(inboxPath(query)) });

export const useInbox = (query: InboxQuery) => useQuery({ ...inboxQueryOptions(query), placeholderData: keepPreviousData });

export const useTask = (key: string) => useQuery({ queryKey: keys.task(key), queryFn: () => api<TaskDetail>(`/api/tasks/${encodeURIComponent(key)}`), retry: false });

export const useDossier = (number: string | undefined, options: { refetchInterval?: (query: { state: { data?: Dossier | undefined } }) => number | false } = {}) =>
  useQuery({
    queryKey: keys.dossier(number ?? ''),
    queryFn: () => api<Dossier>(`/api/incidents/${encodeURIComponent(number ?? '')}`),
    enabled: !!number,
    retry: false,
    ...options,
  });

export const useIncidents = (params: Record<string, string | number | undefined>) =>
  useQuery({
    queryKey: keys.incidentList(params),
    queryFn: () => api<{ items: IncidentSummary[]; total: number }>(`/api/incidents?${searchOf({ ...params, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });

export const useOrgUnits = () =>
  useQuery({ queryKey: keys.orgUnits, queryFn: async () => (await api<{ items: OrgUnit[] }>('/api/org-units')).items, staleTime: 10 * 60_000 });

/** A unit's name in the UI's language (its English name where it has one), by id; `fallback` (or the id) until the units load. */
export function useUnitName() {
  const units = useOrgUnits();
  const { locale } = useI18n();
  return (id: string | null | undefined, fallback?: string) => {
    const unit = id ? units.data?.find((u) => u.id === id) : undefined;
    if (!unit) return fallback ?? id ?? '—';
    return locale === 'en' && unit.nameEn ? unit.nameEn : unit.name;
  };
}

/** Which deployment a report runs (流程版本 vN of a jurisdiction); null or no jurisdiction: the shipped file. */
export interface DiagramDeployment { jurisdiction: string | null; version: number }

export const useDiagram = (processId: string | undefined, deployment?: DiagramDeployment | null) =>
  useQuery({
    queryKey: keys.diagram(processId ?? '', deployment?.jurisdiction, deployment?.version),
    queryFn: () => {
      const which = deployment?.jurisdiction ? `?${new URLSearchParams({ jurisdiction: deployment.jurisdiction, version: String(deployment.version) }).toString()}` : '';
      return api<string>(`/api/processes/${encodeURIComponent(processId ?? '')}/diagram${which}`, { accept: 'application/xml' });
    },
    enabled: !!processId,
    staleTime: Infinity,
  });

/** Claim, unclaim or complete a task; the inbox, the task and its dossier are refetched afterwards. */
export function useTaskAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, action, body }: { key: string; action: 'claim' | 'unclaim' | 'complete'; body?: unknown; incidentNumber?: string }) =>
      api<void>(`/api/tasks/${encodeURIComponent(key)}/${action}`, { method: 'POST', body: body ?? {} }),
    // Not awaited: the caller moves on (e.g. back to the inbox) while the refetches run.
    onSettled: (_data, _error, { incidentNumber }) => {
      void client.invalidateQueries({ queryKey: keys.tasks });
      if (incidentNumber) void client.invalidateQueries({ queryKey: keys.dossier(incidentNumber) });
    },
  });
}

/** 核报: ask a unit to verify an item of the incident. */
export function useRequestVerification(incidentNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { question: string; targetUnitId: string }) =>
      api<{ requestId: string }>(`/api/incidents/${encodeURIComponent(incidentNumber)}/verification-requests`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.dossier(incidentNumber) }),
  });
}

export function useSubmitReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (report: unknown) => api<{ incidentNumber: string; threshold: ReportingThreshold }>('/api/reports', { method: 'POST', body: report }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.incidents }),
  });
}

/** 电话报告: a duty officer records a call; it opens a new dossier. */
export function useRecordPhoneReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<{ incidentNumber: string; reportId: string }>('/api/incidents/phone-reports', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.incidents }),
  });
}

/** 续报 / 终报: only what changed; the dossier is refetched afterwards. */
export function useSubmitLaterReport(incidentNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      api<{ reportId: string; kind: string }>(`/api/incidents/${encodeURIComponent(incidentNumber)}/reports`, { method: 'POST', body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.incidents }),
  });
}

/** 流程监控 (admins): running instances, where each waits and its incidents; looked at again every 10 s. */
export const useMonitoredInstances = (problem: InstanceProblem, limit: number, enabled: boolean) =>
  useQuery({
    queryKey: keys.instanceList(problem, limit),
    queryFn: async () => (await api<{ items: MonitoredInstance[] }>(`/api/admin/instances?${searchOf({ problem, limit })}`)).items,
    enabled,
    retry: false,
    refetchInterval: 10_000,
    placeholderData: keepPreviousData,
  });

/** Retries a failed step (an incident) with a reason for the audit trail; the monitor and the dossier are refetched. */
export function useRetryIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: { retries: number; reason: string } }) =>
      api<IncidentRetried>(`/api/admin/incidents/${encodeURIComponent(key)}/retry`, { method: 'POST', body }),
    onSettled: (result) => {
      void client.invalidateQueries({ queryKey: keys.instances });
      if (result?.incidentNumber) void client.invalidateQueries({ queryKey: keys.dossier(result.incidentNumber) });
    },
  });
}

/** 报送时效统计 of a period, or of the API's default one (this month so far, Beijing time) when none is given. */
export const useTimeliness = (period: Period | undefined) =>
  useQuery({
    queryKey: keys.timeliness(period),
    queryFn: () => {
      const query = searchOf({ from: period?.from, to: period?.to });
      return api<TimelinessStats>(`/api/stats/timeliness${query ? `?${query}` : ''}`);
    },
    retry: false,
    placeholderData: keepPreviousData,
  });

export type { Me };
