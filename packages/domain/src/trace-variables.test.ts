import { describe, expect, it } from 'vitest';
import { makeVariableEditSchema, sameJson, VARIABLE_VALUE_MAX_CHARS } from './trace-variables';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('editing a flow variable (docs/adr/0045)', () => {
  const schema = makeVariableEditSchema();

  it('takes any JSON value, the value seen before and a trimmed reason', () => {
    expect(schema.parse({ value: 'III', expected: 'II', reason: ' 现场核实 ' })).toEqual({ value: 'III', expected: 'II', reason: '现场核实' });
    expect(schema.parse({ value: null, expected: { a: [1] }, reason: '清空' })).toEqual({ value: null, expected: { a: [1] }, reason: '清空' });
  });

  it('asks for the value, the value before and a reason, each on its field, in Chinese and English', () => {
    expect(issuesOf(schema.safeParse({ reason: '  ' }))).toEqual([
      { path: 'value', message: '请填写变量的新值' },
      { path: 'expected', message: '缺少修改前的值（用于检查变量是否已被他人修改）' },
      { path: 'reason', message: '请填写操作原因' },
    ]);
    expect(issuesOf(makeVariableEditSchema('en').safeParse({ expected: 1, reason: 'x' }))).toEqual([{ path: 'value', message: 'Give the variable’s new value' }]);
  });

  it('refuses a value whose JSON is over the limit', () => {
    expect(issuesOf(schema.safeParse({ value: 'x'.repeat(VARIABLE_VALUE_MAX_CHARS), expected: 1, reason: '太长' }))).toEqual([{ path: 'value', message: `变量值不能超过 ${VARIABLE_VALUE_MAX_CHARS} 个字符` }]);
  });

  it('compares JSON values whatever the order of their keys', () => {
    expect(sameJson({ a: 1, b: [{ c: 2, d: 3 }] }, { b: [{ d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson('II', 'III')).toBe(false);
    expect(sameJson(null, null)).toBe(true);
  });
});
