/**
 * Chromium driven by playwright-core: one browser per test file, launched here with the flags CI uses. The
 * binary is the one the global setup picked (test/support/chromium.ts: @sparticuz/chromium from npm, or
 * TEST_CHROMIUM). Without one the suite fails with the reason; browser suites never skip.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core'
import { inject } from 'vitest'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
]

/** Where screenshots go (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../../../test-results', import.meta.url))

/** Browser suites are slower than the rest: these apply to their hooks and tests. */
export const E2E_TIMEOUT_MS = 120_000

/**
 * Launches headless Chromium, or throws saying why there is none.
 * @example const browser = await launchChromium(); try { ... } finally { await browser.close() }
 */
export async function launchChromium(): Promise<Browser> {
  const binary = inject('testChromium')
  if ('error' in binary)
    throw new Error(`No Chromium for the browser suites (they never skip): ${binary.error}`)
  return chromium.launch({
    executablePath: binary.executablePath,
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...binary.env },
  })
}

/** A context whose pages may only reach our server: anything else is aborted and recorded. */
export async function newContext(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext & { foreignRequests: string[] }> {
  const context = Object.assign(await browser.newContext({ baseURL: origin, ...options }), {
    foreignRequests: [] as string[],
  })
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      context.foreignRequests.push(route.request().url())
      await route.abort()
    },
  )
  return context
}

/** Saves a full-page screenshot under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
