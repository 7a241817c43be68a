/**
 * The composer in Chromium (issue 26): drafts saved as the person types and restored on another device,
 * the warning before leaving unsaved text, the Markdown toolbar and its shortcuts, Ctrl+Enter to post, a
 * large paste fenced or attached, and the tools on code blocks (copy, line numbers without them in the
 * copied text, long blocks folded). axe finds nothing on the pages as these features leave them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { BasePage } from './pages/base-page.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { startServer, type E2eServer } from './support/server.js'
import { installTrap, readTrap } from './support/trap.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

/** 45 lines of a kernel log, unfenced: what people paste. */
const LOG = Array.from(
  { length: 45 },
  (_, i) =>
    `Dec  7 04:${String(i).padStart(2, '0')}:01 kernel[0]: nfs_vinvalbuf: ubc_msync failed, error 35`,
).join('\n')

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

describe.each(DIALECTS)('%s: the composer', (dialect) => {
  let server: E2eServer
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    server = await startServer(dialect)
    // The member asks, then replies within the minute: a new account's wait between posts (its own
    // tests are in test/integration/moderation) is not what this file is about.
    const admin = await server.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', server.known.admin.username)
      .executeTakeFirstOrThrow()
    await server.app.siteSettings.save({ newAccountPostDelaySeconds: 0 }, admin.id)
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await server?.close()
  })

  /** A signed-in page as the harness's member; each call is another "device" (its own context). */
  async function memberPage(): Promise<Page> {
    const context = await newContext(browser, server.origin)
    await context.addCookies([
      {
        name: server.app.sessionCookieName,
        value: server.known.member.sessionToken,
        url: server.origin,
      },
    ])
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    })
    await installTrap(context)
    contexts.push(context)
    return context.newPage()
  }

  /** Pastes as the browser does: the paste event, then the text goes in at the caret. */
  async function paste(page: Page, selector: string, text: string): Promise<void> {
    await page.locator(selector).evaluate((el, pasted) => {
      const area = el as HTMLTextAreaElement
      area.focus()
      const data = new DataTransfer()
      data.setData('text/plain', pasted)
      area.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
      document.execCommand('insertText', false, pasted)
    }, text)
  }

  const memberId = async () =>
    (
      await server.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', server.known.member.username)
        .executeTakeFirstOrThrow()
    ).id

  it('ask: toolbar and shortcuts, a pasted log attached, the draft kept across devices, Ctrl+Enter posts', async () => {
    const page = await memberPage()
    await page.goto('/ask')
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    await expect.poll(() => toolbar.getByRole('button').count()).toBe(5)
    expect(await toolbar.getByRole('button', { name: 'Inline code' }).getAttribute('title')).toBe(
      'Inline code (Ctrl+E)',
    )

    const title = page.locator('#ask-title')
    const body = page.locator('#ask-body')
    await title.fill('NFS client stalls in ubc_msync under memory pressure')
    await body.fill('It stalls in vnode_put every time.')
    // Select "vnode_put" and make it code with the shortcut.
    await body.evaluate((el) => {
      const area = el as HTMLTextAreaElement
      const at = area.value.indexOf('vnode_put')
      area.focus()
      area.setSelectionRange(at, at + 'vnode_put'.length)
    })
    await page.keyboard.press('Control+E')
    expect(await body.inputValue()).toBe('It stalls in `vnode_put` every time.')
    // The toolbar button does the same as its shortcut: a quote of the line.
    await toolbar.getByRole('button', { name: 'Quote' }).click()
    expect(await body.inputValue()).toBe('> It stalls in `vnode_put` every time.')
    await page.keyboard.press('Control+Z')
    expect(await body.inputValue()).toBe('It stalls in `vnode_put` every time.')

    // A large paste: offered; attached as a file, the text leaves the question.
    await body.press('End')
    await body.press('Enter')
    await paste(page, '#ask-body', LOG)
    const offer = page.getByRole('group', { name: 'Large paste' })
    await expect.poll(() => offer.isVisible()).toBe(true)
    expect(await offer.textContent()).toContain('You pasted 45 lines')
    await offer.getByRole('button', { name: 'Attach as a file' }).click()
    expect(
      await page
        .locator('#ask-attachments')
        .evaluate((el) => [...((el as HTMLInputElement).files ?? [])].map((f) => [f.name, f.size])),
    ).toEqual([['pasted-1.log', LOG.length]])
    expect(await body.inputValue()).not.toContain('nfs_vinvalbuf')
    // Pasted again: fenced this time.
    await paste(page, '#ask-body', LOG)
    await offer.getByRole('button', { name: 'Fence it as a code block' }).click()
    expect(await body.inputValue()).toContain('```\n' + LOG + '\n```')
    await page.locator('#ask-tags').fill('kernel')

    // Saved as typed; leaving after the save is safe, while unsaved text asks first.
    const status = page.locator('.draft-status')
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Draft saved at/)
    const axe = new BasePage(page)
    expect(await axe.axeViolations()).toEqual([])
    await screenshot(page, `composer-ask-${dialect}`)
    // More text, not saved yet: closing the tab asks first (and stays when told to).
    const nextSave = page.waitForResponse((r) => new URL(r.url()).pathname === '/drafts')
    await body.press('Control+End')
    await page.keyboard.type(' More.')
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type())
      dialog.dismiss().catch(() => undefined) // Playwright may have answered it already
    })
    await page.close({ runBeforeUnload: true })
    await expect.poll(() => dialogs).toEqual(['beforeunload'])
    expect(page.isClosed()).toBe(false)
    expect((await nextSave).status()).toBe(200)
    const saved = await body.inputValue()

    // Another device: the server renders the draft into the form, with the notice.
    const laptop = await memberPage()
    await laptop.goto('/ask')
    expect(await laptop.locator('#ask-title').inputValue()).toBe(
      'NFS client stalls in ubc_msync under memory pressure',
    )
    expect(await laptop.locator('#ask-body').inputValue()).toBe(saved)
    expect(await laptop.locator('[data-draft-notice]').textContent()).toContain('draft is restored')
    expect(await new BasePage(laptop).axeViolations()).toEqual([])

    // Ctrl+Enter posts (the Post button, not Preview), without a leave warning; the draft is gone.
    await laptop.locator('#ask-body').focus()
    await Promise.all([
      laptop.waitForURL((url) => /^\/threads\/\d+/.test(url.pathname)),
      laptop.keyboard.press('Control+Enter'),
    ])
    const drafts = await server.db
      .selectFrom('drafts')
      .select('thread_id')
      .where('user_id', '=', await memberId())
      .execute()
    expect(drafts.filter((d) => d.thread_id === null)).toEqual([])
    expect(await readTrap(laptop)).toEqual({ executions: [], cspViolations: [] })
  })

  it('thread: a reply posted with a long log; copy, line numbers and the fold', async () => {
    const page = await memberPage()
    await page.goto(server.known.open.path)
    const body = page.locator('#reply-body')
    await body.fill('The same here:\n\n')
    await paste(page, '#reply-body', LOG)
    const offer = page.getByRole('group', { name: 'Large paste' })
    // No file field in the reply form: only the fence is offered.
    expect(await offer.getByRole('button').allTextContents()).toEqual([
      'Fence it as a code block',
      'Keep as is',
    ])
    await offer.getByRole('button', { name: 'Fence it as a code block' }).click()
    // A draft of the reply, saved, is there on another device.
    await expect
      .poll(() => page.locator('#reply .draft-status').textContent())
      .toMatch(/^Draft saved at/)
    const other = await memberPage()
    await other.goto(server.known.open.path)
    expect(await other.locator('#reply-body').inputValue()).toBe(await body.inputValue())
    await other.close()

    await body.focus()
    await page.keyboard.press('Control+Enter')
    // Posted in place by the reply island; its code block gets its tools.
    const article = page.locator('article.post').filter({ hasText: 'The same here:' })
    await expect.poll(() => article.count()).toBe(1)
    const tools = article.locator('.code-tools')
    await expect.poll(() => tools.count()).toBe(1)

    // Folded to 30 lines, then "Show all 45 lines" shows them all.
    const pre = article.locator('pre.code')
    const heights = () =>
      pre.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }))
    const folded = await heights()
    expect(folded.client).toBeLessThan(folded.scroll)
    await article.getByText('Show all 45 lines').click()
    const open = await heights()
    expect(open.client).toBe(open.scroll)

    // Line numbers: shown, remembered, and never in what is copied or selected.
    await tools.getByRole('button', { name: 'Line numbers' }).click()
    expect(
      await tools.getByRole('button', { name: 'Line numbers' }).getAttribute('aria-pressed'),
    ).toBe('true')
    const gutter = article.locator('.code-gutter')
    expect(await gutter.evaluate((el) => getComputedStyle(el).display)).toBe('block')
    expect(await gutter.locator('span').count()).toBe(45)
    const selected = await pre.evaluate((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      getSelection()?.removeAllRanges()
      getSelection()?.addRange(range)
      return getSelection()?.toString() ?? ''
    })
    expect(selected.trim()).toBe(LOG)
    await tools.getByRole('button', { name: 'Copy' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(LOG + '\n')
    expect(await new BasePage(page).axeViolations()).toEqual([])
    await screenshot(page, `composer-thread-${dialect}`)

    await page.reload()
    const remembered = page.locator('[data-line-numbers]').first()
    expect(await remembered.getAttribute('aria-pressed')).toBe('true')
    const drafts = await server.db
      .selectFrom('drafts')
      .select('thread_id')
      .where('user_id', '=', await memberId())
      .where('thread_id', '=', server.known.open.id)
      .execute()
    expect(drafts).toEqual([])
    expect(await readTrap(page)).toEqual({ executions: [], cspViolations: [] })
  })
})
