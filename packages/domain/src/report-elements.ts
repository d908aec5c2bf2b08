import { z } from 'zod';
import type { Fields } from './fields';
import { makeIncidentNumberSchema } from './incident-number';
import { labels } from './labels';
import type { Locale } from './messages';
import { REPORT_CATEGORIES, REPORT_KINDS, SEVERITIES } from './report-enums';
import { INCIDENT_TYPES, THRESHOLD_RULES, type IncidentType } from './thresholds';

type Check<T> = (value: T, ctx: z.RefinementCtx) => void;

const timeOf = (value: unknown) => (value instanceof Date ? value.getTime() : undefined);
const isCount = (value: unknown): value is number => typeof value === 'number';

/**
 * The elements of a report (002: 时间、地点、单位、经过、原因、危害程度、发展趋势、应急处理措施及需要帮助
 * 解决的问题; 004: 时间、地点、事件、影响), each a schema with messages in `locale`. The report schemas
 * (report.ts) decide which are required for which kind of report.
 */
export function reportElements(f: Fields, locale: Locale) {
  const placeShape = {
    divisionCode: f.divisionCode('placeDivisionCode'),
    address: f.text('address', 200),
    longitude: f.range('longitude', -180, 180).optional(),
    latitude: f.range('latitude', -90, 90).optional(),
  };
  const coordinatesTogether: Check<{ longitude?: unknown; latitude?: unknown }> = (place, ctx) => {
    if ((place.longitude === undefined) === (place.latitude === undefined)) return;
    ctx.addIssue({ code: 'custom', path: [place.longitude === undefined ? 'longitude' : 'latitude'], message: f.msg('place.coordinatesPair') });
  };
  const casualtyShape = {
    dead: f.count('dead'),
    injured: f.count('injured'),
    /** Counted within `injured` (受伤 N 人，其中重伤 M 人). */
    seriouslyInjured: f.count('seriouslyInjured'),
    missing: f.count('missing'),
    trapped: f.count('trapped'),
    poisoned: f.count('poisoned').optional(),
  };
  const seriousWithinInjured: Check<{ injured?: unknown; seriouslyInjured?: unknown }> = (c, ctx) => {
    if (isCount(c.injured) && isCount(c.seriouslyInjured) && c.seriouslyInjured > c.injured) {
      ctx.addIssue({ code: 'custom', path: ['seriouslyInjured'], message: f.msg('casualties.seriousExceedsInjured') });
    }
  };
  const contactShape = { name: f.text('contactName', 32), phone: f.phone('phone') };

  return {
    incidentNumber: makeIncidentNumberSchema(locale),
    kind: f.oneOf('kind', REPORT_KINDS, labels[locale].reportKind),
    category: f.oneOf('category', REPORT_CATEGORIES, labels[locale].category),
    severity: f.oneOf('severity', SEVERITIES, labels[locale].severity),
    reportingUnitId: f.id('reportingUnitId'),
    /** 003 第一篇: the kind of incident its reporting threshold is stated for (道路交通事故, 火灾, 自然灾害 …). */
    incidentType: f.oneOf('incidentType', INCIDENT_TYPES, Object.fromEntries(INCIDENT_TYPES.map((t) => [t, THRESHOLD_RULES[t].name[locale]])) as Record<IncidentType, string>),
    /** Circumstances that make even a small incident reportable (002; 003 第一篇): each optional, absent is "no". */
    circumstances: {
      sensitivePlace: f.flag('sensitivePlace').optional(),
      sensitiveTime: f.flag('sensitiveTime').optional(),
      specialPersons: f.flag('specialPersons').optional(),
      longDuration: f.flag('longDuration').optional(),
      wideImpact: f.flag('wideImpact').optional(),
    },
    place: f.group('place', placeShape).superRefine(coordinatesTogether),
    partialPlace: f.group('place', placeShape).partial().superRefine(coordinatesTogether),
    casualties: f.group('casualties', casualtyShape).superRefine(seriousWithinInjured),
    /** Only the counts that changed, each the current total (截至目前). */
    partialCasualties: f.group('casualties', casualtyShape).partial().superRefine(seriousWithinInjured),
    contact: f.group('contact', contactShape),
    partialContact: f.group('contact', contactShape).partial(),
    economicLossYuan: f.amount('economicLossYuan'),
    times: {
      occurredAt: f.instant('occurredAt'),
      learnedAt: f.instant('learnedAt'),
      receivedAt: f.instant('receivedAt'),
      phoneReportedAt: f.instant('phoneReportedAt'),
      endedAt: f.instant('endedAt'),
    },
    texts: {
      title: f.text('title', 100),
      course: f.text('course', 5000),
      cause: f.text('cause', 2000),
      harm: f.text('harm', 2000),
      trend: f.text('trend', 2000),
      measures: f.text('measures', 5000),
      helpNeeded: f.text('helpNeeded', 2000),
      progress: f.text('progress', 5000),
      notes: f.text('notes', 2000),
    },
    /** 事发 ≤ 获知, 事发 ≤ 接报, 事发 ≤ 处置结束; checked when both times are valid (zod runs it even when a field failed). */
    chronology: ((report, ctx) => {
      const occurred = timeOf(report.occurredAt);
      if (occurred === undefined) return;
      const before = (at: unknown) => (timeOf(at) ?? occurred) < occurred;
      if (before(report.learnedAt)) ctx.addIssue({ code: 'custom', path: ['learnedAt'], message: f.msg('report.learnedBeforeOccurred') });
      if (before(report.receivedAt)) ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: f.msg('report.receivedBeforeOccurred') });
      if (before(report.endedAt)) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: f.msg('report.endedBeforeOccurred') });
    }) as Check<{ occurredAt?: unknown; learnedAt?: unknown; receivedAt?: unknown; endedAt?: unknown }>,
  };
}

export type ReportElements = ReturnType<typeof reportElements>;
