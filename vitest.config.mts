import { defineConfig } from 'vitest/config';

// Two projects: unit (pure, fast) and integration (real SQLite files + simulators on 127.0.0.1).
// Playwright end-to-end tests live in test/e2e and run with `playwright test`, not vitest.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'renderer/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
