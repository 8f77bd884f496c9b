import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    setupFiles: ['./__tests__/support/setup.ts'],
    // The end-to-end files spend most of their time waiting on simulated tasks, not on the CPU: run a few at
    // once even on a 2-core machine (vitest's default there is one at a time).
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    // `npm test` runs with --coverage: what the in-process tests cover of src/ (the end-to-end tests run dist/ in
    // child processes, which v8 coverage of this process does not see). CONTRIBUTING.md states the figures.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.tmp/coverage',
    },
  },
})
