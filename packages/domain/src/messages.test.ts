import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorMapFor, formatMessage, messages } from './messages';

describe('messages', () => {
  it('have the same codes in both languages, none empty, and the same parameters', () => {
    for (const code of Object.keys(messages['zh-CN']) as (keyof (typeof messages)['zh-CN'])[]) {
      const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(messages.en[code], code).not.toBe('');
      expect(params(messages.en[code]), code).toEqual(params(messages['zh-CN'][code]));
    }
  });

  it('fill in parameters and leave unknown ones visible', () => {
    expect(formatMessage('zh-CN', 'count.negative', { field: '死亡人数' })).toBe('死亡人数不能为负数');
    expect(formatMessage('en', 'text.tooLong', { field: 'Title', max: 100 })).toBe('Title must be at most 100 characters');
    expect(formatMessage('zh-CN', 'count.negative')).toBe('{field}不能为负数');
  });
});

describe('errorMapFor', () => {
  const schema = z.object({ name: z.string(), age: z.number().min(18) });

  it('says "required" for a missing key in the chosen language', () => {
    expect(schema.safeParse({ age: 20 }, { error: errorMapFor('zh-CN') }).error?.issues[0]?.message).toBe('此项为必填项');
    expect(schema.safeParse({ age: 20 }, { error: errorMapFor('en') }).error?.issues[0]?.message).toBe('This field is required');
  });

  it("falls back to zod's own translation for everything else", () => {
    // when
    const zh = schema.safeParse({ name: 'x', age: 3 }, { error: errorMapFor('zh-CN') }).error?.issues[0]?.message;
    const en = schema.safeParse({ name: 'x', age: 3 }, { error: errorMapFor('en') }).error?.issues[0]?.message;

    // then
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/too small/i);
  });
});
