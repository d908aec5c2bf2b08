import { describe, expect, it } from 'vitest';
import { ERROR_CODES, policySchema, TASK_TYPES, type Policy } from '@kuaibao/domain';
import type { JobContext } from '../handler';
import { resolveClockHandler } from './resolve-clock';

/** 临沧's figures (000), inline: the worker does not read processes/. */
const lincang: Policy = policySchema.parse({
  code: '530900', name: '临沧市', nameEn: 'Lincang City', version: 3, effectiveFrom: '2020-04-28',
  sources: [{ seed: '000', title: '临政办发〔2020〕39号' }],
  clocks: [
    { severity: 'II', reportKind: 'first', channel: 'phone', within: 'PT30M', from: 'received', to: 'city_duty_office', rule: '000 三（二）二 电话' },
    { severity: 'II', reportKind: 'first', channel: 'written', within: 'PT1H', from: 'received', to: 'city_duty_office', rule: '000 三（二）二 书面' },
    { severity: 'any', sensitive: true, reportKind: 'first', channel: 'phone', within: 'PT0S', from: 'received', to: 'city_duty_office', rule: '000 三（二）三' },
    { severity: 'any', reportKind: 'verification', channel: 'phone', within: 'PT1H', from: 'received', rule: '000 三（四） 电话' },
    { severity: 'any', reportKind: 'verification', channel: 'written', within: 'PT2H30M', from: 'received', rule: '000 三（四） 书面' },
  ],
  reminders: ['PT15M', 'PT5M'],
  escalation: { recipients: ['current_assignees', 'leader_on_duty'] },
  requiresCityApprovalForProvince: false, directToCityDutyOfficeWhenUrgent: true, sectorLeaderSignOffFor: [],
});

const iso = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`).toISOString();
const job = { key: '1', type: TASK_TYPES.resolveClock, elementId: 'resolve-clock', elementInstanceKey: '2', instanceKey: '3', businessKey: 'KB-530902-20261123-0001', retries: 3, customHeaders: {} } as JobContext;
const handler = (now = '08:20') => resolveClockHandler({ policies: (code) => (code.startsWith('5309') ? lincang : undefined), now: () => new Date(iso(now)) });
const variables = {
  jurisdiction: '530902', severity: 'II', reportKind: 'first',
  occurredAt: '2026-11-23T08:00:00+08:00', learnedAt: '2026-11-23T08:10:00+08:00', receivedAt: '2026-11-23T08:20:00+08:00',
};

describe('resolve-clock handler', () => {
  it('completes with ISO due times a timeDate can use, reminders, and the rules cited', async () => {
    // when
    const outcome = await handler()(variables, job);

    // then
    expect(outcome).toEqual({
      complete: true,
      variables: {
        clocks: {
          policyCode: '530900', policyVersion: 3,
          phoneDueAt: iso('08:50'), phoneWithin: 'PT30M', writtenDueAt: iso('09:20'), writtenWithin: 'PT1H', stepDueAt: iso('09:20'),
          reminderAt: [iso('08:35'), iso('08:45'), iso('09:05'), iso('09:15')],
          escalateTo: ['current_assignees', 'leader_on_duty'],
          rules: [
            { channel: 'phone', to: 'city_duty_office', dueAt: iso('08:50'), startedAt: iso('08:20'), from: 'received', within: 'PT30M', immediate: false, rule: '000 三（二）二 电话' },
            { channel: 'written', to: 'city_duty_office', dueAt: iso('09:20'), startedAt: iso('08:20'), from: 'received', within: 'PT1H', immediate: false, rule: '000 三（二）二 书面' },
          ],
        },
      },
    });
  });

  it('makes a sensitive report immediate and drops reminders already past', async () => {
    const outcome = await handler('08:40')({ ...variables, sensitive: true }, job);
    expect(outcome).toMatchObject({ complete: true, variables: { clocks: { phoneDueAt: iso('08:20'), phoneWithin: 'PT0S', writtenDueAt: iso('09:20'), reminderAt: [iso('09:05'), iso('09:15')] } } });
  });

  it('gives the 核报 clocks from the request, and nulls where no figure exists', async () => {
    const verification = await handler()({ ...variables, reportKind: 'verification', receivedAt: '2026-11-23T10:00:00+08:00' }, job);
    expect(verification).toMatchObject({ variables: { clocks: { phoneDueAt: iso('11:00'), writtenDueAt: iso('12:30') } } });
    const followUp = await handler()({ ...variables, reportKind: 'follow_up' }, job);
    expect(followUp).toMatchObject({ variables: { clocks: { phoneDueAt: null, writtenDueAt: null, reminderAt: [], rules: [] } } });
  });

  it('throws NO_DEADLINE_POLICY for a jurisdiction without a policy', async () => {
    const outcome = await handler()({ ...variables, jurisdiction: '110101' }, job);
    expect(outcome).toMatchObject({ bpmnError: true, code: ERROR_CODES.NO_DEADLINE_POLICY });
  });

  it('fails with no retries on invalid variables, naming the field', async () => {
    const outcome = await handler()({ ...variables, severity: 'V', occurredAt: 'yesterday' }, job);
    expect(outcome).toMatchObject({ fail: true, retries: 0, message: expect.stringMatching(/severity[\s\S]*occurredAt/) });
  });
});
