import { defineConfig } from 'vitest/config';

// The root test config (vitest 4 no longer reads a workspace file by itself):
// `vitest run --config vitest.workspace.ts`. Workspace imports resolve to TypeScript source
// through the `source` export condition, so no build is needed before testing.
export default defineConfig({
  test: {
    globalSetup: ['./scripts/test-setup.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'core',
          root: './packages/core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'cli',
          root: './packages/cli',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          // every test starts the real, built CLI as a child process
          testTimeout: 60_000,
        },
      },
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: { name: 'web', root: './apps/web', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        // Browser tests: build the real app, serve it on localhost, drive it in Debian's Chromium.
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'web-e2e',
          root: './apps/web',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
