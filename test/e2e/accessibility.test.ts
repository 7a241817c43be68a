/**
 * Accessibility gate (issue 6): axe-core at WCAG 2.2 A/AA on every page type, in the light and the dark
 * colour scheme, with 0 violations and 0 CSP violations; and the tag page at 360 px wide, where nothing may
 * scroll sideways and the thread table becomes labelled cards. Runs once per dialect in DIALECTS.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { BasePage, type AxeViolationSummary } from './pages/base-page.js'
import { TagPage } from './pages/tag-page.js'
import { ThreadPage } from './pages/thread-page.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { PAGE_TYPES } from './support/page-types.js'
import { startServer, type E2eServer } from './support/server.js'
import { installTrap, readTrap } from './support/trap.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

describe.each(DIALECTS)('%s: accessibility', (dialect) => {
  let server: E2eServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(async () => server?.close())

  describe('every page type', () => {
    const contexts: (BrowserContext & { foreignRequests: string[] })[] = []
    let anonymous: BasePage
    let member: BasePage
    let admin: BasePage
    beforeAll(async () => {
      const open = async (as: 'anonymous' | 'member' | 'admin') => {
        const context = await newContext(browser, server.origin)
        if (as !== 'anonymous')
          await context.addCookies([
            {
              name: server.app.sessionCookieName,
              value: server.known[as].sessionToken,
              url: server.origin,
            },
          ])
        await installTrap(context)
        contexts.push(context)
        return new BasePage(await context.newPage())
      }
      anonymous = await open('anonymous')
      member = await open('member')
      admin = await open('admin')
    })
    afterAll(async () => {
      for (const context of contexts) await context.close()
    })

    // One load per page type, scanned in the light scheme, then switched to dark and scanned again.
    it.each(PAGE_TYPES)(
      '$name: 0 axe violations at WCAG 2.2 A/AA in light and dark, 0 CSP violations',
      async (type) => {
        const page = type.signedIn === 'admin' ? admin : type.signedIn === true ? member : anonymous
        await page.colorScheme('light')
        expect(await page.open(type.path(server.known))).toBe(type.status)
        const found: Record<string, AxeViolationSummary[]> = {}
        for (const scheme of ['light', 'dark'] as const) {
          await page.colorScheme(scheme)
          found[scheme] = await page.axeViolations()
          if (found[scheme].length > 0)
            await screenshot(page.page, `a11y-${dialect}-${scheme}-${type.name}`)
        }
        expect(found).toEqual({ light: [], dark: [] })
        expect(await readTrap(page.page)).toEqual({ executions: [], cspViolations: [] })
        expect(contexts.flatMap((c) => c.foreignRequests)).toEqual([])
      },
    )
  })

  describe('at 360 px wide', () => {
    let context: BrowserContext
    beforeAll(async () => {
      context = await newContext(browser, server.origin, {
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 1,
      })
    })
    afterAll(async () => context?.close())

    it('the tag page does not scroll sideways and shows each thread as a labelled card', async () => {
      const tag = new TagPage(await context.newPage())
      expect(await tag.goto(server.known.tagSlug)).toBe(200)
      expect(await tag.horizontalOverflow()).toBeLessThanOrEqual(0)
      const cards = await tag.cardLayout()
      expect(cards.rows).toBe(20)
      expect(cards.cardRows).toBe(cards.rows)
      expect(cards.labelledCells).toBe(cards.cellsNeedingLabels)
      expect(cards.cellsNeedingLabels).toBe(cards.rows * 4) // Replies, Boosts, Views, Activity
      expect(cards.headersExposed).toBe(true)
      expect(await tag.axeViolations()).toEqual([])
      if (dialect === DIALECTS[0]) await screenshot(tag.page, 'tag-page-360px')
    })

    it('the thread page does not scroll sideways (code scrolls inside its block)', async () => {
      const thread = new ThreadPage(await context.newPage())
      expect(await thread.goto(server.known.answered.path)).toBe(200)
      await thread.expandPreviews()
      expect(await thread.horizontalOverflow()).toBeLessThanOrEqual(0)
      expect(await thread.axeViolations()).toEqual([])
      if (dialect === DIALECTS[0]) await screenshot(thread.page, 'thread-page-360px')
    })
  })
})
