import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { LongestFirstSequencer, testFileKind } from './longest-first';

const root = path.resolve(import.meta.dirname, '../..');
const spec = (file: string) => ({ moduleId: path.join(root, file), project: { name: '' } }) as unknown as TestSpecification;
const sequencer = (timed: Record<string, number>) =>
  new LongestFirstSequencer({
    config: { root },
    cache: { getFileTestResults: (key: string) => (key.slice(1) in timed ? { duration: timed[key.slice(1)]!, failed: false } : undefined) },
  } as unknown as Vitest);
const order = async (timed: Record<string, number>, files: string[]) =>
  (await sequencer(timed).sort(files.map(spec))).map((file) => path.relative(root, file.moduleId));

describe('the longest-first order of test files', () => {
  it('tells browser, system and unit test files apart by their path', () => {
    expect(testFileKind('test/web/flow.browser.test.ts')).toBe('browser');
    expect(testFileKind('test/api/default-flow.test.ts')).toBe('system');
    expect(testFileKind('packages/db/src/repositories/inbox.test.ts')).toBe('system');
    expect(testFileKind('test/engine-contract/timers.test.ts')).toBe('system');
    expect(testFileKind('packages/domain/src/severity.test.ts')).toBe('unit');
    expect(testFileKind('web/src/lib/report-draft.test.ts')).toBe('unit');
  });

  it('runs browser files first on a clean clone (no timings), then system files, then unit files, larger first within a kind', async () => {
    // given: no file timed yet; approver is the larger of the two browser files
    const files = ['packages/domain/src/duty/duty.test.ts', 'test/api/duty.test.ts', 'test/web/offline.browser.test.ts', 'test/web/approver.browser.test.ts'];
    // when / then
    expect(await order({}, files)).toEqual(['test/web/approver.browser.test.ts', 'test/web/offline.browser.test.ts', 'test/api/duty.test.ts', 'packages/domain/src/duty/duty.test.ts']);
  });

  it('puts a file by the duration vitest timed it at when there is one', async () => {
    // given: the API file took 90 s in the last run, the browser file 20 s; the unit file is not timed
    const timed = { 'test/api/duty.test.ts': 90_000, 'test/web/offline.browser.test.ts': 20_000 };
    // when / then
    expect(await order(timed, ['test/web/offline.browser.test.ts', 'packages/domain/src/duty/duty.test.ts', 'test/api/duty.test.ts'])).toEqual([
      'test/api/duty.test.ts',
      'test/web/offline.browser.test.ts',
      'packages/domain/src/duty/duty.test.ts',
    ]);
  });
});
