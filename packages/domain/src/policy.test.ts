import { describe, expect, it } from 'vitest';
import { policySchema, type PolicyInput } from './policy';
import { isLate, reminderTimes, resolveClocks } from './policy-clocks';
import { parseDuration } from './policy-duration';
import { policyCandidates } from './policy-select';

const base: PolicyInput = {
  code: '530900', name: '临沧市', nameEn: 'Lincang City', version: 2, effectiveFrom: '2020-04-28',
  sources: [{ seed: '000', title: '临政办发〔2020〕39号' }],
  clocks: [
    { severity: 'II', reportKind: 'first', channel: 'phone', within: 'PT30M', from: 'received', rule: '000 三（二）二' },
    { severity: 'any', sensitive: true, reportKind: 'first', channel: 'phone', within: 'PT0S', from: 'received', rule: '000 三（二）三' },
    { severity: 'any', reportKind: 'first', channel: 'phone', within: 'PT30M', from: 'received', rule: 'general' },
  ],
  reminders: ['PT15M', 'PT5M'],
  escalation: { recipients: ['leader_on_duty'] },
  requiresCityApprovalForProvince: false, directToCityDutyOfficeWhenUrgent: true, sectorLeaderSignOffFor: [],
};
const policy = policySchema.parse(base);
const t = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`);
const iso = (hhmm: string) => t(hhmm).toISOString();
const issues = (input: unknown) => policySchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('parseDuration', () => {
  it('reads days, hours, minutes and seconds and refuses the rest', () => {
    expect(parseDuration('PT2H30M')).toBe(9_000_000);
    expect(parseDuration('P1DT1S')).toBe(86_401_000);
    expect(parseDuration('PT0S')).toBe(0);
    for (const bad of ['P', 'PT', 'P1M', 'P1Y', 'P1W', 'PT1.5H', '30m', '']) expect(parseDuration(bad), bad).toBeUndefined();
  });
});

describe('policySchema', () => {
  it('refuses a duration it cannot read, with the field path', () => {
    const bad = structuredClone(base);
    bad.clocks[0]!.within = '半小时';
    expect(issues(bad)).toEqual([expect.stringMatching(/^clocks\.0\.within: ISO 8601 duration/)]);
  });

  it('spells immediately PT0S only, and wants reminders before the deadline', () => {
    const bad = structuredClone(base);
    bad.clocks[1]!.within = 'PT0M';
    bad.reminders = ['PT0S'];
    expect(issues(bad)).toEqual([expect.stringMatching(/^clocks\.1\.within: immediately is spelled PT0S/), expect.stringMatching(/^reminders\.0: /)]);
  });

  it('refuses two rules for the same severity, sensitivity, kind, channel and recipient', () => {
    const bad = structuredClone(base);
    bad.clocks.push({ ...bad.clocks[0]!, within: 'PT1H', rule: 'another' });
    expect(issues(bad)).toEqual(['clocks.3: ambiguous: same severity, sensitive, reportKind, channel, to and by as clocks[0]']);
  });

  it('accepts the same figure for another recipient or another party', () => {
    const ok = structuredClone(base);
    ok.clocks.push({ ...ok.clocks[0]!, to: 'province' }, { ...ok.clocks[0]!, by: 'province' });
    expect(issues(ok)).toEqual([]);
  });
});

describe('resolveClocks', () => {
  const input = { severity: 'II', kind: 'first', occurredAt: t('08:00'), learnedAt: t('08:10'), receivedAt: t('08:20') } as const;

  it('gives one deadline per channel and recipient, citing the more specific of equal rules', () => {
    expect(resolveClocks(policy, input)).toEqual([
      { channel: 'phone', to: null, dueAt: iso('08:50'), startedAt: iso('08:20'), from: 'received', within: 'PT30M', immediate: false, rule: '000 三（二）二', policyCode: '530900', policyVersion: 2 },
    ]);
  });

  it('lets the stricter rule win: sensitive or may escalate is immediately', () => {
    for (const flags of [{ sensitive: true }, { mayEscalate: true }]) {
      const [clock] = resolveClocks(policy, { ...input, ...flags });
      expect(clock).toMatchObject({ dueAt: iso('08:20'), within: 'PT0S', immediate: true, rule: '000 三（二）三' });
    }
  });

  it('starts from an earlier instant when the rule’s is unknown, and says which', () => {
    expect(resolveClocks(policy, { ...input, receivedAt: null })[0]).toMatchObject({ from: 'learned', dueAt: iso('08:40') });
    expect(resolveClocks(policy, { ...input, receivedAt: null, learnedAt: null })[0]).toMatchObject({ from: 'occurred', dueAt: iso('08:30') });
  });

  it('is empty where the policy sets no figure, and for another party', () => {
    expect(resolveClocks(policy, { ...input, kind: 'follow_up' })).toEqual([]);
    expect(resolveClocks(policy, { ...input, party: 'province' })).toEqual([]);
  });
});

describe('reminderTimes and isLate', () => {
  const clocks = resolveClocks(policy, { severity: 'II', kind: 'first', occurredAt: t('08:00'), receivedAt: t('08:20') });

  it('reminds before each deadline, never before the clock started nor in the past', () => {
    expect(reminderTimes(policy, clocks, t('08:20'))).toEqual([iso('08:35'), iso('08:45')]);
    expect(reminderTimes(policy, clocks, t('08:40'))).toEqual([iso('08:45')]);
    const shortPolicy = { ...policy, reminders: ['PT30M', 'PT45M'] };
    expect(reminderTimes(shortPolicy, clocks, t('08:00'))).toEqual([]);
  });

  it('calls a report late only after its deadline', () => {
    expect(isLate(iso('08:50'), iso('08:50'))).toBe(false);
    expect(isLate(iso('08:50'), new Date(t('08:50').getTime() + 1))).toBe(true);
  });
});

describe('policyCandidates', () => {
  it('walks county → city → province → default', () => {
    expect(policyCandidates('530902')).toEqual(['530902', '530900', '530000', 'default']);
    expect(policyCandidates('530900')).toEqual(['530900', '530000', 'default']);
    expect(policyCandidates('530902001')).toEqual(['530902', '530900', '530000', 'default']);
    expect(policyCandidates('city-party-committee-003')).toEqual(['default']);
  });
});
