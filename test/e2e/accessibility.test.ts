/**
 * Accessibility gate (issue 6): axe-core at WCAG 2.2 A/AA on every page type, in the light and the dark
 * colour scheme, with 0 violations and 0 CSP violations; and the tag page at 360 px wide, where nothing may
 * scroll sideways and the thread table becomes labelled cards. Besides the page types: /settings after a
 * real avatar upload, and a crash page whose site shows the poster's own frames, with its thread (the
 * report's own frames marked). Runs once per dialect in DIALECTS.
 */
import zlib from 'node:zlib'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { slugify } from '../../src/domain/format/index.js'
import { extractSignatures, signatureHref } from '../../src/domain/signatures/index.js'
import { DIALECTS } from '../support/dialects.js'
import { make } from '../support/factories.js'
import { BasePage, type AxeViolationSummary } from './pages/base-page.js'
import { TagPage } from './pages/tag-page.js'
import { ThreadPage } from './pages/thread-page.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { PAGE_TYPES } from './support/page-types.js'
import { startServer, type E2eServer } from './support/server.js'
import { installTrap, readTrap } from './support/trap.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

/** A user-space crash whose top frames are the poster's own (an app framework, then the app). */
const SKATE_CRASH = `Process:               Skate [10]
Exception Type:        EXC_BAD_ACCESS (SIGSEGV)
Crashed Thread:        0

Thread 0 Crashed:
0   libzstd.1.dylib               0x0000000104000010 ZSTD_decompressStream + 40
1   libsqlite3.dylib              0x0000000190000020 sqlite3_step + 12
2   Skate                         0x0000000102000030 Skate.load() + 8

Binary Images:
       0x104000000 -        0x10403ffff libzstd.1.dylib (*) <4E5F6071-8293-44A5-B6C7-D8E9F0A1B2C3> /Applications/Skate.app/Contents/Frameworks/libzstd.1.dylib
       0x190000000 -        0x1900fffff libsqlite3.dylib (*) <5F607182-9304-45B6-C7D8-E9F0A1B2C3D4> /usr/lib/libsqlite3.dylib
       0x102000000 -        0x10203ffff Skate (1.0) <60718293-A4B5-46C7-D8E9-F0A1B2C3D4E5> /Applications/Skate.app/Contents/MacOS/Skate`

/** A real PNG of `size`×`size` pixels of one colour (RGB), so the browser draws the uploaded avatar. */
function solidPng(size: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(zlib.crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  const row = Buffer.from([0, ...Array.from({ length: size }, () => rgb).flat()])
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

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

  // Pages whose state the page-type list cannot reach: made here, through the app as a person would.
  describe('pages with content made for the scan', () => {
    let member: BrowserContext
    beforeAll(async () => {
      member = await newContext(browser, server.origin)
      await member.addCookies([
        {
          name: server.app.sessionCookieName,
          value: server.known.member.sessionToken,
          url: server.origin,
        },
      ])
      await installTrap(member)
    })
    afterAll(async () => member?.close())

    /** Both schemes' violations of the page as loaded. */
    const scan = async (page: BasePage, name: string) => {
      const found: Record<string, AxeViolationSummary[]> = {}
      for (const scheme of ['light', 'dark'] as const) {
        await page.colorScheme(scheme)
        found[scheme] = await page.axeViolations()
        if (found[scheme].length > 0)
          await screenshot(page.page, `a11y-${dialect}-${scheme}-${name}`)
      }
      return found
    }

    it('/settings with an uploaded avatar: 0 axe violations in light and dark', async () => {
      const page = new BasePage(await member.newPage())
      expect(await page.open('/settings')).toBe(200)
      await page.page.locator('#settings-avatar').setInputFiles({
        name: 'me.png',
        mimeType: 'image/png',
        buffer: solidPng(48, [0x2f, 0x6f, 0xeb]),
      })
      await Promise.all([
        page.page.waitForURL(/\/settings\?avatar=saved/),
        page.page.getByRole('button', { name: 'Upload avatar' }).click(),
      ])
      // The uploaded image is shown, with the remove form beside it.
      expect(await page.page.locator('.avatar-current img').getAttribute('src')).toMatch(
        /^\/avatars\/u\/\d+\/\d+$/,
      )
      expect(await page.page.getByRole('button', { name: 'Remove uploaded avatar' }).count()).toBe(
        1,
      )
      expect(await scan(page, 'settings-uploaded-avatar')).toEqual({ light: [], dark: [] })
      expect(await readTrap(page.page)).toEqual({ executions: [], cspViolations: [] })
    })

    it('the pages in German (a browser that asks for it): 0 violations, lang="de"', async () => {
      const german = await newContext(browser, server.origin, { locale: 'de-DE' })
      try {
        await german.addCookies([
          {
            name: server.app.sessionCookieName,
            value: server.known.member.sessionToken,
            url: server.origin,
          },
        ])
        await installTrap(german)
        const k = server.known
        for (const [name, path] of [
          ['tag', `/tags/${k.tagSlug}`],
          ['thread', k.answered.path],
          ['ask', '/ask'],
          ['search', '/search?q=panic'],
          ['language', '/settings/language'],
        ] as const) {
          const page = new BasePage(await german.newPage())
          expect(await page.open(path), path).toBe(200)
          expect(await page.page.locator('html').getAttribute('lang'), path).toBe('de')
          expect(await scan(page, `german-${name}`), path).toEqual({ light: [], dark: [] })
          expect(await readTrap(page.page), path).toEqual({ executions: [], cspViolations: [] })
          await page.page.close()
        }
      } finally {
        await german.close()
      }
    })

    it('a crash page whose site shows the poster’s own frames, and its thread: 0 violations', async () => {
      const title = 'Skate crashes in ZSTD_decompressStream on launch'
      const threadId = await make.thread(server.db, {
        title,
        tags: ['kernel'],
        body: `Skate crashes on launch:\n\n\`\`\`\n${SKATE_CRASH}\n\`\`\`\n`,
      })
      const crash = extractSignatures(SKATE_CRASH).crashes[0]
      expect(crash?.frames).toBe('libzstd.1.dylib`ZSTD_decompressStream < Skate`Skate.load()')
      const crashPage = new BasePage(await member.newPage())
      expect(await crashPage.open(signatureHref('crash', crash?.fingerprint ?? ''))).toBe(200)
      expect(await crashPage.page.locator('pre.crash-site-frames').first().textContent()).toContain(
        'ZSTD_decompressStream',
      )
      expect(await scan(crashPage, 'crash-own-frames')).toEqual({ light: [], dark: [] })
      const threadPage = new BasePage(await member.newPage())
      expect(await threadPage.open(`/threads/${threadId}/${slugify(title)}`)).toBe(200)
      expect(await threadPage.page.locator('mark.own-frame').count()).toBeGreaterThan(0)
      expect(await scan(threadPage, 'thread-own-frames')).toEqual({ light: [], dark: [] })
      expect(await readTrap(crashPage.page)).toEqual({ executions: [], cspViolations: [] })
      expect(await readTrap(threadPage.page)).toEqual({ executions: [], cspViolations: [] })
    })
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
