import type { InstanceChangeOptions, MigrationBatchView, MigrationItemResult, ModifyInstanceResult } from '@kuaibao/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { keys } from './queries';
import { traceKeys } from './trace';

/** 修改流程 and 迁移 (docs/adr/0051): the choices of one instance, and the two changes. */
export const changeKeys = { options: (key: string) => ['admin', 'trace', 'changes', key] as const };

export const useChangeOptions = (key: string, enabled: boolean) =>
  useQuery({ queryKey: changeKeys.options(key), queryFn: () => api<InstanceChangeOptions>(`/api/admin/instances/${encodeURIComponent(key)}/changes`), retry: false, enabled });

function useAfterChange() {
  const client = useQueryClient();
  return (incidentNumbers: (string | null | undefined)[]) => {
    void client.invalidateQueries({ queryKey: traceKeys.all });
    void client.invalidateQueries({ queryKey: keys.instances });
    void client.invalidateQueries({ queryKey: keys.tasks });
    for (const number of incidentNumbers) if (number) void client.invalidateQueries({ queryKey: keys.dossier(number) });
  };
}

export function useModifyInstance() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: { terminate: string[]; activate: string[]; reason: string } }) =>
      api<ModifyInstanceResult>(`/api/admin/instances/${encodeURIComponent(key)}/modify`, { method: 'POST', body }),
    onSettled: (result) => after([result?.incidentNumber]),
  });
}

export interface MigrationBody {
  instanceKeys: string[];
  targetDefinitionKey: string;
  mappings: { sourceElementId: string; targetElementId: string }[];
  dryRun: boolean;
  reason?: string;
}

export function useMigrateInstances() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: MigrationBody) => api<{ dryRun: boolean; results: MigrationItemResult[] }>('/api/admin/migrations', { method: 'POST', body }),
    onSettled: (answer) => {
      if (answer && !answer.dryRun) after(answer.results.map((r) => r.incidentNumber));
    },
  });
}

/** 批量迁移 (docs/adr/0062): every running instance of a version, in the background; its progress is read every second. */
export interface MigrationBatchBody {
  sourceDefinitionKey: string;
  targetDefinitionKey: string;
  mappings: { sourceElementId: string; targetElementId: string }[];
  dryRun: boolean;
  reason?: string;
}

const batchKey = (id: string) => ['admin', 'migration-batch', id] as const;

export const useStartMigrationBatch = () =>
  useMutation({ mutationFn: (body: MigrationBatchBody) => api<MigrationBatchView>('/api/admin/migration-batches', { method: 'POST', body }) });

export function useMigrationBatch(id: string | null) {
  const after = useAfterChange();
  return useQuery({
    queryKey: batchKey(id ?? ''),
    enabled: id !== null,
    queryFn: async () => {
      const batch = await api<MigrationBatchView>(`/api/admin/migration-batches/${encodeURIComponent(id!)}`);
      if (batch.state !== 'running' && !batch.dryRun) after([]);
      return batch;
    },
    refetchInterval: (query) => (query.state.data?.state === 'running' || !query.state.data ? 1_000 : false),
  });
}

export function useCancelMigrationBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<MigrationBatchView>(`/api/admin/migration-batches/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
    onSettled: (_, __, id) => void client.invalidateQueries({ queryKey: batchKey(id) }),
  });
}
