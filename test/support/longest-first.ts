import { statSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * How long a test file of each kind runs, in seconds, when vitest has not timed it yet (a clean clone, as in CI):
 * a browser file drives Chromium against a server of its own; a system file starts a server, an engine or a
 * database; the rest are unit tests. Rough figures of a run on 2 cores (docs/adr/0053); only their order matters.
 */
export const ESTIMATED_SECONDS = { browser: 40, system: 15, unit: 1 } as const;

export type TestFileKind = keyof typeof ESTIMATED_SECONDS;

const SYSTEM_DIRS = ['test/api/', 'test/embedded/', 'test/engine-contract/', 'test/worker/', 'test/compose/', 'packages/db/', 'processes/'];

/** The kind of a test file, by its path relative to the repository. */
export function testFileKind(file: string): TestFileKind {
  if (file.endsWith('.browser.test.ts')) return 'browser';
  if (SYSTEM_DIRS.some((dir) => file.startsWith(dir))) return 'system';
  return 'unit';
}

/**
 * Runs the longest test files first, so that the workers finish together instead of one running a long file alone
 * at the end (docs/adr/0053). Vitest orders by the durations of its last run (its cache), and without them by size:
 * on a clean clone the browser files, short to read and long to run, came last. Here a file vitest has timed keeps
 * that duration; one it has not is estimated by its kind, and within a kind the larger file goes first.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const estimate = (file: TestSpecification): [number, number] => {
      const name = path.relative(root, file.moduleId).split(path.sep).join('/');
      const timed = this.ctx.cache.getFileTestResults(`${file.project.name}:${name}`);
      const size = statSync(file.moduleId, { throwIfNoEntry: false })?.size ?? 0;
      return [timed ? timed.duration / 1000 : ESTIMATED_SECONDS[testFileKind(name)], size];
    };
    const order = new Map(files.map((file) => [file, estimate(file)]));
    return Promise.resolve([...files].sort((a, b) => {
      const [secondsA, sizeA] = order.get(a)!;
      const [secondsB, sizeB] = order.get(b)!;
      return secondsB - secondsA || sizeB - sizeA;
    }));
  }
}
