import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first';

export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'worker/**/*.test.ts', 'api/**/*.test.ts', 'test/**/*.test.ts', 'processes/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    // A worker keeps its imported modules from one test file to the next instead of importing the API, Prisma and
    // PGlite again for each of the 173 files: 40 % less CPU for the whole suite, all files passing (docs/adr/0053).
    // Files share module state, so a test never changes process.env, mocks a module or leaves fake timers on.
    isolate: false,
    // Vitest's default in a run is one worker fewer than the cores: one file at a time on a 2-core machine,
    // where two at once took the suite from ~590 s to ~475 s (docs/adr/0002).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The longest files first (measured durations in test/support/file-durations.json), so the workers end together:
    // on a clean clone vitest would run the largest files first and the browser files, small but slow, last (ADR 0053).
    sequence: { sequencer: LongestFirstSequencer },
    // PGlite templates of the test databases, built once per machine (test/support/global-setup.ts, ADR 0027).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
