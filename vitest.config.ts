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
    // A worker runs its test files in one module graph: importing the app (~500 modules) cost every file
    // ~2 s, 40 % of the run's CPU. What modules keep per process is reset before each file (per-file.ts).
    isolate: false,
    setupFiles: ['test/support/per-file.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a page or a mailbox to change. Vitest's default gives up after one second,
    // which a busy machine misses (a reply posted in Chromium took longer under the full run): waiting
    // is bounded by this instead, and a poll that can never pass still fails.
    expect: { poll: { timeout: 20_000 } },
    pool: 'forks',
    // One test file per core. Vitest's default leaves a core free (one file at a time on a two-core
    // machine), but most files wait on PostgreSQL, Chromium or sockets, not on the CPU.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default'],
  },
})
