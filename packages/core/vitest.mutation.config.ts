import { defineConfig } from 'vitest/config';

// The core's unit tests of the mutated modules, without the root set-up that builds the CLI:
// what the mutation test runs (stryker.config.json).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    root: import.meta.dirname,
    include: ['src/money/**/*.test.ts', 'src/apportion/**/*.test.ts', 'src/status/**/*.test.ts', 'src/keys/**/*.test.ts', 'src/allocation/allocate.test.ts', 'src/scenario/validate.test.ts'],
    environment: 'node',
  },
});
