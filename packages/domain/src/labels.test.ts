import { describe, expect, it } from 'vitest';
import { USER_TASK_KINDS } from './constants';
import { fieldLabels } from './field-labels';
import { labels } from './labels';
import { LOCALES } from './messages';
import { UNIT_KINDS, UNIT_LEVELS } from './org';
import { REPORT_CATEGORIES, REPORT_KINDS, SECURE_CHANNELS, SEVERITIES } from './report-enums';
import { RECIPIENT_ROLES } from './report-recipients';
import { THRESHOLD_METRICS } from './thresholds';
import { ROLES } from './user';

describe('labels', () => {
  it('name severities the way the notices do', () => {
    expect(labels['zh-CN'].severity.II).toBe('重大（Ⅱ级）');
    expect(labels['zh-CN'].severity.I).toBe('特别重大（Ⅰ级）');
    expect(labels.en.severity.IV).toBe('General (Level IV)');
  });

  it('exist for every value of every enum in every locale', () => {
    // given
    const enums = {
      category: REPORT_CATEGORIES,
      severity: SEVERITIES,
      reportKind: REPORT_KINDS,
      role: ROLES,
      unitKind: UNIT_KINDS,
      unitLevel: UNIT_LEVELS,
      secureChannel: SECURE_CHANNELS,
      recipientRole: RECIPIENT_ROLES,
      userTaskKind: USER_TASK_KINDS,
      thresholdMetric: THRESHOLD_METRICS,
    } as const;

    // then
    for (const locale of LOCALES) {
      for (const [table, values] of Object.entries(enums)) {
        const row: Record<string, string> = labels[locale][table as keyof typeof enums];
        expect(Object.keys(row).sort(), `${locale}.${table}`).toEqual([...values].sort());
        for (const value of values) expect(row[value], `${locale}.${table}.${value}`).toMatch(/\S/);
      }
    }
  });

  it('name every form field in both languages', () => {
    expect(Object.keys(fieldLabels.en).sort()).toEqual(Object.keys(fieldLabels['zh-CN']).sort());
    expect(fieldLabels['zh-CN'].dead).toBe('死亡人数');
  });
});
