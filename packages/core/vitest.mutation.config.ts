import { defineConfig } from 'vitest/config';

// The core's unit tests of the mutated modules (money, apportion, status, keys), without the root
// set-up that builds the CLI: what the mutation test runs (stryker.config.json). A mutant must be
// killed by the tests of its own module, not only by the allocation tests far above it.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    root: import.meta.dirname,
    include: ['src/money/**/*.test.ts', 'src/apportion/**/*.test.ts', 'src/status/**/*.test.ts', 'src/keys/**/*.test.ts'],
    environment: 'node',
  },
});
