/**
 * Issue 22's "done when", in Chromium with two people: A asks, B replies; A's open thread page learns
 * of the reply without a reload ("1 new reply: show", then the reply in place), then of B's edit (the
 * new body in place), of A's accept and comment from another tab (the mark moves, the comment shows
 * under the reply), still without a reload; A's bell shows 1,
 * /notifications lists it, a mail reaches the test SMTP server, and its unsubscribe link works in a
 * browser that is not signed in.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { startSmtp, type TestSmtp } from '../support/smtp.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { BasePage } from './pages/base-page.js'
import { establish, signIn, signUp } from './support/members.js'
import { startServer, type E2eServer } from './support/server.js'

const PASSWORD = 'a long and unusual passphrase'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

const TITLE = 'PCIe link drops to Gen1 after resume from S3'
const REPLY = 'Retrain the link in your resume callback; the root port forgets the target speed.'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

/** Signs up and in; the person is then an established member (this journey is not about new accounts). */
async function register(page: Page, server: E2eServer, username: string): Promise<void> {
  await signUp(page, username, PASSWORD)
  await establish(server.db, username)
  await signIn(page, username, PASSWORD)
}

describe.each(DIALECTS)('%s: notifications reach the asker', (dialect) => {
  let server: E2eServer
  let smtp: TestSmtp
  beforeAll(async () => {
    smtp = await startSmtp()
    server = await startServer(dialect, {
      // Confirming the address is account mail's own suite; here both people post at once.
      env: {
        SMTP_URL: smtp.url,
        NOTIFY_EMAIL_WINDOW_SECONDS: '0',
        REQUIRE_EMAIL_VERIFICATION: 'never',
      },
    })
  })
  afterAll(async () => {
    await server?.close()
    await smtp?.close()
  })

  it('A asks, B replies: live reply, bell, list, mail, unsubscribe signed out', async () => {
    const a = await (await newContext(browser, server.origin)).newPage()
    const b = await (await newContext(browser, server.origin)).newPage()
    const shot = (page: Page, step: string) => screenshot(page, `notify-${dialect}-${step}`)

    await register(a, server, 'notify_asker')
    await a.goto('/ask')
    await a.locator('#ask-title').fill(TITLE)
    await a.locator('#ask-body').fill('After S3 the link trains at 2.5 GT/s only.')
    await a.locator('#ask-tags').fill('kernel')
    await Promise.all([
      a.waitForURL(/\/threads\/\d+\//),
      a.getByRole('button', { name: 'Post question' }).click(),
    ])
    const threadUrl = a.url()
    await server.app.jobs.drain()
    // The page's stream is open once the server counts it.
    await expect.poll(() => server.app.live.size, { timeout: 10_000 }).toBeGreaterThan(0)

    await register(b, server, 'notify_helper')
    await b.goto(threadUrl)
    await b.locator('#reply-body').fill(REPLY)
    await b.getByRole('button', { name: /post reply|reply/i }).click()
    await b.locator('.reply-list .post-body', { hasText: 'Retrain the link' }).waitFor()

    // A's page, never reloaded: the bar, then the reply in place.
    const bar = a.getByRole('button', { name: '1 new reply: show' })
    await bar.waitFor({ timeout: 2_000 })
    await shot(a, '1-bar')
    await bar.click()
    await a.locator('.reply-list .post-body', { hasText: 'Retrain the link' }).waitFor()
    const replyId = await a.locator('.reply-list > article').first().getAttribute('id')
    expect(replyId).toMatch(/^post-\d+$/)
    const replyPath = `/posts/${replyId!.slice('post-'.length)}`

    // B edits the reply: A's page shows the new body in place.
    await b.goto(`${replyPath}/edit`)
    await b.locator('#edit-body').fill(`${REPLY} Then re-enable ASPM.`)
    await Promise.all([
      b.waitForURL(/\/threads\/\d+/),
      b.getByRole('button', { name: 'Save changes' }).click(),
    ])
    await a
      .locator(`#${replyId} .post-body`, { hasText: 'Then re-enable ASPM.' })
      .waitFor({ timeout: 2_000 })
    // A accepts it from another tab: the mark appears on the open page.
    const a2 = await a.context().newPage()
    await a2.goto(threadUrl)
    await a2.getByRole('button', { name: 'Accept answer' }).click()
    await a2.getByRole('button', { name: 'Unaccept' }).waitFor()
    await a.locator(`#${replyId}.is-accepted [data-accepted-badge]`).waitFor({ timeout: 2_000 })
    // A comments under the reply from that tab too: the comment appears under it on the open page.
    await a2.locator(`#${replyId} .comment-composer summary`).click()
    // Typing "@notify_he" offers B's name (keyboard: Enter takes the highlighted one; axe-clean).
    const comment = a2.locator(`#comment-body-${replyId!.slice('post-'.length)}`)
    await comment.pressSequentially('Confirmed on 6.8 too. Thanks @notify_he')
    await a2.getByRole('option', { name: '@notify_helper' }).waitFor()
    expect(await new BasePage(a2).axeViolations()).toEqual([])
    await comment.press('Enter')
    expect(await comment.inputValue()).toBe('Confirmed on 6.8 too. Thanks @notify_helper ')
    await a2.getByRole('button', { name: 'Add comment' }).click()
    await a
      .locator(`#${replyId} .comment-list .comment-body`, { hasText: 'Confirmed on 6.8 too.' })
      .waitFor({ timeout: 2_000 })
    await a2.close()
    await shot(a, '1b-in-place')
    expect(await a.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)

    // The notify job runs; A's bell changes live.
    await server.app.jobs.drain()
    await a.locator('[data-bell-count]', { hasText: '1' }).waitFor({ state: 'visible' })
    // The phones' Menu button (not shown at this width) counts along.
    expect(await a.locator('[data-menu-count]').textContent()).toBe('1')
    expect(await a.locator('[data-menu-count]').getAttribute('hidden')).toBeNull()
    await shot(a, '2-bell')

    await a.goto('/notifications')
    expect(await a.locator('.notification a').allTextContents()).toEqual([
      'notify_helper replied to your question',
    ])

    // The mail (window 0: sent by the next run of the jobs), then its unsubscribe link signed out.
    await server.app.jobs.drain()
    // Each sign-up mailed its confirmation link first; B is also told of the accept: take A's.
    await smtp.waitFor(3)
    const toAsker = () =>
      smtp.received.find(
        (m) =>
          m.subject?.startsWith('New on Quorum') &&
          [m.to ?? []].flat().some((to) => to.text.includes('notify_asker')),
      )
    await expect.poll(toAsker).toBeDefined()
    const mail = toAsker()
    expect(mail?.subject).toBe(`New on Quorum: ${TITLE}`)
    const link = /http:\/\/quorum\.test(\/unsubscribe\?u=\d+&t=[\w-]+)/.exec(mail?.text ?? '')?.[1]
    expect(link).toBeDefined()
    const stranger = await (await newContext(browser, server.origin)).newPage()
    await stranger.goto(link!)
    await stranger.getByRole('button', { name: 'Unsubscribe' }).click()
    await stranger.getByText('You will get no more notification mail.').waitFor()
    await shot(stranger, '3-unsubscribed')
    const modes = await server.db
      .selectFrom('notification_email_prefs as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select('p.mode')
      .where('u.username', '=', 'notify_asker')
      .execute()
    expect(new Set(modes.map((m) => m.mode))).toEqual(new Set(['never']))
  })
})
