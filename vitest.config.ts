import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file starts its own server on its own database and closes it, so files need no fresh
    // process each: a worker keeps its loaded modules (the run's imports went from 111 s to 18 s).
    isolate: false,
    // Two cores, yet three files at once: much of a file's time is spent waiting (on the browser,
    // a child server, PostgreSQL). Measured on the suite: 2 workers 434 s, 3 workers 378 s, 4 406 s.
    maxWorkers: 3,
  },
});
