import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { problemMessage } from './form-errors';

describe('problemMessage', () => {
  const problem = {
    type: 'https://kuaibao.example/problems/validation-failed', title: '请求内容有误', status: 400, code: 'VALIDATION_FAILED',
    detail: 'cause: 原因为必填项; measures: 已采取的措施为必填项',
    errors: [{ path: 'cause', message: '原因为必填项' }, { path: 'measures', message: '已采取的措施为必填项' }],
  };

  it('says the field messages, without their paths, in the UI language’s punctuation', () => {
    expect(problemMessage(new ApiError(problem), 'zh-CN')).toBe('原因为必填项；已采取的措施为必填项');
    expect(problemMessage(new ApiError({ ...problem, errors: [{ path: 'cause', message: 'Cause is required' }, { path: 'x', message: 'Cause is required' }] }), 'en')).toBe('Cause is required');
  });

  it('says the problem itself when it names no field', () => {
    expect(problemMessage(new ApiError({ ...problem, errors: undefined, detail: '首报尚未审签' }), 'zh-CN')).toBe('首报尚未审签');
    expect(problemMessage(new Error('Failed to fetch'), 'en')).toBe('Failed to fetch');
  });
});
