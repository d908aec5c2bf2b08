import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';

export interface Finding {
  id: string;
  rule: string;
  category: 'error' | 'warning';
  message: string;
}

export interface Deployment {
  version: number;
  comment: string;
  deployedBy: string;
  deployedAt: string;
  rollbackOf: number | null;
  changes: { added: unknown[]; removed: unknown[]; changed: unknown[] };
  findings: Finding[];
}

export interface ProcessEntry {
  bpmnProcessId: string;
  name: string;
  deployed: Deployment | null;
  versions: (Deployment & { running: number })[];
  drafts: { id: string; name: string; revision: number; baseVersion: number | null; updatedBy: string; updatedAt: string; errors: number }[];
}

export interface Draft {
  id: string;
  jurisdiction: string;
  bpmnProcessId: string;
  name: string;
  xml: string;
  revision: number;
  baseVersion: number | null;
  findings: Finding[];
  updatedBy: string;
  updatedAt: string;
}

export const designerKeys = {
  jurisdiction: ['designer', 'jurisdiction'] as const,
  processes: (jurisdiction: string) => ['designer', 'processes', jurisdiction] as const,
  draft: (id: string) => ['designer', 'draft', id] as const,
};

export const useMyJurisdiction = () =>
  useQuery({ queryKey: designerKeys.jurisdiction, queryFn: async () => (await api<{ jurisdiction: string | null }>('/api/designer/jurisdiction')).jurisdiction });

export const useProcesses = (jurisdiction: string | null | undefined) =>
  useQuery({
    queryKey: designerKeys.processes(jurisdiction ?? ''),
    queryFn: () => api<{ jurisdiction: string; processes: ProcessEntry[] }>(`/api/jurisdictions/${jurisdiction}/processes`),
    enabled: !!jurisdiction,
  });

/**
 * A draft as saved on the server. Never refetched while its page is open (the modeler holds the edits and autosaves them),
 * and dropped when the page closes: coming back (from the compare view, say) loads the revision saved since, not the one
 * first opened — whose revision the next save would have been refused for (409).
 */
export const useDraft = (id: string) =>
  useQuery({ queryKey: designerKeys.draft(id), queryFn: () => api<Draft>(`/api/process-drafts/${id}`), retry: false, staleTime: Infinity, gcTime: 0 });

export const createDraft = (jurisdiction: string, bpmnProcessId: string) =>
  api<Draft>(`/api/jurisdictions/${jurisdiction}/processes/${bpmnProcessId}/drafts`, { method: 'POST', body: {} });

export const saveDraft = (id: string, xml: string, revision: number) => api<Draft>(`/api/process-drafts/${id}`, { method: 'PUT', body: { xml, revision } });

export const deployDraft = (id: string, revision: number, comment: string) =>
  api<Deployment>(`/api/process-drafts/${id}/deployments`, { method: 'POST', body: { revision, comment } });

export const rollbackTo = (jurisdiction: string, bpmnProcessId: string, version: number, comment: string) =>
  api<Deployment>(`/api/jurisdictions/${jurisdiction}/processes/${bpmnProcessId}/rollbacks`, { method: 'POST', body: { version, comment } });

export interface ElementDiff {
  id: string;
  name: string | null;
  type: string;
  change: 'added' | 'removed' | 'changed' | 'layout';
  properties: { property: string; before: string; after: string }[];
}

export interface Comparison {
  from: { ref: string; version: number | null; xml: string };
  to: { ref: string; version: number | null; xml: string };
  changes: ElementDiff[];
}

export const useComparison = (jurisdiction: string, bpmnProcessId: string, from: string, to: string) =>
  useQuery({
    queryKey: ['designer', 'comparison', jurisdiction, bpmnProcessId, from, to],
    queryFn: () => api<Comparison>(`/api/jurisdictions/${jurisdiction}/processes/${bpmnProcessId}/comparison?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    enabled: !!jurisdiction && from !== to,
    retry: false,
  });

export interface DryRunResult {
  sample: { severity: string; sensitive?: boolean; verifyDecision?: 'confirm' | 'close' };
  state: string;
  waitingAt: { elementId: string; name: string | null; type: string }[];
  incidents: { elementId: string; message: string }[];
  path: { elementId: string; name: string | null; kind: 'job' | 'userTask' | 'message'; jobType?: string; detail?: Record<string, unknown> }[];
  deadlines: { channel: string; to: string | null; dueAt: string; within: string; immediate: boolean; rule: string }[];
}

export const dryRunDraft = (id: string) =>
  api<{ reportingUnit: { id: string; name: string }; results: DryRunResult[] }>(`/api/process-drafts/${id}/dry-runs`, { method: 'POST', body: {} });
