/**
 * Passkeys in Chromium with the DevTools protocol's virtual authenticator (CTAP2, internal, resident
 * keys, user verification): add a passkey under settings, sign out, sign in with it alone, then use it
 * as the second step after the password. And TOTP: turn codes on from the QR page's key, sign in with one. WebAuthn needs a secure context and a domain as relying
 * party, so this server's PUBLIC_URL is http://localhost:PORT and the browser goes there.
 */
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAccount } from '../../src/domain/users/index.js'
import { TEST_PASSWORD } from '../support/agent.js'
import { buildTestApp } from '../support/build-test-app.js'
import { DIALECTS } from '../support/dialects.js'
import { openTestDb } from '../support/test-db.js'
import { BasePage } from './pages/base-page.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { freePort, signIn as signInWithPassword } from './support/members.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

/** The code an authenticator app shows `offsetS` seconds from now. */
function codeAt(secret: string, offsetS: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetS })
}

/** A virtual platform authenticator for this page, as a phone or laptop would have. */
async function addAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
}

async function signIn(page: Page, username: string, landing: string): Promise<void> {
  await signInWithPassword(page, username, TEST_PASSWORD, landing)
}

async function signOut(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.locator('form[action="/logout"] button').click(),
  ])
  expect(await page.locator('form[action="/logout"]').count()).toBe(0)
}

describe.each(DIALECTS)('%s: passkeys in Chromium', (dialect) => {
  let app: FastifyInstance
  let dispose: () => Promise<void>
  let origin: string

  beforeAll(async () => {
    const opened = await openTestDb(dialect)
    dispose = opened.dispose
    const port = await freePort()
    origin = `http://localhost:${port}`
    app = await buildTestApp(opened.handle, { PUBLIC_URL: origin })
    await app.listen({ port, host: 'localhost' })
    for (const username of ['passkey_user', 'totp_user']) {
      const created = await createAccount(opened.handle.db, {
        username,
        email: `${username}@example.test`,
        password: TEST_PASSWORD,
        role: 'member',
        title: null,
      })
      expect(created.ok).toBe(true)
    }
  })
  afterAll(async () => {
    await app?.close()
    await dispose?.()
  })

  it('adds a passkey, signs in with it alone, and uses it as the second step', async () => {
    const context = await newContext(browser, origin)
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    await addAuthenticator(context, page)

    await page.goto('/login')
    await page.locator('#login-name').fill('passkey_user')
    await page.locator('#login-password').fill(TEST_PASSWORD)
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.locator('form[action="/login"] button[type="submit"]').click(),
    ])

    await page.goto('/settings/security')
    await page.locator('#passkey-name').fill('Test laptop')
    await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/settings/security/passkeys') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Add a passkey' }).click(),
    ])
    await page.getByText('Passkey added. Save your recovery codes now.').waitFor()
    expect(await page.locator('.recovery-code-list li').count()).toBe(10)
    expect(await page.locator('.passkey-list li strong').allTextContents()).toEqual(['Test laptop'])
    await screenshot(page, `passkeys-${dialect}-added`)

    // Passwordless.
    await signOut(page)
    await page.goto('/login?next=/settings/security')
    const passkeyButton = page.getByRole('button', { name: 'Sign in with a passkey' })
    await passkeyButton.waitFor() // shown by the script once it sees WebAuthn
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/settings/security'),
      passkeyButton.click(),
    ])
    expect(await page.locator('h1').textContent()).toBe('Security')
    expect(await page.locator('.passkey-list li').textContent()).toContain('last used')

    // As the second step after the password.
    await signOut(page)
    await page.goto('/login')
    await page.locator('#login-name').fill('passkey_user')
    await page.locator('#login-password').fill(TEST_PASSWORD)
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/login/two-factor'),
      page.locator('form[action="/login"] button[type="submit"]').click(),
    ])
    expect(await page.locator('form[action="/logout"]').count()).toBe(0) // not signed in yet
    await page.getByRole('button', { name: 'Use a passkey' }).waitFor()
    expect(await new BasePage(page).axeViolations()).toEqual([])
    await screenshot(page, `passkeys-${dialect}-second-step`)
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: 'Use a passkey' }).click(),
    ])
    expect(await page.locator('form[action="/logout"]').count()).toBe(1)
    expect(violations).toEqual([])
    expect(context.foreignRequests).toEqual([])
    await context.close()
  })
  it('turns on codes from an authenticator app and signs in with one', async () => {
    const context = await newContext(browser, origin)
    const page = await context.newPage()
    await signIn(page, 'totp_user', '/')
    await page.goto('/settings/security')
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/settings/security/totp/setup'),
      page.getByRole('button', { name: 'Set up an authenticator app' }).click(),
    ])
    expect(await page.locator('svg.qr-code path').count()).toBe(1)
    expect(await new BasePage(page).axeViolations()).toEqual([])
    const secret = (await page.locator('.totp-secret').textContent()) ?? ''
    await page.locator('#totp-code').fill(await codeAt(secret, 0))
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/settings/security/totp/enable'),
      page.getByRole('button', { name: 'Turn on codes' }).click(),
    ])
    expect(await page.locator('.recovery-code-list li').count()).toBe(10)
    await screenshot(page, `totp-${dialect}-on`)

    await signOut(page)
    await signIn(page, 'totp_user', '/login/two-factor')
    await page.locator('#second-step-code').fill(await codeAt(secret, 30))
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ])
    expect(await page.locator('form[action="/logout"]').count()).toBe(1)
    await context.close()
  })
})
