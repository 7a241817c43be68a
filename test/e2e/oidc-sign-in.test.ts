/**
 * Sign in with OpenID Connect in Chromium: a person clicks "Sign in with Test ID" on /login, signs in at
 * a real provider (oidc-provider on 127.0.0.1, test/support/oidc-provider.ts), chooses a username and
 * lands signed in; signed out, the same button brings them straight back in. The browser may reach only
 * Quorum and the provider; the page logs no CSP violation (the sign-in form's redirect to the provider
 * is allowed by the login page's `form-action`), and axe finds no WCAG 2.2 AA problem on the new pages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js'
import { BasePage } from './pages/base-page.js'
import { E2E_TIMEOUT_MS, launchChromium, screenshot } from './support/browser.js'
import { freePort } from './support/members.js'
import { startServer, type E2eServer } from './support/server.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

describe.each(DIALECTS)('%s: sign in with an OpenID Connect provider', (dialect) => {
  let server: E2eServer
  let provider: TestProvider
  let context: BrowserContext
  const foreign: string[] = []
  const cspViolations: string[] = []

  beforeAll(async () => {
    const port = await freePort()
    const origin = `http://127.0.0.1:${port}`
    provider = await startTestProvider(`${origin}/auth/oidc/test/callback`, [
      {
        sub: 'browser-person',
        email: 'browser.person@example.test',
        email_verified: true,
        preferred_username: 'browser_person',
      },
    ])
    server = await startServer(dialect, {
      demo: false,
      port,
      env: { PUBLIC_URL: origin, OIDC_PROVIDERS: provider.configFor('test', 'Test ID') },
    })
    context = await browser.newContext({ baseURL: origin })
    await context.route(
      (url) => url.origin !== origin && url.origin !== provider.issuer,
      async (route) => {
        foreign.push(route.request().url())
        await route.abort()
      },
    )
  })
  afterAll(async () => {
    await context?.close()
    await server?.close()
    await provider?.close()
  })

  async function watch(page: Page): Promise<void> {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
    })
  }

  it('clicks the button, signs in at the provider, chooses a username and lands signed in', async () => {
    const page = await context.newPage()
    await watch(page)
    const shot = (step: string) => screenshot(page, `oidc-${dialect}-${step}`)

    const axe = new BasePage(page)
    await page.goto('/login?next=/tags')
    expect(await axe.axeViolations()).toEqual([])
    await shot('1-login')
    await Promise.all([
      page.waitForURL((url) => url.origin === provider.issuer),
      page.getByRole('button', { name: 'Sign in with Test ID' }).click(),
    ])
    await page.locator('#login').fill('browser-person')
    await shot('2-provider')
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/auth/oidc/account'),
      page.getByRole('button', { name: 'Continue' }).click(),
    ])
    expect(await page.locator('h1').textContent()).toBe('Finish signing in')
    expect(await page.locator('#oidc-username').inputValue()).toBe('browser_person')
    expect(await axe.axeViolations()).toEqual([])
    await shot('3-username')
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/tags'),
      page.getByRole('button', { name: 'Create account' }).click(),
    ])
    expect(await page.locator('a[href="/users/browser_person"]').count()).toBeGreaterThan(0)
    await shot('4-signed-in')
    await page.goto('/settings/logins')
    expect(await page.locator('table td').first().textContent()).toBe('Test ID')
    expect(await axe.axeViolations()).toEqual([])
    await shot('5-logins')

    // Signed out, the button signs the same person in again (the provider remembers them).
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: /sign out/i }).click(),
    ])
    expect(await page.locator('a[href="/users/browser_person"]').count()).toBe(0)
    await page.goto('/login')
    await Promise.all([
      page.waitForURL((url) => url.origin === server.origin && url.pathname === '/'),
      page.getByRole('button', { name: 'Sign in with Test ID' }).click(),
    ])
    expect(await page.locator('a[href="/users/browser_person"]').count()).toBeGreaterThan(0)

    const user = await server.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('username_key', '=', 'browser_person')
      .executeTakeFirstOrThrow()
    expect(user.password_hash).toBeNull()
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
