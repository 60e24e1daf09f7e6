import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'codegen', include: ['packages/codegen/test/**/*.test.ts'] } },
      { test: { name: 'paginate', include: ['packages/paginate/test/**/*.test.ts'] } },
      {
        test: {
          name: 'client',
          include: ['packages/client/test/**/*.test.ts', 'packages/cli/test/**/*.test.ts', 'packages/mock/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
          globalSetup: ['test-utils/prism-setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
