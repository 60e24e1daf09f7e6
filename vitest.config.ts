import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'codegen', include: ['packages/codegen/test/**/*.test.ts'] } },
      { test: { name: 'paginate', include: ['packages/paginate/test/**/*.test.ts'] } },
      {
        test: {
          name: 'client',
          include: [
            'packages/client/test/**/*.test.ts',
            'packages/cli/test/**/*.test.ts',
            'packages/mock/test/**/*.test.ts',
            'packages/bot/test/**/*.test.ts',
            'examples/*/test/**/*.test.ts',
          ],
          globalSetup: ['test-utils/prism-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // Every ```ts block of the READMEs type-checked as a new project would, and the marked ones run against a Prism mock
        // (docs-test/snippets.test.ts).
        test: {
          name: 'docs',
          include: ['docs-test/**/*.test.ts'],
          globalSetup: ['test-utils/prism-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Publishes every package to a throwaway Verdaccio and uses them from a fresh directory (release-test/release.test.ts).
        test: {
          name: 'release',
          include: ['release-test/**/*.test.ts'],
          globalSetup: ['release-test/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Bundles a page that uses the client and drives the Chromium from @sparticuz/chromium against the Prism mock (browser-test/browser.test.ts).
        test: {
          name: 'browser',
          include: ['browser-test/**/*.test.ts'],
          globalSetup: ['release-test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
