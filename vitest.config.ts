import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mujun/source'] },
  ssr: { resolve: { conditions: ['@mujun/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    // End-to-end tests start processes and a browser; on a busy CI machine that takes seconds, not ms.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page redrawn after a request can take seconds there too; a poll that succeeds returns at once.
    expect: { poll: { timeout: 15_000 } },
  },
});
