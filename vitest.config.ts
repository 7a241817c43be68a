import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Tiers (STYLE.md): unit tests touch no database; integration tests run once per dialect in DIALECTS.
export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.{ts,tsx}',
      'test/integration/**/*.test.{ts,tsx}',
      'test/conformance/**/*.test.{ts,tsx}',
      // Browser suites (playwright-core + Chromium from @sparticuz/chromium); they set their own longer timeouts.
      'test/e2e/**/*.test.{ts,tsx}',
    ],
    // Picks PostgreSQL (TEST_POSTGRES_URL, or an embedded one for the run) and Chromium, and prints both.
    globalSetup: ['test/support/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per core. Vitest's default leaves a core free (one file at a time on a two-core
    // machine), but most files wait on PostgreSQL, Chromium or sockets, not on the CPU.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default'],
  },
})
