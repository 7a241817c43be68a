/**
 * Keyboard-only walk (issue 6) on the tag page and the thread page: pressing Tab from the top reaches every
 * link, button, field and scrollable code block once, in order, each showing a visible focus indicator on
 * screen. The skip link comes first and moves focus to the main content.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DIALECTS } from '../support/dialects.js'
import type { BasePage, FocusStop } from './pages/base-page.js'
import { TagPage } from './pages/tag-page.js'
import { ThreadPage } from './pages/thread-page.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { startServer, type E2eServer } from './support/server.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

/** Walks the page and checks every stop; returns the stops for page-specific checks. */
async function walk(page: BasePage, name: string): Promise<FocusStop[]> {
  const { expected, stops } = await page.tabThrough()
  expect(expected.length).toBeGreaterThan(10)
  const hidden = stops.filter((s) => !s.indicatorVisible || !s.inViewport)
  if (hidden.length > 0) await screenshot(page.page, `keyboard-${name}`)
  expect(hidden, 'focus stops without a visible indicator on screen').toEqual([])
  expect(
    stops.filter((s) => s.key.startsWith('unmarked:')),
    'focus on something that is not an interactive element',
  ).toEqual([])
  expect(
    expected.filter((key) => !stops.some((s) => s.key === key)),
    'interactive elements Tab never reaches',
  ).toEqual([])
  expect(stops.map((s) => s.key)).toEqual(expected) // document order, each once
  return stops
}

describe.each(DIALECTS)('%s: keyboard-only walk', (dialect) => {
  let server: E2eServer
  let context: BrowserContext
  beforeAll(async () => {
    server = await startServer(dialect)
    // Reduced motion turns off the stylesheet's smooth scrolling, so a focused element is on screen at once.
    context = await newContext(browser, server.origin, { reducedMotion: 'reduce' })
  })
  afterAll(async () => {
    await context?.close()
    await server?.close()
  })

  it('reaches every control of the tag page, skip link first, with focus visible', async () => {
    const tag = new TagPage(await context.newPage())
    expect(await tag.goto(server.known.tagSlug)).toBe(200)
    const stops = await walk(tag, 'tag-page')
    expect(stops[0]?.description).toContain('Skip to content')
    const descriptions = stops.map((s) => s.description).join('\n')
    for (const control of ['Solved', 'Views', 'Ascending', 'Next', 'RSS for tag'])
      expect(descriptions).toContain(control)
  })

  it('reaches every control of the thread page, including scrollable code and attachment previews', async () => {
    const thread = new ThreadPage(await context.newPage())
    expect(await thread.goto(server.known.answered.path)).toBe(200)
    const stops = await walk(thread, 'thread-page')
    const descriptions = stops.map((s) => s.description)
    expect(descriptions.some((d) => d.startsWith('<pre>'))).toBe(true)
    expect(descriptions.some((d) => d.startsWith('<summary>'))).toBe(true)
    expect(descriptions.some((d) => d.includes('filter.c'))).toBe(true)
  })

  it('moves focus to the main content with the skip link', async () => {
    const page = await context.newPage()
    await page.goto(server.known.answered.path)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
  })
})
