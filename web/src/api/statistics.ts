import type { DutyStats, FilingStatus, HolidayCounts, HolidayPeriod, PeriodicStats, StatPeriod } from '@kuaibao/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';

/** 节假日期间日信息统计 and 定期统计 (docs/adr/0049, 0050): what /api/holidays and /api/stats/periodic answer. */
export type HolidayListItem = HolidayPeriod & { filerUnitId: string | null; collector: boolean; reader: boolean };
export type HolidayTotals = HolidayCounts & { other: string };
export interface HolidayUnitDay {
  unitId: string;
  unitName: string;
  status: FilingStatus;
  return: (HolidayTotals & { filledBy: string; phone: string; filedAt: string; updatedAt: string }) | null;
}
export interface SummaryState {
  status: FilingStatus;
  submittedAt: string | null;
}
export interface HolidayDay {
  holiday: HolidayPeriod;
  day: string;
  lastDay: boolean;
  returnDue: string;
  summaryDue: string;
  units: HolidayUnitDay[];
  total?: HolidayTotals;
  tally?: Record<FilingStatus, number>;
  summary?: SummaryState;
  overallSummary?: SummaryState;
}
export interface PeriodSelection {
  period: StatPeriod;
  year: number;
  month?: number;
  quarter?: number;
}

export const statisticsKeys = {
  holidays: ['holidays'] as const,
  holidayDay: (id: string, day: string) => ['holidays', id, day] as const,
  periodic: (p: PeriodSelection) => ['stats', 'periodic', p] as const,
  duty: (p: PeriodSelection) => ['stats', 'duty', p] as const,
};

/** The period as a query string: the API's and the export link's. */
export const periodQuery = (p: PeriodSelection) =>
  new URLSearchParams(Object.entries(p).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const useHolidays = () => useQuery({ queryKey: statisticsKeys.holidays, queryFn: () => api<{ items: HolidayListItem[] }>('/api/holidays') });

export const useHolidayDay = (id: string | undefined, day: string | undefined) =>
  useQuery({
    queryKey: statisticsKeys.holidayDay(id ?? '', day ?? ''),
    queryFn: () => api<HolidayDay>(`/api/holidays/${encodeURIComponent(id!)}/days/${day}`),
    enabled: !!id && !!day,
    retry: false,
  });

export function useFileHolidayReturn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<{ status: FilingStatus }>('/api/holiday-returns', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: statisticsKeys.holidays }),
  });
}

export function useSubmitHolidaySummary(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { day: string; kind: 'daily' | 'overall' }) => api<{ status: FilingStatus }>(`/api/holidays/${encodeURIComponent(id)}/summaries`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: statisticsKeys.holidays }),
  });
}

export const usePeriodicStats = (p: PeriodSelection) =>
  useQuery({ queryKey: statisticsKeys.periodic(p), queryFn: () => api<PeriodicStats>(`/api/stats/periodic?${periodQuery(p)}`), retry: false, placeholderData: keepPreviousData });

/** 值班工作统计 of the caller's unit over the same period (docs/adr/0061). */
export const useDutyStats = (p: PeriodSelection) =>
  useQuery({ queryKey: statisticsKeys.duty(p), queryFn: () => api<DutyStats>(`/api/stats/duty?${periodQuery(p)}`), retry: false, placeholderData: keepPreviousData });
