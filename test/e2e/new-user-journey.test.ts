/**
 * Issue 3's walk, in Chromium: a new person registers, asks with a C code block and an attachment; a
 * second person replies, comments and boosts; the first boosts the reply and accepts it; the tag page
 * shows the new counts. Screenshots of each step go to test-results/.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { establish, signIn, signUp } from './support/members.js'
import { startServer, type E2eServer } from './support/server.js'

const PASSWORD = 'a long and unusual passphrase'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

const TITLE = 'Kext unload hangs in sflt_unregister after sleep'
const CODE =
  'static void\nmy_detach(void *cookie, socket_t so)\n{\n\tOSDecrementAtomic(&g_attached);\n}'

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

describe.each(DIALECTS)(
  '%s: a new member asks, another answers, the answer is accepted',
  (dialect) => {
    let server: E2eServer
    beforeAll(async () => {
      server = await startServer(dialect)
    })
    afterAll(async () => server?.close())

    it('walks the whole write path in the browser', async () => {
      const asker = await (await newContext(browser, server.origin)).newPage()
      const helper = await (await newContext(browser, server.origin)).newPage()
      const shot = (page: Page, step: string) => screenshot(page, `journey-${dialect}-${step}`)

      await register(asker, server, 'journey_asker')
      await asker.goto('/ask')
      await asker.locator('#ask-title').fill(TITLE)
      await asker
        .locator('#ask-body')
        .fill(`It hangs here:\n\n\`\`\`c\n${CODE}\n\`\`\`\n\nFull log attached.`)
      await asker.locator('#ask-tags').fill('kernel')
      await asker.locator('input[type="file"][name="attachments"]').setInputFiles({
        name: 'hang.log',
        mimeType: 'text/plain',
        buffer: Buffer.from('line one\nline two\n'),
      })
      await shot(asker, '1-ask')
      await Promise.all([
        asker.waitForURL(/\/threads\/\d+\//),
        asker.getByRole('button', { name: 'Post question' }).click(),
      ])
      const threadUrl = asker.url()
      expect(await asker.locator('h1').textContent()).toBe(TITLE)
      expect(await asker.locator('.post-body pre code.language-c').textContent()).toBe(`${CODE}\n`)
      expect(await asker.locator('a[href$="/hang.log"]').count()).toBeGreaterThan(0)
      await shot(asker, '2-asked')

      await register(helper, server, 'journey_helper')
      await helper.goto(threadUrl)
      await helper
        .locator('#reply-body')
        .fill(
          'Call `sflt_unregister` before the socket is closed, then wait for `sf_unregistered`.',
        )
      await helper
        .getByRole('button', { name: /post reply|reply/i })
        .first()
        .click()
      const reply = helper.locator('article.post').filter({ hasText: 'wait for sf_unregistered' })
      await expect.poll(() => reply.count()).toBe(1)
      // The question gets a boost from the helper.
      const questionBoost = helper
        .locator('article.post')
        .first()
        .getByRole('button', { name: /boost/i })
      await questionBoost.click()
      await expect.poll(() => questionBoost.getAttribute('aria-pressed')).toBe('true')
      await helper.reload()
      const replyArticle = helper
        .locator('article.post')
        .filter({ hasText: 'wait for sf_unregistered' })
      await replyArticle.locator('summary', { hasText: /comment/i }).click()
      await replyArticle.locator('textarea[name="body"]').fill('Works on 15.6 too.')
      await Promise.all([
        helper.waitForLoadState('load'),
        replyArticle.getByRole('button', { name: /add comment|comment/i }).click(),
      ])
      await expect
        .poll(async () => (await helper.content()).includes('Works on 15.6 too.'))
        .toBe(true)
      await shot(helper, '3-replied')

      await asker.goto(threadUrl)
      const answer = asker.locator('article.post').filter({ hasText: 'wait for sf_unregistered' })
      const boost = answer.getByRole('button', { name: /boost/i })
      await boost.click()
      await expect.poll(() => boost.getAttribute('aria-pressed')).toBe('true')
      await answer.getByRole('button', { name: 'Accept answer' }).click()
      await expect
        .poll(async () => (await asker.locator('body').textContent())?.includes('Accepted answer'))
        .toBe(true)
      await shot(asker, '4-accepted')

      await asker.goto('/tags/kernel')
      const row = asker.locator('tbody tr').filter({ hasText: TITLE })
      const values = await row
        .locator('td data')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('value'))))
      expect(values).toEqual([1, 1, expect.any(Number)]) // replies, boosts, views
      expect(await row.textContent()).toContain('Solved')
      expect(await asker.locator('tbody .thread-title').first().textContent()).not.toBe('') // the page rendered
      await shot(asker, '5-tag-page')
    })
  },
)
