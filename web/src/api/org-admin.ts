import type { Role, Severity, UnitKind, UnitLevel } from '@kuaibao/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { keys as appKeys } from './queries';

/** The admin pages' data (docs/adr/0028, 0029): what /api/admin/{org-units,users,route-health,audit,import} answer. */
export interface AdminUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: UnitKind;
  level: UnitLevel;
  divisionCode: string;
  parentId: string | null;
  superiorDepartmentId: string | null;
  sameLevelGovernmentId: string | null;
  dutyOfficeId: string | null;
  active: boolean;
}
export type UnitInput = Omit<AdminUnit, 'id' | 'active'>;

export interface AdminPerson {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
}
export type PersonInput = Pick<AdminPerson, 'username' | 'displayName' | 'unitId' | 'roles' | 'phone'>;

export interface RouteGap {
  unitId: string;
  unitName: string;
  role: Role | null;
  step: string;
  grades: Severity[];
  reportingUnits: { id: string; name: string }[];
  message: string;
}
export interface RouteHealth {
  checkedUnits: number;
  ok: boolean;
  gaps: RouteGap[];
}
export interface DeactivationImpact {
  newGaps: RouteGap[];
  blockedTasks: { key: string; name: string | null; incidentNumber: string | null; group: string }[];
}
export interface AuditEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
export interface ImportPlan {
  ok: boolean;
  applied: boolean;
  summary: Record<'units' | 'people', Record<'create' | 'update' | 'unchanged' | 'error', number>>;
  problems: { table: string | null; row: number | null; column: string | null; message: string }[];
  rows: { table: 'units' | 'people'; row: number; key: string; outcome: 'create' | 'update' | 'unchanged' | 'error'; errors: { column: string | null; message: string }[] }[];
}

export const adminKeys = {
  all: ['org-admin'] as const,
  units: ['org-admin', 'units'] as const,
  people: (filter: Record<string, string | undefined>) => ['org-admin', 'people', filter] as const,
  health: ['org-admin', 'health'] as const,
  impact: (id: string) => ['org-admin', 'impact', id] as const,
  audit: (filter: Record<string, string | undefined>) => ['org-admin', 'audit', filter] as const,
};

const query = (params: Record<string, string | undefined>) => new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();

export const useAdminUnits = () => useQuery({ queryKey: adminKeys.units, queryFn: async () => (await api<{ items: AdminUnit[] }>('/api/admin/org-units')).items, retry: false });
export const useAdminPeople = (filter: { unitId?: string | undefined; q?: string | undefined }) =>
  useQuery({ queryKey: adminKeys.people(filter), queryFn: async () => (await api<{ items: AdminPerson[] }>(`/api/admin/users?${query(filter)}`)).items, placeholderData: keepPreviousData });
/** Never shown from cache: a route check left from before the last change would name gaps already closed. */
export const useRouteHealth = () => useQuery({ queryKey: adminKeys.health, queryFn: () => api<RouteHealth>('/api/admin/route-health'), gcTime: 0 });
export const useDeactivationImpact = (id: string | null) =>
  useQuery({ queryKey: adminKeys.impact(id ?? ''), queryFn: () => api<DeactivationImpact>(`/api/admin/users/${encodeURIComponent(id ?? '')}/deactivation-impact`), enabled: !!id, gcTime: 0 });
export const useAdminAudit = (filter: { q?: string | undefined; entityType?: string | undefined }) =>
  useQuery({ queryKey: adminKeys.audit(filter), queryFn: () => api<{ items: AuditEntry[] }>(`/api/admin/audit?${query({ ...filter, limit: '200' })}`), placeholderData: keepPreviousData });

/** A change of the tree or the people: every admin view (and the app's unit list) is read again. */
function useAdminMutation<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: adminKeys.all }), client.invalidateQueries({ queryKey: appKeys.orgUnits })]);
    },
  });
}

export const useSaveUnit = () =>
  useAdminMutation(({ id, input }: { id: string | null; input: Partial<UnitInput> }) =>
    id ? api<AdminUnit>(`/api/admin/org-units/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }) : api<AdminUnit>('/api/admin/org-units', { method: 'POST', body: input }));
export const useSetUnitActive = () =>
  useAdminMutation(({ id, active }: { id: string; active: boolean }) => api<AdminUnit>(`/api/admin/org-units/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' }));
export const useSavePerson = () =>
  useAdminMutation(({ id, input }: { id: string | null; input: Partial<PersonInput> }) =>
    id
      ? api<AdminPerson>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }).then((person) => ({ person, temporaryPassword: null as string | null }))
      : api<{ person: AdminPerson; temporaryPassword: string | null }>('/api/admin/users', { method: 'POST', body: input }));
export const useSetPersonActive = () =>
  useAdminMutation(({ id, active }: { id: string; active: boolean }) => api<AdminPerson>(`/api/admin/users/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' }));
export const useResetPassword = () =>
  useAdminMutation((id: string) => api<{ person: AdminPerson; temporaryPassword: string }>(`/api/admin/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' }));
export const useImport = () =>
  useAdminMutation((body: { files: { name: string; content: string }[]; dryRun: boolean; initialPassword?: string | undefined }) => api<ImportPlan>('/api/admin/import', { method: 'POST', body }));
