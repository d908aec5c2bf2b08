import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { keys } from './queries';
import { traceKeys } from './trace';

export interface VariableEditInput { instanceKey: string; name: string; value: unknown; expected: unknown; reason: string }
interface VariableEdited { action: 'editVariable'; instanceKey: string; incidentNumber: string; name: string; value: unknown }

/** 修改流程变量 (docs/adr/0045): afterwards the instance, the monitor and the dossier are fetched again (also after a 409). */
export function useEditVariable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ instanceKey, name, ...body }: VariableEditInput) =>
      api<VariableEdited>(`/api/admin/instances/${encodeURIComponent(instanceKey)}/variables/${encodeURIComponent(name)}`, { method: 'PUT', body }),
    onSettled: (result) => {
      void client.invalidateQueries({ queryKey: traceKeys.all });
      if (result) void client.invalidateQueries({ queryKey: keys.dossier(result.incidentNumber) });
    },
  });
}
