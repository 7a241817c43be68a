/**
 * Security headers and policy (issue 6; SECURITY.md rows 24–27), read off every page type and every other kind
 * of response the app gives (assets, feeds, robots.txt, sitemap, attachments, errors): the CSP directives, the
 * other headers, HSTS only over https, no inline script or style anywhere in the HTML (parsed with parse5),
 * and attachments that a browser never runs in our origin. Runs once per dialect in DIALECTS.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { DIALECTS } from '../support/dialects.js'
import { buildTestApp } from '../support/build-test-app.js'
import { E2E_TIMEOUT_MS } from '../e2e/support/browser.js'
import { PAGE_TYPES } from '../e2e/support/page-types.js'
import { startServer, type E2eServer } from '../e2e/support/server.js'
import {
  attrOf,
  elementsOf,
  findHazards,
  pageChromeAllowed,
  parseDocument,
} from './support/html-tree.js'

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS, hookTimeout: E2E_TIMEOUT_MS })

type Headers = Record<string, string | string[] | number | undefined>

/** The CSP as a map of directive → sources. */
function parseCsp(value: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) map.set(name.toLowerCase(), sources)
  }
  return map
}

/** What SECURITY.md rows 24–25 ask of every HTML response. */
function htmlHeaderProblems(headers: Headers): string[] {
  const problems: string[] = []
  const csp = parseCsp(String(headers['content-security-policy'] ?? ''))
  const expect = (directive: string, want: string[]) => {
    const got = csp.get(directive)
    if (got === undefined || got.join(' ') !== want.join(' '))
      problems.push(`CSP ${directive}: ${got?.join(' ') ?? '(missing)'}, want ${want.join(' ')}`)
  }
  expect('default-src', ["'self'"])
  expect('object-src', ["'none'"])
  expect('base-uri', ["'none'"])
  expect('frame-ancestors', ["'none'"])
  expect('form-action', ["'self'"])
  for (const directive of ['script-src', 'style-src', 'default-src']) {
    const sources = csp.get(directive) ?? csp.get('default-src') ?? []
    for (const bad of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'unsafe-hashes'",
      'data:',
      '*',
      'http:',
      'https:',
    ]) {
      if (sources.includes(bad)) problems.push(`CSP ${directive} allows ${bad}`)
    }
  }
  problems.push(...commonHeaderProblems(headers))
  return problems
}

/** What every response carries, HTML or not. */
function commonHeaderProblems(headers: Headers): string[] {
  const problems: string[] = []
  if (headers['x-content-type-options'] !== 'nosniff')
    problems.push('X-Content-Type-Options is not nosniff')
  if (headers['referrer-policy'] !== 'strict-origin-when-cross-origin')
    problems.push(`Referrer-Policy: ${String(headers['referrer-policy'])}`)
  if (headers['cross-origin-opener-policy'] !== 'same-origin')
    problems.push(`Cross-Origin-Opener-Policy: ${String(headers['cross-origin-opener-policy'])}`)
  const permissions = String(headers['permissions-policy'] ?? '')
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()'])
    if (!permissions.includes(feature)) problems.push(`Permissions-Policy lacks ${feature}`)
  if (headers['x-powered-by'] !== undefined) problems.push('X-Powered-By is sent')
  if (headers.server !== undefined && /\d/.test(String(headers.server)))
    problems.push(`Server banner with a version: ${String(headers.server)}`)
  if (headers['strict-transport-security'] !== undefined) problems.push('HSTS sent over plain http')
  return problems
}

describe.each(DIALECTS)('%s: security headers and policy', (dialect) => {
  let server: E2eServer
  beforeAll(async () => {
    server = await startServer(dialect)
  })
  afterAll(async () => server?.close())

  describe.each(PAGE_TYPES)('$name', (type) => {
    it('carries the CSP and the other headers, and no HSTS over http', async () => {
      const res = await server.inject(type.path(server.known), { signedIn: type.signedIn })
      expect(res.statusCode).toBe(type.status)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(htmlHeaderProblems(res.headers)).toEqual([])
    })

    it('has no inline script, inline style or event handler in its HTML', async () => {
      const res = await server.inject(type.path(server.known), { signedIn: type.signedIn })
      const doc = parseDocument(res.body)
      expect(findHazards(doc, { allowElement: pageChromeAllowed })).toEqual([])
      const scripts = elementsOf(doc).filter((el) => el.tagName === 'script')
      // Executable scripts only from our origin, by src; JSON-LD is a data block, never run (and allowed by CSP).
      for (const s of scripts) {
        const type = attrOf(s, 'type')
        if (type === 'application/ld+json') continue
        expect(attrOf(s, 'src')).toMatch(/^\/assets\//)
        expect(s.childNodes).toHaveLength(0)
      }
      expect(elementsOf(doc).filter((el) => el.tagName === 'style')).toEqual([])
    })
  })

  const stylesheet = async (): Promise<string> =>
    /href="(\/assets\/[^"]+\.css)"/.exec((await server.inject('/')).body)?.[1] ??
    '/assets/missing.css'
  const otherResponses: [string, () => Promise<string>, number][] = [
    ['the stylesheet', stylesheet, 200],
    ['an RSS feed', async () => `/tags/${server.known.tagSlug}/feed`, 200],
    ['robots.txt', async () => '/robots.txt', 200],
    ['the sitemap', async () => '/sitemap.xml', 200],
    ['the favicon', async () => '/favicon.svg', 200],
  ]
  it.each(otherResponses)(
    '%s carries nosniff and the other common headers',
    async (_name, url, status) => {
      const res = await server.inject(await url())
      expect(res.statusCode).toBe(status)
      expect(commonHeaderProblems(res.headers)).toEqual([])
    },
  )

  it('answers TRACE with 405', async () => {
    expect((await server.app.inject({ method: 'TRACE', url: '/' })).statusCode).toBe(405)
  })

  describe('attachments (SECURITY.md rows 26–27)', () => {
    const attachmentsOf = async (path: string) => {
      const doc = parseDocument((await server.app.inject(path)).body)
      return elementsOf(doc)
        .map((el) => (el.tagName === 'a' ? attrOf(el, 'href') : undefined))
        .filter((href): href is string => href?.startsWith('/attachments/') === true)
    }

    it('serves text as text/plain; charset=utf-8 inline, anything else as a download, all sandboxed', async () => {
      const urls = await attachmentsOf(server.known.answered.path)
      expect(urls.length).toBe(3)
      for (const url of urls) {
        const res = await server.app.inject(url)
        expect(res.statusCode).toBe(200)
        expect(res.headers['x-content-type-options']).toBe('nosniff')
        expect(res.headers['content-security-policy']).toMatch(/^sandbox(;|$)/)
        expect(res.headers['content-security-policy']).toContain("default-src 'none'")
        const disposition = String(res.headers['content-disposition'])
        expect(disposition).toMatch(/filename\*=UTF-8''/)
        if (url.endsWith('.c') || url.endsWith('.txt')) {
          expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
          expect(disposition).toMatch(/^inline;/)
        } else {
          expect(res.headers['content-type']).toBe('application/octet-stream')
          expect(disposition).toMatch(/^attachment;/)
        }
      }
    })

    it('never serves uploaded HTML, SVG, XHTML, XML or JavaScript as what it claims to be', async () => {
      const urls = await attachmentsOf(server.known.open.path)
      expect(urls.map((u) => u.slice(u.lastIndexOf('/') + 1)).sort()).toEqual([
        'evil.html',
        'evil.js',
        'evil.svg',
        'evil.xhtml',
        'evil.xml',
      ])
      for (const url of urls) {
        const res = await server.app.inject(url)
        // Source-like files (evil.xml) may be shown as text; everything else is an opaque download.
        const type = res.headers['content-type']
        expect(['application/octet-stream', 'text/plain; charset=utf-8']).toContain(type)
        const kind = type === 'application/octet-stream' ? 'attachment' : 'inline'
        expect(String(res.headers['content-disposition'])).toMatch(
          new RegExp(`^${kind}; filename="[^"]*"; filename\\*=UTF-8''`),
        )
        expect(res.headers['x-content-type-options']).toBe('nosniff')
        expect(res.headers['content-security-policy']).toMatch(/^sandbox/)
      }
    })

    it('encodes hostile file names in Content-Disposition without header injection or traversal', async () => {
      const urls = await attachmentsOf(server.known.locked.path)
      expect(urls).toHaveLength(4)
      for (const url of urls) {
        const res = await server.app.inject(url)
        expect(res.statusCode).toBe(200)
        const disposition = String(res.headers['content-disposition'])
        expect(disposition).not.toMatch(/[\r\n]/)
        expect(disposition).toMatch(
          /^(inline|attachment); filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]*$/,
        )
        expect(res.headers['set-cookie']).toBeUndefined()
        expect(url).not.toContain('..')
      }
    })
  })
})

describe('HSTS', () => {
  let app: FastifyInstance
  let dispose: () => Promise<void>
  beforeAll(async () => {
    const { openTestDb } = await import('../support/test-db.js')
    const opened = await openTestDb('sqlite')
    dispose = opened.dispose
    app = await buildTestApp(opened.handle, { PUBLIC_URL: 'https://forum.example' })
  })
  afterAll(async () => {
    await app?.close()
    await dispose?.()
  })

  it('is sent with max-age of a year or more when PUBLIC_URL is https', async () => {
    for (const url of ['/', '/tags', '/no/such/page', '/robots.txt']) {
      const hsts = String((await app.inject(url)).headers['strict-transport-security'] ?? '')
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0)).toBeGreaterThanOrEqual(31_536_000)
    }
  })
})
