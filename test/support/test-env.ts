/**
 * What the test run is told by its environment, and what the global setup (global-setup.ts) hands the test
 * workers through Vitest's provide/inject. No Vitest runtime import here: the global setup runs outside the
 * workers.
 */
import type { Dialect } from '../../src/config.js'

/** TEST_POSTGRES_URL when set: the server tried first (global-setup.ts falls back to an embedded one). */
export const CONFIGURED_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** DIALECTS=sqlite,postgres (the default) or one of them. */
export function parseDialects(value = 'sqlite,postgres'): Dialect[] {
  return value
    .split(',')
    .map((d) => d.trim())
    .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres')
}

/** How the browser suites start Chromium: the binary, and what its process needs in its environment. */
export interface ChromiumLaunch {
  readonly executablePath: string
  readonly env: Readonly<Record<string, string>>
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL the run uses; unset when DIALECTS leaves PostgreSQL out. */
    testPostgresUrl: string | undefined
    /** The Chromium the browser suites launch, or why there is none (they fail with it, never skip). */
    testChromium: ChromiumLaunch | { readonly error: string }
  }
}
