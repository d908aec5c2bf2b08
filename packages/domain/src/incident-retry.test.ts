import { describe, expect, it } from 'vitest';
import { makeIncidentRetrySchema } from './incident-retry';

const schemaIn = makeIncidentRetrySchema;
const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

/** The rules of a retry, which the API parses with and the retry form checks before sending. */
describe('the retry schema', () => {
  const schema = schemaIn('zh-CN');

  it('takes retries of 1 to 10 and a reason, trimmed; 3 retries unless said', () => {
    expect(schema.parse({ retries: 1, reason: '  组织机构服务已恢复 ' })).toEqual({ retries: 1, reason: '组织机构服务已恢复' });
    expect(schema.parse({ retries: 10, reason: 'x'.repeat(500) }).retries).toBe(10);
    expect(schema.parse({ reason: '已恢复' })).toEqual({ retries: 3, reason: '已恢复' });
  });

  it('asks for a reason: missing, blank or over 500 characters, on the reason', () => {
    expect(issuesOf(schema.safeParse({ retries: 3 }))).toEqual([{ path: 'reason', message: '请填写重试原因' }]);
    expect(issuesOf(schema.safeParse({ retries: 3, reason: '   ' }))).toEqual([{ path: 'reason', message: '请填写重试原因' }]);
    expect(issuesOf(schema.safeParse({ reason: 'x'.repeat(501) }))).toEqual([{ path: 'reason', message: '重试原因不能超过 500 字' }]);
  });

  it('refuses retries outside 1–10, not whole, or cleared, on the retries', () => {
    for (const retries of [0, 11, 2.5, null, '3']) {
      expect(issuesOf(schema.safeParse({ retries, reason: '已恢复' }))).toEqual([{ path: 'retries', message: '重试次数须为 1 到 10 的整数' }]);
    }
  });

  it('speaks English in the English UI', () => {
    expect(issuesOf(schemaIn('en').safeParse({ retries: 0 }))).toEqual([
      { path: 'retries', message: 'Retries must be a whole number from 1 to 10' },
      { path: 'reason', message: 'Give the reason for the retry' },
    ]);
  });

  it('refuses what the API does not take', () => {
    expect(schema.safeParse({ reason: '已恢复', force: true }).success).toBe(false);
  });
});
