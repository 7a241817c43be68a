/**
 * Keyboard shortcuts (issue 26) in Chromium: `?` opens the list (a modal dialog, axe clean) and Esc
 * closes it; `j`/`k` move between a thread's posts with a visible outline; `r` goes to the reply form
 * and `/` to search, without typing the key; nothing fires while a person types in a field.
 * And the layout defects of issue 26 item 6 that only a browser shows: /search's landmarks have names
 * of their own (axe's landmark-unique, a best-practice rule the WCAG scan does not run); the desktop
 * header's controls end where the content ends; the pinned row on a phone is tinted whole. And the
 * tag page's density: 6 to 8 threads to a 1280×800 screen, each excerpt one line, replies counts
 * weighted as Stack Overflow weighs answer counts. And the phone header: one row at 390×844 (site name,
 * Tags and Ask, search, a Menu button for the account area), so the tag page's first thread starts in
 * the top third of the screen, while the desktop header keeps its account links in the row.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import { BasePage } from './pages/base-page.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { startServer, type E2eServer } from './support/server.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

/** The id of the focused element and whether an outline is drawn round it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const style = el ? getComputedStyle(el) : null
    return {
      id: el?.id ?? '',
      outlined:
        style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    }
  })
}

/** One axe rule over the page, by id: the violations' targets. */
async function axeRule(page: BasePage, rule: string): Promise<string[]> {
  await page.axeViolations() // injects axe once
  return page.page.evaluate(async (id) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            d: Document,
            o: object,
          ) => Promise<{ violations: { nodes: { target: unknown[] }[] }[] }>
        }
      }
    ).axe
    const result = await axe.run(document, { runOnly: { type: 'rule', values: [id] } })
    return result.violations.flatMap((v) => v.nodes.map((n) => n.target.map(String).join(' ')))
  }, rule)
}

describe.each(DIALECTS)('%s: keyboard shortcuts and layout details', (dialect) => {
  let server: E2eServer
  let member: BrowserContext
  let anonymous: BrowserContext
  beforeAll(async () => {
    server = await startServer(dialect)
    anonymous = await newContext(browser, server.origin, { reducedMotion: 'reduce' })
    member = await newContext(browser, server.origin, { reducedMotion: 'reduce' })
    await member.addCookies([
      {
        name: server.app.sessionCookieName,
        value: server.known.member.sessionToken,
        url: server.origin,
      },
    ])
  })
  afterAll(async () => {
    await anonymous?.close()
    await member?.close()
    await server?.close()
  })

  it('opens the list with ?, axe clean, and closes it with Esc', async () => {
    const page = new BasePage(await anonymous.newPage())
    expect(await page.open(server.known.answered.path)).toBe(200)
    const dialog = page.page.locator('dialog.shortcuts-dialog')
    expect(await dialog.isVisible()).toBe(false)
    await page.page.keyboard.press('?')
    expect(await dialog.isVisible()).toBe(true)
    expect(await dialog.textContent()).toContain('Next post')
    expect(await page.axeViolations()).toEqual([])
    await page.page.keyboard.press('Escape')
    expect(await dialog.isVisible()).toBe(false)
    // The footer's button (shown only with the island) opens it too.
    await page.page.locator('[data-shortcuts-open]').click()
    expect(await dialog.isVisible()).toBe(true)
    await page.page.getByRole('button', { name: 'Close' }).click()
    expect(await dialog.isVisible()).toBe(false)
  })

  it('moves between posts with j and k, each focused with an outline', async () => {
    const page = await anonymous.newPage()
    await page.goto(server.known.answered.path)
    const ids = await page.$$eval('article.post[id^="post-"]', (els) => els.map((e) => e.id))
    expect(ids.length).toBeGreaterThan(2)
    await page.keyboard.press('j')
    expect(await focused(page)).toEqual({ id: ids[0], outlined: true })
    await page.keyboard.press('j')
    expect(await focused(page)).toEqual({ id: ids[1], outlined: true })
    const top = await page.$eval(`#${ids[1]}`, (el) => el.getBoundingClientRect().top)
    expect(top).toBeGreaterThanOrEqual(0)
    expect(top).toBeLessThan(100)
    await page.keyboard.press('k')
    expect(await focused(page)).toEqual({ id: ids[0], outlined: true })
  })

  it('goes to the reply form with r and to search with /, typing neither; not while typing', async () => {
    const page = await member.newPage()
    await page.goto(server.known.answered.path)
    await page.keyboard.press('r')
    expect((await focused(page)).id).toBe('reply-body')
    await page.keyboard.type('jk/?r')
    expect(await page.inputValue('#reply-body')).toBe('jk/?r')
    expect(await page.locator('dialog.shortcuts-dialog').isVisible()).toBe(false)
    await page.locator('#reply-body').fill('')
    await page.locator('#reply-body').blur()
    await page.keyboard.press('/')
    expect((await focused(page)).id).toBe('site-search-q')
    expect(await page.inputValue('#site-search-q')).toBe('')
  })

  it('gives each landmark of /search a name of its own (axe landmark-unique)', async () => {
    const page = new BasePage(await anonymous.newPage())
    expect(await page.open('/search?q=panic')).toBe(200)
    expect(await axeRule(page, 'landmark-unique')).toEqual([])
  })

  it('ends the desktop header where the content ends, at 1280 px', async () => {
    const context = await newContext(browser, server.origin, {
      viewport: { width: 1280, height: 800 },
    })
    const page = await context.newPage()
    await page.goto(`/tags/${server.known.tagSlug}`)
    const edges = await page.evaluate(() => {
      const right = (selector: string) =>
        document.querySelector(selector)?.getBoundingClientRect().right ?? 0
      return { header: right('.site-header .account'), content: right('.thread-table') }
    })
    await context.close()
    expect(edges.content).toBeGreaterThan(1100)
    expect(Math.abs(edges.header - edges.content)).toBeLessThanOrEqual(2)
  })

  it('fits the phone header on one row, the first thread in the top third of a 390×844 screen', async () => {
    const context = await newContext(browser, server.origin, {
      viewport: { width: 390, height: 844 },
    })
    const page = await context.newPage()
    await page.goto(`/tags/${server.known.tagSlug}`)
    const layout = await page.evaluate(() => {
      const box = (selector: string) => {
        const el = document.querySelector(selector)
        const r = el?.getBoundingClientRect()
        return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null
      }
      return {
        header: box('.site-header'),
        parts: [
          '.site-name',
          '.site-nav a[href="/ask"]',
          '#site-search-q',
          '.site-menu-button',
        ].map(box),
        firstRow: box('.thread-table tbody tr'),
        wide: document.scrollingElement!.scrollWidth > window.innerWidth,
      }
    })
    if ((layout.firstRow?.top ?? 844) >= 844 / 3) await screenshot(page, 'tag-page-390px')
    // The account area is behind Menu, and opens without leaving the page.
    expect(await page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(false)
    await page.getByRole('button', { name: 'Menu' }).click()
    expect(await page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true)
    await context.close()
    expect(layout.wide).toBe(false)
    // One row: every part beside the others, none below another, the header one control tall.
    const parts = layout.parts.map((p) => p!)
    expect(parts.every((p) => p.bottom <= layout.header!.bottom)).toBe(true)
    const middles = parts.map((p) => (p.top + p.bottom) / 2)
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8)
    for (let i = 1; i < parts.length; i++)
      expect(parts[i]!.left).toBeGreaterThan(parts[i - 1]!.right)
    expect(layout.header!.bottom).toBeLessThanOrEqual(64)
    expect(layout.firstRow!.top).toBeLessThan(844 / 3)
  })

  it('keeps the question field where it is while the toolbar arrives, on a phone', async () => {
    const context = await newContext(browser, server.origin, {
      viewport: { width: 412, height: 823 },
    })
    await context.addCookies([
      {
        name: server.app.sessionCookieName,
        value: server.known.member.sessionToken,
        url: server.origin,
      },
    ])
    // Every layout shift from the first paint on, with the ids of the elements it moved.
    await context.addInitScript(() => {
      const shifts: { value: number; moved: string[] }[] = []
      Object.assign(window, { __shifts: shifts })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number
          sources: { node?: Node | null }[]
        }[])
          shifts.push({
            value: entry.value,
            moved: entry.sources.map((s) => (s.node instanceof Element ? s.node.id : '')),
          })
      }).observe({ type: 'layout-shift', buffered: true })
    })
    const page = await context.newPage()
    await page.goto('/ask')
    await page.locator('.md-toolbar:not([hidden]) .md-button').first().waitFor()
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: { value: number; moved: string[] }[] }).__shifts,
    )
    await context.close()
    expect(shifts.filter((s) => s.moved.includes('ask-body'))).toEqual([])
    expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBeLessThan(0.05)
  })

  it('keeps the desktop header as it was: account links in the row, no Menu button', async () => {
    const context = await newContext(browser, server.origin, {
      viewport: { width: 1280, height: 800 },
    })
    const page = await context.newPage()
    await page.goto(`/tags/${server.known.tagSlug}`)
    const menu = await page.locator('.site-menu-button').isVisible()
    const signIn = await page.getByRole('link', { name: 'Sign in' }).boundingBox()
    const search = await page.locator('#site-search-q').boundingBox()
    await context.close()
    expect(menu).toBe(false)
    expect(signIn).not.toBeNull()
    expect(
      Math.abs(signIn!.y + signIn!.height / 2 - (search!.y + search!.height / 2)),
    ).toBeLessThan(4)
  })

  it('tints the pinned row whole on a phone, gaps between its cells too', async () => {
    const context = await newContext(browser, server.origin, {
      viewport: { width: 390, height: 844 },
    })
    const page = await context.newPage()
    await page.goto(`/tags/${server.known.tagSlug}`)
    const colours = await page.evaluate(() => {
      const row = document.querySelector('.thread-table tr.is-pinned')
      if (row === null) return null
      const rect = row.getBoundingClientRect()
      row.scrollIntoView({ block: 'center' })
      const r = row.getBoundingClientRect()
      /**
       * The background painted behind a cell's content at a point: walking up from the cell there (or
       * the row, between cells), so a badge or tag chip inside a cell does not count.
       */
      const paintAt = (x: number, y: number) => {
        const hit = document.elementFromPoint(x, y)
        for (let el = hit?.closest('td') ?? hit ?? null; el !== null; el = el.parentElement) {
          const bg = getComputedStyle(el).backgroundColor
          if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg
        }
        return 'none'
      }
      const seen = new Set<string>()
      for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98])
        for (const fy of [0.05, 0.35, 0.65, 0.95])
          seen.add(paintAt(r.left + r.width * fx, r.top + r.height * fy))
      const page = getComputedStyle(document.body).backgroundColor
      return { seen: [...seen], page, height: rect.height }
    })
    if (colours === null || colours.seen.length !== 1) await screenshot(page, 'pinned-row-390px')
    await context.close()
    expect(colours).not.toBeNull()
    expect(colours?.seen).toHaveLength(1)
    expect(colours?.seen[0]).not.toBe(colours?.page)
  })

  it('shows 6 to 8 threads to a 1280×800 screen, excerpts one line, answered counts in green', async () => {
    const context = await newContext(browser, server.origin, {
      viewport: { width: 1280, height: 800 },
    })
    const page = await context.newPage()
    await page.goto(`/tags/${server.known.tagSlug}`)
    const layout = await page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.thread-table tbody tr')]
      const heights = rows.map((r) => r.getBoundingClientRect().height).sort((a, b) => a - b)
      const excerptLines = [...document.querySelectorAll<HTMLElement>('.thread-excerpt')].map((p) =>
        Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)),
      )
      const replies = rows.map((r) => {
        const cell = r.querySelector<HTMLElement>('td.col-num')
        const data = cell?.querySelector('data')
        return {
          solved: r.querySelector('.badge-solved') !== null,
          replies: Number(data?.getAttribute('value') ?? 0),
          cls: cell?.className ?? '',
          border: data ? getComputedStyle(data).borderTopStyle : 'none',
        }
      })
      return { median: heights[Math.floor(heights.length / 2)] ?? 0, excerptLines, replies }
    })
    await context.close()
    const perScreen = 800 / layout.median
    expect(perScreen).toBeGreaterThanOrEqual(6)
    expect(perScreen).toBeLessThanOrEqual(8.5)
    expect(new Set(layout.excerptLines)).toEqual(new Set([1]))
    for (const row of layout.replies) {
      if (row.solved) expect(row.cls).toContain('count-solved')
      else if (row.replies > 0) expect(row.cls).toContain('count-answered')
      else expect(row.border).toBe('none')
      if (row.solved || row.replies > 0) expect(row.border).toBe('solid')
    }
    expect(layout.replies.some((r) => r.solved)).toBe(true)
  })
})
