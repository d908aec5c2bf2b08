import { describe, expect, it } from 'vitest';
import { lincangTree } from '../test-support/lincang-tree';
import { addDays, daysBetween, isCalendarDay, mondayOf } from './beijing-day';
import { dailyReportDueAt, dailyReportStanding, makeDailyReportSchema, tallyDailyReports } from './daily-report';
import { dailyReportFilersFor, dailyReportReceiverOf } from './daily-report-receiver';
import { instructionClock, instructionRemindAt, makeInstructionSchema, nextInstructionStep, tallyInstructions } from './instruction';
import { dailyReportOnTimeRate } from './duty-stats';
import { dutyDayAt, makeRosterDaySchema, missingRosterDays, onDutyAt, type RosterDay } from './roster';

const at = (iso: string) => new Date(iso);

describe('Beijing days', () => {
  it('counts calendar days and weeks', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-12-06', '2026-12-08')).toEqual(['2026-12-06', '2026-12-07', '2026-12-08']);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
  });
});

describe('roster: who is on duty now', () => {
  // given: 临沧市总值班室's roster for the 6th and 7th
  const days: RosterDay[] = [
    { unitId: 'lc-duty', day: '2026-12-06', leaderUserId: 'u-huang', officerUserIds: ['u-yang'], holiday: false },
    { unitId: 'lc-duty', day: '2026-12-07', leaderUserId: 'u-deng', officerUserIds: ['u-liu', 'u-jiang'], holiday: true },
  ];

  it('hands over at 08:30 Beijing time: the night belongs to the day before', () => {
    expect(dutyDayAt(at('2026-12-07T02:00:00+08:00'))).toBe('2026-12-06');
    expect(dutyDayAt(at('2026-12-07T08:29:00+08:00'))).toBe('2026-12-06');
    expect(dutyDayAt(at('2026-12-07T08:30:00+08:00'))).toBe('2026-12-07');
  });

  it('finds the day’s leader and officers, and the night’s are the evening’s', () => {
    // when: 02:00 on the 7th (before the handover) and 09:00 on the 7th
    const night = onDutyAt(days, 'lc-duty', at('2026-12-07T02:00:00+08:00'));
    const morning = onDutyAt(days, 'lc-duty', at('2026-12-07T09:00:00+08:00'));
    // then
    expect(night).toMatchObject({ day: '2026-12-06', leaderUserId: 'u-huang', officerUserIds: ['u-yang'] });
    expect(morning).toMatchObject({ day: '2026-12-07', leaderUserId: 'u-deng', holiday: true });
    expect(onDutyAt(days, 'lx-duty', at('2026-12-07T09:00:00+08:00'))).toBeNull();
  });

  it('flags tomorrow when it has no roster', () => {
    expect(missingRosterDays(days, 'lc-duty', at('2026-12-06T10:00:00+08:00'))).toEqual([]);
    expect(missingRosterDays(days, 'lc-duty', at('2026-12-07T10:00:00+08:00'))).toEqual(['2026-12-08']);
    expect(missingRosterDays(days, 'lc-duty', at('2026-12-07T10:00:00+08:00'), 3)).toEqual(['2026-12-08', '2026-12-09', '2026-12-10']);
  });

  it('rejects a roster day without officers or with one twice, naming the field', () => {
    const result = makeRosterDaySchema().safeParse({ leaderUserId: 'a', officerUserIds: ['b', 'b'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['officerUserIds'], message: '值班员不能重复' });
    expect(makeRosterDaySchema('en').safeParse({ leaderUserId: 'a', officerUserIds: [] }).error?.issues[0]?.message).toBe('Officers on duty is required');
  });
});

describe('值班信息日报 by 16:00', () => {
  it('is due at 16:00 Beijing time and stands on time, late, missed or pending', () => {
    expect(dailyReportDueAt('2026-12-06').toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(dailyReportStanding('2026-12-06', at('2026-12-06T15:59:00+08:00'), at('2026-12-07T00:00:00+08:00'))).toBe('on_time');
    expect(dailyReportStanding('2026-12-06', at('2026-12-06T16:01:00+08:00'), at('2026-12-07T00:00:00+08:00'))).toBe('late');
    expect(dailyReportStanding('2026-12-06', null, at('2026-12-06T16:01:00+08:00'))).toBe('missed');
    expect(dailyReportStanding('2026-12-06', null, at('2026-12-06T15:00:00+08:00'))).toBe('pending');
  });

  it('tallies each expected unit over a period', () => {
    const filed = [{ unitId: 'lx-duty', day: '2026-12-01', filedAt: at('2026-12-01T15:00:00+08:00') }, { unitId: 'lx-duty', day: '2026-12-02', filedAt: at('2026-12-02T17:00:00+08:00') }];
    const tally = tallyDailyReports(['lx-duty', 'sj-duty'], daysBetween('2026-12-01', '2026-12-03'), filed, at('2026-12-03T12:00:00+08:00'));
    expect(tally).toEqual([
      { unitId: 'lx-duty', expected: 3, onTime: 1, late: 1, missed: 0, pending: 1 },
      { unitId: 'sj-duty', expected: 3, onTime: 0, late: 0, missed: 2, pending: 1 },
    ]);
  });

  it('goes to the level above: county duty office → city duty office, county bureau → city bureau', () => {
    const units = lincangTree();
    expect(dailyReportReceiverOf(units, 'lx-duty')?.id).toBe('lc-duty');
    expect(dailyReportReceiverOf(units, 'lx-yjj')?.id).toBe('lc-yjj');
    expect(dailyReportReceiverOf(units, 'yn-duty')).toBeNull();
    expect(dailyReportFilersFor(units, 'lc-duty').map((u) => u.id)).toEqual(['lx-duty', 'sj-duty']);
  });

  it('rejects a bad form with field paths', () => {
    const result = makeDailyReportSchema().safeParse({ day: '2026-13-01', leaderName: '黄磊', officerNames: '杨帆', incidentsReceived: -1, reportsSubmitted: 0, rollCall: 'x', summary: '平稳', filledBy: '杨帆', phone: '12' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['day', 'incidentsReceived', 'rollCall', 'phone']);
  });
});

describe('领导批示 relay', () => {
  const now = () => at('2026-12-06T12:00:00+08:00');
  it('needs a deadline after the instruction, and units named once', () => {
    const result = makeInstructionSchema('zh-CN', now).safeParse({ instructingLeader: '市长', instructedAt: '2026-12-06T11:00:00+08:00', text: '全力救治', unitIds: ['a'], dueAt: '2026-12-06T10:00:00+08:00' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['dueAt'], message: '落实时限须晚于批示时间' })]);
    const future = makeInstructionSchema('zh-CN', now).safeParse({ instructingLeader: '市长', instructedAt: '2026-12-07T11:00:00+08:00', text: '全力救治', unitIds: ['a', 'a'], dueAt: '2026-12-08T10:00:00+08:00' });
    expect(future.error?.issues.map((i) => i.path.join('.'))).toEqual(['instructedAt', 'unitIds']);
  });

  it('runs its 落实 clock like the report clocks: open, overdue, met or late', () => {
    const due = at('2026-12-06T18:00:00+08:00');
    expect(instructionClock(due, null, at('2026-12-06T17:00:00+08:00'))).toMatchObject({ status: 'open', overdue: false });
    expect(instructionClock(due, null, at('2026-12-06T19:00:00+08:00'))).toMatchObject({ status: 'open', overdue: true });
    expect(instructionClock(due, at('2026-12-06T17:59:00+08:00'), at('2026-12-07T00:00:00+08:00'))).toMatchObject({ status: 'met' });
    expect(instructionClock(due, at('2026-12-06T18:01:00+08:00'), at('2026-12-07T00:00:00+08:00'))).toMatchObject({ status: 'late' });
  });

  it('reminds of a 落实 deadline half-way there, but no earlier than an hour before it', () => {
    const due = at('2026-12-06T18:00:00+08:00');
    // a deadline 8 hours away: an hour before it, not half-way
    expect(instructionRemindAt(at('2026-12-06T10:00:00+08:00'), due)).toEqual(at('2026-12-06T17:00:00+08:00'));
    // a deadline 40 minutes away: half-way, 20 minutes before it
    expect(instructionRemindAt(at('2026-12-06T17:20:00+08:00'), due)).toEqual(at('2026-12-06T17:40:00+08:00'));
    // exactly two hours away: both rules give the same instant
    expect(instructionRemindAt(at('2026-12-06T16:00:00+08:00'), due)).toEqual(at('2026-12-06T17:00:00+08:00'));
    // relayed after the deadline passed: an instant already past, so the reminder fires at once (and finds it overdue)
    expect(instructionRemindAt(at('2026-12-06T19:00:00+08:00'), due).getTime()).toBeLessThan(at('2026-12-06T19:00:00+08:00').getTime());
  });

  it('counts each named unit\'s 落实 for the statistics: in time, late, overdue and still open', () => {
    const now = at('2026-12-06T20:00:00+08:00');
    const rows = [
      { dueAt: at('2026-12-06T18:00:00+08:00'), units: [{ unitId: 'lx', doneAt: at('2026-12-06T17:00:00+08:00') }, { unitId: 'sj', doneAt: null }] },
      { dueAt: at('2026-12-06T19:00:00+08:00'), units: [{ unitId: 'lx', doneAt: at('2026-12-06T19:30:00+08:00') }] },
      { dueAt: at('2026-12-07T09:00:00+08:00'), units: [{ unitId: 'sj', doneAt: null }] },
    ];
    expect(tallyInstructions(rows, now)).toEqual([
      { unitId: 'lx', named: 2, met: 1, late: 1, overdue: 0, open: 0 },
      { unitId: 'sj', named: 2, met: 0, late: 0, overdue: 1, open: 1 },
    ]);
    expect(dailyReportOnTimeRate({ onTime: 3, late: 1, missed: 0 })).toBe(0.75);
    expect(dailyReportOnTimeRate({ onTime: 0, late: 0, missed: 0 })).toBeNull();
  });

  it('takes 签收 before 落实情况, and nothing after', () => {
    expect(nextInstructionStep({ acknowledgedAt: null, doneAt: null })).toBe('acknowledge');
    expect(nextInstructionStep({ acknowledgedAt: new Date(), doneAt: null })).toBe('report');
    expect(nextInstructionStep({ acknowledgedAt: new Date(), doneAt: new Date() })).toBeNull();
  });
});
