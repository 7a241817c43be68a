/**
 * What every page object shares: loading a path, the accessibility scan, and the keyboard walk. Page objects
 * (STYLE.md habit 12, after Discourse's spec/system/page_objects) keep selectors out of the tests.
 */
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/** axe-core's browser bundle, injected once per loaded document (see {@link BasePage.axeViolations}). */
const AXE_SOURCE = (createRequire(import.meta.url)('axe-core') as { source: string }).source

/** The WCAG 2.2 A/AA rule tags the accessibility gate runs (axe has no wcag22a tag: 2.2 added AA rules only). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export interface AxeViolationSummary {
  id: string
  impact: string | null | undefined
  help: string
  targets: string[]
}

/** One stop of a keyboard walk: the element that had focus and whether its focus indicator showed. */
export interface FocusStop {
  key: string
  description: string
  indicatorVisible: boolean
  inViewport: boolean
}

export class BasePage {
  constructor(readonly page: Page) {}

  /** Loads a path and returns the HTTP status. */
  async open(path: string): Promise<number> {
    const response = await this.page.goto(path, { waitUntil: 'load' })
    if (response === null) throw new Error(`no response for ${path}`)
    return response.status()
  }

  /**
   * axe-core at WCAG 2.2 A/AA over the whole page; each violation with the elements it names. axe is injected
   * once per document (half a megabyte of script: re-injecting it per run, as @axe-core/playwright's
   * AxeBuilder does, cost more than the scan), so a page can be scanned in both colour schemes after one load.
   * `page.evaluate` runs outside the page's CSP, like AxeBuilder's injection.
   */
  async axeViolations(): Promise<AxeViolationSummary[]> {
    const loaded = await this.page.evaluate(() => 'axe' in window)
    if (!loaded) await this.page.evaluate(AXE_SOURCE)
    return this.page.evaluate(async (tags) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{
              violations: {
                id: string
                impact?: string | null
                help: string
                nodes: { target: unknown[] }[]
              }[]
            }>
          }
        }
      ).axe
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      }))
    }, WCAG_TAGS)
  }

  /** Switches the page between light and dark without reloading it (the stylesheet follows the media query). */
  async colorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme })
    const matches = await this.page.evaluate(
      () => matchMedia('(prefers-color-scheme: dark)').matches,
    )
    if (matches !== (scheme === 'dark'))
      throw new Error(`the page did not switch to the ${scheme} scheme`)
  }

  /**
   * Every element a keyboard user should reach with Tab, in document order: links, buttons, form fields,
   * summaries and positive tabindex, when rendered (not hidden, not inside a closed `<details>`). Each gets a
   * `data-kbd` key so the walk can tell them apart.
   */
  async markFocusables(): Promise<string[]> {
    return this.page.evaluate(() => {
      const selector =
        'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'
      const keys: string[] = []
      document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
        if (!el.checkVisibility({ visibilityProperty: true })) return
        const closedDetails = el.closest('details:not([open])')
        if (closedDetails !== null && el.tagName !== 'SUMMARY') return
        el.dataset.kbd = String(i)
        keys.push(String(i))
      })
      return keys
    })
  }

  /**
   * Reloads the page, marks its focusable elements ({@link markFocusables}), then presses Tab from the top until focus leaves the document or returns to an element already
   * seen, recording each focused element and whether a focus indicator is drawn (a non-none outline with a
   * width, or a box-shadow) and on screen.
   */
  async tabThrough(): Promise<{ expected: string[]; stops: FocusStop[] }> {
    // Start as a keyboard user does: from the top of a freshly loaded document, nothing focused.
    await this.page.reload({ waitUntil: 'load' })
    const expected = await this.markFocusables()
    const maxStops = expected.length + 10
    const stops: FocusStop[] = []
    const seen = new Set<string>()
    for (let i = 0; i < maxStops; i++) {
      await this.page.keyboard.press('Tab')
      const stop = await this.page.evaluate(async () => {
        // Measure what the user sees: the next painted frame, after the focus change has been styled
        // (read at once, Chromium has been seen to report the skip link's unfocused position).
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        const el = document.activeElement as HTMLElement | null
        if (el === null || el === document.body) return null
        const style = getComputedStyle(el)
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
        const shadow = style.boxShadow !== 'none' && style.boxShadow !== ''
        const rect = el.getBoundingClientRect()
        const inViewport =
          rect.width > 0 &&
          rect.height > 0 &&
          rect.bottom > 0 &&
          rect.top < innerHeight &&
          rect.right > 0 &&
          rect.left < innerWidth
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)
        return {
          key: el.dataset.kbd ?? `unmarked:${el.tagName}`,
          description: `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> ${text}`,
          indicatorVisible: outline || shadow,
          inViewport,
        }
      })
      if (stop === null || seen.has(stop.key)) break
      seen.add(stop.key)
      stops.push(stop)
    }
    return { expected, stops }
  }

  /** The horizontal overflow of the page: 0 when nothing scrolls sideways. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(
      () => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth,
    )
  }
}
