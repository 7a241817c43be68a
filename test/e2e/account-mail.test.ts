/**
 * Issue 21's account walk in Chromium against a real SMTP server: a new person registers, the
 * confirmation mail arrives, they open its link and press Confirm (posting was held until then),
 * forget their password, follow the reset mail, choose a new one and are signed in.
 */
import type { ParsedMail } from 'mailparser'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { startSmtp, type TestSmtp } from '../support/smtp.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { signIn, signUp } from './support/members.js'
import { startServer, type E2eServer } from './support/server.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

describe.each(DIALECTS)('%s: register, confirm, forget, reset', (dialect) => {
  let server: E2eServer
  let smtp: TestSmtp
  beforeAll(async () => {
    smtp = await startSmtp()
    server = await startServer(dialect, { env: { SMTP_URL: smtp.url } })
  })
  afterAll(async () => {
    await server?.close()
    await smtp?.close()
  })

  /** Runs the queued mail; returns the newest message to `to` and its link, opened on our server. */
  async function mailTo(to: string, pathname: string): Promise<{ mail: ParsedMail; path: string }> {
    await server.app.jobs.drain()
    const mail = smtp.received
      .filter((m) => m.to && !Array.isArray(m.to) && m.to.text === to)
      .at(-1)
    if (!mail) throw new Error(`no mail to ${to}`)
    const url = new RegExp(`\\S+${pathname}\\?token=[\\w-]+`).exec(mail.text ?? '')?.[0] ?? ''
    // Links are built from PUBLIC_URL (http://quorum.test in the test app), never from the Host.
    expect(url.startsWith(`${server.app.config.publicUrl}${pathname}?token=`)).toBe(true)
    const parsed = new URL(url)
    return { mail, path: `${parsed.pathname}${parsed.search}` }
  }

  it('walks the whole account-mail path in the browser', async () => {
    const username = `walker_${dialect}`
    const email = `${username}@example.test`
    const page = await (await newContext(browser, server.origin)).newPage()
    const shot = (step: string) => screenshot(page, `account-mail-${dialect}-${step}`)

    await signUp(page, username, 'a first long passphrase', email)
    expect(await page.locator('h1').textContent()).toBe('Check your email')
    const verify = await mailTo(email, '/email/confirm')
    expect(verify.mail.subject).toBe('Confirm your email address for Quorum')

    // Signed in but unconfirmed: the banner says posting waits.
    await signIn(page, username, 'a first long passphrase')
    await expect
      .poll(() => page.locator('.email-banner').textContent())
      .toContain('Confirm your email address to ask, reply and comment')
    await shot('1-banner')

    await page.goto(verify.path)
    expect(await page.locator('h1').textContent()).toBe('Confirm your address')
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: 'Confirm' }).click(),
    ])
    await expect.poll(() => page.locator('h1').textContent()).toBe('Address confirmed')
    expect(await page.locator('.email-banner').count()).toBe(0)
    await shot('2-confirmed')

    // Forgotten: sign out, ask for a link from the sign-in page.
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: /sign out/i }).click(),
    ])
    await page.goto('/login')
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/password/forgot'),
      page.getByRole('link', { name: 'Forgot password?' }).click(),
    ])
    await page.locator('#forgot-login').fill(email)
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: 'Send me a link' }).click(),
    ])
    await expect.poll(() => page.locator('main').textContent()).toContain('If an account matches')
    const reset = await mailTo(email, '/password/reset')
    expect(reset.mail.subject).toBe('Reset your Quorum password')

    await page.goto(reset.path)
    await page.locator('#reset-password').fill('a second long passphrase')
    await shot('3-reset')
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: 'Set password and sign in' }).click(),
    ])
    expect(await page.locator(`a[href="/users/${username}"]`).count()).toBeGreaterThan(0)
    await shot('4-signed-in')

    // The old password is gone; the link is spent.
    const other = await (await newContext(browser, server.origin)).newPage()
    await other.goto(reset.path)
    expect(await other.locator('h1').textContent()).toBe('This link was already used')
  })
})
