import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';

/** Duty work (issue 23): rosters, 值班信息日报, 领导批示 — the API's shapes and the queries over them. */
export interface Person { id: string; name: string }
export interface RosterDayView { day: string; leader: Person; officers: Person[]; holiday: boolean; holidayName: string | null; note: string | null; updatedAt: string }
export interface Roster {
  unit: { id: string; name: string };
  from: string;
  to: string;
  days: RosterDayView[];
  onDutyNow: { day: string; leader: Person; officers: Person[] } | null;
  missing: string[];
  candidates: { leaders: (Person & { unitName: string })[]; officers: Person[] };
  editable: boolean;
}
export interface RosterGaps { at: string; dutyDay: string; gaps: { unitId: string; unitName: string; missing: string[] }[] }
export type Standing = 'on_time' | 'late' | 'missed' | 'pending';
export interface DailyReportView { id: string; unitId: string; day: string; content: Record<string, unknown>; filedAt: string; filedBy: string; standing: Standing; receivedAt: string | null; receivedBy: string | null }
export interface DailyReportDay {
  day: string;
  dueAt: string;
  own: { unit: { id: string; name: string }; receiver: { id: string; name: string } | null; standing: Standing | null; report: DailyReportView | null };
  received: { unit: { id: string; name: string }; standing: Standing; report: DailyReportView | null }[];
}
export interface InstructionClock { dueAt: string; status: 'open' | 'met' | 'late'; overdue: boolean; metAt: string | null }
export interface InstructionUnit {
  unitId: string; unitName: string; stage: 'relayed' | 'acknowledged' | 'done'; acknowledgedAt: string | null; acknowledgedBy: string | null;
  result: string | null; doneAt: string | null; doneBy: string | null; clock: InstructionClock;
}
export interface Instruction {
  id: string; incidentNumber: string; incidentTitle?: string; instructingLeader: string; instructedAt: string; text: string; dueAt: string;
  relayedBy: { unitId: string; unitName: string; name: string; at: string }; units: InstructionUnit[];
}

const dutyKeys = {
  all: ['duty'] as const,
  roster: (from: string, to: string) => ['duty', 'roster', from, to] as const,
  gaps: ['duty', 'roster-gaps'] as const,
  daily: (day: string) => ['duty', 'daily', day] as const,
  instructions: ['duty', 'instructions'] as const,
};

export const useRoster = (from: string, to: string) => useQuery({ queryKey: dutyKeys.roster(from, to), queryFn: () => api<Roster>(`/api/duty/roster?from=${from}&to=${to}`) });
export const useRosterGaps = () => useQuery({ queryKey: dutyKeys.gaps, queryFn: () => api<RosterGaps>('/api/duty/roster-gaps') });
export const useDailyReports = (day: string) => useQuery({ queryKey: dutyKeys.daily(day), queryFn: () => api<DailyReportDay>(`/api/duty/daily-reports?day=${day}`) });
export const useInstructions = () => useQuery({ queryKey: dutyKeys.instructions, queryFn: () => api<{ toCarryOut: Instruction[]; relayed: Instruction[] }>('/api/duty/instructions') });

/** A duty write; everything duty-related (and the dossiers, which show the instructions) is read again after it. */
export function useDutyWrite<B>(request: (body: B) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: dutyKeys.all });
      await client.invalidateQueries({ queryKey: ['incidents', 'one'] });
    },
  });
}

export const setRosterDay = (unitId: string, day: string, body: unknown) => api(`/api/duty/roster/${encodeURIComponent(unitId)}/${day}`, { method: 'PUT', body });
export const fileDailyReport = (body: unknown) => api('/api/duty/daily-reports', { method: 'POST', body });
export const receiveDailyReport = (id: string) => api(`/api/duty/daily-reports/${encodeURIComponent(id)}/receipt`, { method: 'POST' });
export const relayInstruction = (number: string, body: unknown) => api<Instruction>(`/api/incidents/${encodeURIComponent(number)}/instructions`, { method: 'POST', body });
export const acknowledgeInstruction = (id: string, unitId: string) => api(`/api/duty/instructions/${encodeURIComponent(id)}/units/${encodeURIComponent(unitId)}/acknowledgement`, { method: 'POST' });
export const reportInstructionResult = (id: string, unitId: string, result: string) =>
  api(`/api/duty/instructions/${encodeURIComponent(id)}/units/${encodeURIComponent(unitId)}/result`, { method: 'POST', body: { result } });
