import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { keys } from './queries';

export type CoSignPosition = 'before' | 'after';
export interface CoSigners { positions: CoSignPosition[]; people: { username: string; displayName: string; unitId: string; roles: string[] }[] }

/** 加签: where the flow allows a co-signer at this task (none: no button) and who may be added. */
export const useCoSigners = (taskKey: string, enabled: boolean) =>
  useQuery({ queryKey: ['tasks', 'co-signers', taskKey], queryFn: () => api<CoSigners>(`/api/tasks/${encodeURIComponent(taskKey)}/co-signers`), enabled });

/** 加签: completes my sign-off with the co-signer before or after me. */
export function useAddCoSigner(incidentNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: { to: string; position: CoSignPosition; reason: string } }) =>
      api<{ coSigner: string; coSignerName: string; position: CoSignPosition }>(`/api/tasks/${encodeURIComponent(key)}/co-sign`, { method: 'POST', body }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.tasks });
      void client.invalidateQueries({ queryKey: ['worklists'] });
      void client.invalidateQueries({ queryKey: keys.dossier(incidentNumber) });
    },
  });
}
