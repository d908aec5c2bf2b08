import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES, THRESHOLD_RULES } from './thresholds';

describe('THRESHOLD_RULES (003 第一篇)', () => {
  it('carry the figures of the seed for the main incident types', () => {
    expect(THRESHOLD_RULES.road_traffic_accident.anyOf).toEqual({ dead: 1, deadOrInjured: 5, directLossYuan: 500_000 });
    expect(THRESHOLD_RULES.safety_accident.anyOf).toEqual({ dead: 1, deadOrInjured: 5, directLossYuan: 1_000_000 });
    expect(THRESHOLD_RULES.fire.anyOf).toEqual({ dead: 1, deadOrInjured: 5, directLossYuan: 1_000_000 });
    expect(THRESHOLD_RULES.natural_disaster.anyOf).toMatchObject({ dead: 1, seriouslyInjured: 3, missing: 2, housesCollapsed: 10 });
    expect(THRESHOLD_RULES.poisoning_case.anyOf).toEqual({ dead: 1, poisoned: 3 });
    expect(THRESHOLD_RULES.unknown_cause_illness.anyOf).toEqual({ sick: 5 });
    expect(THRESHOLD_RULES.group_fight.anyOf).toEqual({ participants: 5, deadOrInjured: 1 });
  });

  it('give every rule a source item, names in both languages, and either figures or "always"', () => {
    for (const type of INCIDENT_TYPES) {
      const rule = THRESHOLD_RULES[type];
      expect(rule.source, type).toMatch(/^[一二三四]、\d+$/);
      expect(rule.name['zh-CN'], type).not.toBe('');
      expect(rule.name.en, type).not.toBe('');
      expect(rule.always !== Object.keys(rule.anyOf).length > 0, type).toBe(true);
    }
  });
});
