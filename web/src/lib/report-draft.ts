import dayjs, { type Dayjs } from 'dayjs';

/** The first-report form's values: what the API takes, with times as dayjs values for the pickers. */
export interface ReportFormValues {
  title?: string;
  category?: string;
  severity?: string;
  sensitive?: boolean;
  mayEscalate?: boolean;
  occurredAt?: Dayjs | null;
  learnedAt?: Dayjs | null;
  receivedAt?: Dayjs | null;
  place?: { divisionCode?: string; address?: string; longitude?: number | null; latitude?: number | null };
  casualties?: Partial<Record<'dead' | 'injured' | 'seriouslyInjured' | 'missing' | 'trapped' | 'poisoned', number | null>>;
  economicLossYuan?: number | null;
  course?: string;
  harm?: string;
  cause?: string;
  trend?: string;
  measures?: string;
  helpNeeded?: string;
  notes?: string;
  contact?: { name?: string; phone?: string };
}

const TIMES = ['occurredAt', 'learnedAt', 'receivedAt'] as const;

/** Drops blank leaves ('' / null / undefined) but keeps groups, so "missing" errors name the field inside. */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value && typeof value === 'object' && !dayjs.isDayjs(value)) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, raw]) => {
        const v: unknown = typeof raw === 'string' ? raw.trim() : raw;
        return v === '' || v === null || v === undefined ? [] : [[k, withoutBlanks(v)]];
      }),
    );
  }
  return value;
}

/** The request body of `POST /api/reports` for these values (times ISO 8601 with the local offset). */
export function toFirstReport(values: ReportFormValues, reportingUnitId: string): Record<string, unknown> {
  const times = Object.fromEntries(TIMES.map((k) => [k, values[k]?.format()]));
  return withoutBlanks({ place: {}, casualties: {}, contact: {}, ...values, ...times, kind: 'first', classified: false, reportingUnitId }) as Record<string, unknown>;
}

/**
 * Drafts live in this browser's localStorage, one per user: nothing half-written reaches the
 * server (a draft is not a report and starts no clock). Clearing the browser's data discards them.
 */
export const draftStore = {
  key: (username: string) => `kuaibao.draft.first.${username}`,
  save(username: string, values: ReportFormValues): string {
    const savedAt = new Date().toISOString();
    const times = Object.fromEntries(TIMES.map((k) => [k, values[k]?.toISOString()]));
    localStorage.setItem(this.key(username), JSON.stringify({ savedAt, values: { ...values, ...times } }));
    return savedAt;
  },
  load(username: string): { savedAt: string; values: ReportFormValues } | null {
    try {
      const stored = JSON.parse(localStorage.getItem(this.key(username)) ?? 'null') as { savedAt: string; values: Record<string, unknown> } | null;
      if (!stored) return null;
      const times = Object.fromEntries(TIMES.map((k) => [k, typeof stored.values[k] === 'string' ? dayjs(stored.values[k]) : undefined]));
      return { savedAt: stored.savedAt, values: { ...(stored.values as ReportFormValues), ...times } };
    } catch {
      return null;
    }
  },
  clear(username: string) {
    localStorage.removeItem(this.key(username));
  },
};
