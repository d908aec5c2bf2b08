import dayjs, { type Dayjs } from 'dayjs';
import type { Dossier } from '../api/types';
import { beijingInstant, beijingWall } from './time';

/** The first-report form's values: what the API takes, with times as the pickers' Beijing wall times. */
export interface ReportFormValues {
  /** Set when the 首报 is the written report of a phone report: it joins that dossier. */
  incidentNumber?: string;
  phoneReportedAt?: Dayjs | null;
  title?: string;
  category?: string;
  severity?: string;
  sensitive?: boolean;
  mayEscalate?: boolean;
  /** 报送标准 (seed 003): the incident type and the circumstances that make a small incident reportable. */
  incidentType?: string;
  sensitivePlace?: boolean;
  sensitiveTime?: boolean;
  specialPersons?: boolean;
  longDuration?: boolean;
  wideImpact?: boolean;
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

const TIMES = ['occurredAt', 'learnedAt', 'receivedAt', 'phoneReportedAt'] as const;

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

/** The request body of `POST /api/reports` for these values (times ISO 8601, Beijing time). */
export function toFirstReport(values: ReportFormValues, reportingUnitId: string): Record<string, unknown> {
  const times = Object.fromEntries(TIMES.map((k) => [k, values[k] ? beijingInstant(values[k]) : undefined]));
  return withoutBlanks({ place: {}, casualties: {}, contact: {}, ...values, ...times, kind: 'first', classified: false, reportingUnitId }) as Record<string, unknown>;
}

/** The written 首报 after a phone report: what the call told, the call's time, and the dossier to join. */
export function writtenAfterPhone(dossier: Dossier, contactName: string): ReportFormValues {
  const phone = dossier.reports.find((r) => r.kind === 'phone')?.content as { calledAt?: string; summary?: string; callerPhone?: string } | undefined;
  return {
    incidentNumber: dossier.number,
    title: dossier.title,
    category: dossier.category,
    severity: dossier.severity,
    sensitive: dossier.sensitive,
    mayEscalate: false,
    occurredAt: beijingWall(dossier.occurredAt),
    learnedAt: beijingWall(dossier.learnedAt),
    phoneReportedAt: phone?.calledAt ? beijingWall(phone.calledAt) : null,
    course: phone?.summary,
    contact: { name: contactName, phone: phone?.callerPhone },
  };
}

/**
 * Drafts live in this browser's localStorage, one per user: nothing half-written reaches the
 * server (a draft is not a report and starts no clock). Clearing the browser's data discards them.
 */
export const draftStore = {
  key: (username: string) => `kuaibao.draft.first.${username}`,
  save(username: string, values: ReportFormValues): string {
    const savedAt = new Date().toISOString();
    const times = Object.fromEntries(TIMES.map((k) => [k, values[k] ? beijingInstant(values[k]) : undefined]));
    localStorage.setItem(this.key(username), JSON.stringify({ savedAt, values: { ...values, ...times } }));
    return savedAt;
  },
  load(username: string): { savedAt: string; values: ReportFormValues } | null {
    try {
      const stored = JSON.parse(localStorage.getItem(this.key(username)) ?? 'null') as { savedAt: string; values: Record<string, unknown> } | null;
      if (!stored) return null;
      const times = Object.fromEntries(TIMES.map((k) => [k, typeof stored.values[k] === 'string' ? beijingWall(stored.values[k]) : undefined]));
      return { savedAt: stored.savedAt, values: { ...(stored.values as ReportFormValues), ...times } };
    } catch {
      return null;
    }
  },
  clear(username: string) {
    localStorage.removeItem(this.key(username));
  },
};
