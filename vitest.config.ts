import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mujun/source'] },
  ssr: { resolve: { conditions: ['@mujun/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
