import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // The CLI and browser mode run built JavaScript (out/node): rebuilt first when a source changed.
    globalSetup: ['./test/helpers/build-node-setup.ts'],
    projects: [
      {
        // electron/main and electron/preload run against a stand-in that records what they call.
        resolve: { alias: [{ find: /^electron$/, replacement: resolve(import.meta.dirname, 'test/stubs/electron.ts') }] },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          // Hooks that import the samples or the demo ledger take seconds; a busy machine makes that more.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The page under test is out/renderer: rebuilt first when a source changed.
          globalSetup: ['./test/helpers/renderer-build-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: the CI machine has two cores.
          fileParallelism: false,
          // A poll waits for the page to show the ledger's answer; on a busy machine a round trip takes
          // seconds, and vitest's default of 1 s failed a correct page (import-stale-preview, CI-sized load).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
