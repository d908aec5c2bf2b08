import { describe, expect, it } from 'vitest';
import { describeReason, mustReport } from './must-report';
import { INCIDENT_TYPES, THRESHOLD_RULES, type IncidentType, type ThresholdMetric } from './thresholds';

const thresholdCases = INCIDENT_TYPES.flatMap((type) =>
  (Object.entries(THRESHOLD_RULES[type].anyOf) as [ThresholdMetric, number][]).map(([metric, min]) => ({ type, metric, min })),
);

describe('mustReport: each threshold of 003 第一篇, at and around its boundary', () => {
  it.each(thresholdCases)('$type: $metric ≥ $min is reportable', ({ type, metric, min }) => {
    // when
    const result = mustReport({ incidentType: type, figures: { [metric]: min } });

    // then
    expect(result.required).toBe(true);
    expect(result.reasons).toEqual([{ code: 'threshold', source: `003 第一篇 ${THRESHOLD_RULES[type].source}`, incidentType: type, metric, value: min, min }]);
  });

  it.each(thresholdCases)('$type: $metric just below $min is not', ({ type, metric, min }) => {
    // given: one person or one yuan below; a tenth of a mu below areas
    const below = min - (metric.endsWith('Mu') ? 0.1 : 1);

    // then
    expect(mustReport({ incidentType: type, figures: { [metric]: below } })).toEqual({ required: false, reasons: [] });
  });
});

describe('mustReport: the figures the brief names', () => {
  it.each<[IncidentType, Record<string, number>, boolean]>([
    ['road_traffic_accident', { dead: 1 }, true],
    ['road_traffic_accident', { dead: 0, injured: 4 }, false],
    ['road_traffic_accident', { dead: 0, injured: 5 }, true],
    ['road_traffic_accident', { directLossYuan: 499_999 }, false],
    ['road_traffic_accident', { directLossYuan: 500_000 }, true],
    ['fire', { directLossYuan: 999_999 }, false],
    ['fire', { directLossYuan: 1_000_000 }, true],
    ['safety_accident', { injured: 5 }, true],
    ['natural_disaster', { seriouslyInjured: 2, missing: 1, housesCollapsed: 9 }, false],
    ['natural_disaster', { housesCollapsed: 10 }, true],
    ['poisoning_case', { poisoned: 2 }, false],
    ['poisoning_case', { poisoned: 3 }, true],
    ['unknown_cause_illness', { sick: 4 }, false],
    ['unknown_cause_illness', { sick: 5 }, true],
    ['group_fight', { participants: 4 }, false],
    ['group_fight', { participants: 4, injured: 1 }, true],
  ])('%s with %o → %s', (incidentType, figures, required) => {
    expect(mustReport({ incidentType, figures }).required).toBe(required);
  });

  it('counts 死伤 as dead plus injured unless given', () => {
    // when
    const result = mustReport({ incidentType: 'road_traffic_accident', figures: { dead: 2, injured: 3 } });

    // then
    expect(result.reasons.map((r) => [r.metric, r.value])).toEqual([
      ['dead', 2],
      ['deadOrInjured', 5],
    ]);
  });

  it('reports a type that is itself the threshold, with no figures at all', () => {
    expect(mustReport({ incidentType: 'air_crash' }).reasons).toEqual([{ code: 'always', source: '003 第一篇 三、1', incidentType: 'air_crash' }]);
  });
});

describe('mustReport: below every threshold', () => {
  it('is not required without a reason', () => {
    expect(mustReport({ incidentType: 'fire', figures: { dead: 0, injured: 1 } })).toEqual({ required: false, reasons: [] });
  });

  it.each([
    ['sensitive', 'sensitive'],
    ['mayEscalate', 'may_escalate'],
    ['sensitivePlace', 'sensitive_place'],
    ['sensitiveTime', 'sensitive_time'],
    ['specialPersons', 'special_persons'],
    ['longDuration', 'long_duration'],
    ['wideImpact', 'wide_impact'],
  ])('is required anyway when %s', (flag, code) => {
    // when
    const result = mustReport({ incidentType: 'fire', figures: { injured: 1 }, [flag]: true });

    // then
    expect(result.required).toBe(true);
    expect(result.reasons.map((r) => r.code)).toEqual([code]);
  });

  it('is required for any graded incident (001: 一般 and above go to the city government)', () => {
    expect(mustReport({ severity: 'IV' }).reasons).toEqual([{ code: 'graded', source: '000、001', severity: 'IV' }]);
    expect(mustReport({ severity: 'ungraded' }).required).toBe(false);
  });

  it('refuses negative figures', () => {
    expect(() => mustReport({ incidentType: 'fire', figures: { dead: -1 } })).toThrow();
  });
});

describe('describeReason', () => {
  it('says why, in both languages', () => {
    // given
    const [reason] = mustReport({ incidentType: 'road_traffic_accident', figures: { directLossYuan: 600_000 } }).reasons;

    // then
    expect(describeReason(reason!)).toBe('道路交通事故：直接经济损失（元）为600000，达到报送标准（≥500000）');
    expect(describeReason(reason!, 'en')).toBe('Road traffic accident: Direct economic loss (yuan) is 600000, at or above the threshold (≥ 500000)');
    expect(describeReason({ code: 'graded', source: '001', severity: 'II' })).toBe('已定级为重大（Ⅱ级）');
    expect(describeReason({ code: 'special_persons', source: '003' }, 'en')).toBe('People of special status involved');
  });
});
