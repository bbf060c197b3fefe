import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // One worker per core: vitest's default leaves one core idle (numCpus − 1), which on the project's
    // 2-core machines ran every file one after another (598 s, conformance.test.ts alone 312 s, the other
    // 58 files 256 s). The tests are simulations, not timed, so they do not mind sharing the machine.
    maxWorkers: availableParallelism(),
  },
});
