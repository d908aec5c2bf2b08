import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './json-depth';

const bytes = (text: string) => new TextEncoder().encode(text);
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('the nesting depth of a JSON body', () => {
  it('passes a body at the limit and refuses one a level deeper', () => {
    expect(jsonDepthExceeds(bytes(nested(32)), 32)).toBe(false);
    expect(jsonDepthExceeds(bytes(nested(33)), 32)).toBe(true);
    expect(jsonDepthExceeds(bytes(`{"a":{"b":${nested(31)}}}`), 32)).toBe(true);
  });

  it('counts siblings once, not the brackets added up', () => {
    expect(jsonDepthExceeds(bytes(`[${Array.from({ length: 100 }, () => '{"a":[1]}').join(',')}]`), 3)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(bytes(JSON.stringify({ title: '[[[{{{"[[[' + '\\"[[[' })), 2)).toBe(false);
    expect(jsonDepthExceeds(bytes(JSON.stringify({ title: '火灾“[”' + '['.repeat(100) })), 1)).toBe(false);
  });

  it('reads 5,000 levels without recursion', () => {
    expect(jsonDepthExceeds(bytes(`{"username":"x","password":${nested(5000)}}`), 32)).toBe(true);
  });
});
