import type { Policy } from '@kuaibao/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';

export interface PolicyVersion {
  version: number;
  effectiveFrom: string;
  savedAt: string;
  savedBy: string | null;
  comment: string | null;
  changes: string[];
}

export interface JurisdictionPolicy {
  jurisdiction: string;
  policy: Policy;
  inheritedFrom: string | null;
  inEffect: number | null;
  versions: PolicyVersion[];
}

export interface PolicyPreview {
  clocks: { channel: string; to: string | null; dueAt: string; within: string; immediate: boolean; rule: string }[];
  reminders: string[];
  text: { 'zh-CN': string; en: string };
}

export interface PolicySampleInput {
  severity: string;
  sensitive: boolean;
  kind: string;
  occurredAt: string;
  receivedAt: string;
}

export const policyKey = (jurisdiction: string) => ['designer', 'policy', jurisdiction] as const;

export const usePolicy = (jurisdiction: string | null | undefined) =>
  useQuery({ queryKey: policyKey(jurisdiction ?? ''), queryFn: () => api<JurisdictionPolicy>(`/api/jurisdictions/${jurisdiction}/policy`), enabled: !!jurisdiction, staleTime: Infinity });

type Editable = Omit<Policy, 'code' | 'version' | 'effectiveFrom'>;

export const previewPolicy = (jurisdiction: string, policy: Editable, sample: PolicySampleInput) =>
  api<PolicyPreview>(`/api/jurisdictions/${jurisdiction}/policy/preview`, { method: 'POST', body: { policy, sample } });

export const savePolicy = (jurisdiction: string, input: { baseVersion: number | null; effectiveFrom: string; comment: string; policy: Editable }) =>
  api<{ version: number; effectiveFrom: string; changes: string[] }>(`/api/jurisdictions/${jurisdiction}/policy/versions`, { method: 'POST', body: input });
