import { describe, expect, it } from 'vitest';
import { applyMappings, resolveList, resolveValue } from './feel';

describe('FEEL values', () => {
  it('evaluates =expressions and leaves static values alone', () => {
    expect(resolveValue('=dead + injured', { dead: 1, injured: 4 })).toBe(5);
    expect(resolveValue('PT30M', {})).toBe('PT30M');
  });

  it('turns FEEL temporal values into ISO strings', () => {
    expect(resolveValue('=date and time("2026-11-22T08:00:00Z") + duration("PT1H")', {})).toBe('2026-11-22T09:00:00Z');
  });

  it('reports a broken expression as a step failure with the expression', () => {
    expect(() => resolveValue('=dead +', {})).toThrow(expect.objectContaining({ code: 'STEP_FAILED', message: expect.stringContaining('dead +') }));
  });

  it('maps into nested targets', () => {
    expect(applyMappings([{ source: '=a', target: 'report.severity' }, { source: '=report.severity', target: 'copy' }], { a: 'II' })).toEqual({
      report: { severity: 'II' },
      copy: 'II',
    });
  });

  it('reads candidate lists as static comma lists or FEEL lists', () => {
    expect(resolveList('a, b,,c', {})).toEqual(['a', 'b', 'c']);
    expect(resolveList('=groups', { groups: ['x', 'y'] })).toEqual(['x', 'y']);
    expect(resolveList('=group', { group: 'x' })).toEqual(['x']);
    expect(resolveList(undefined, {})).toEqual([]);
  });
});
