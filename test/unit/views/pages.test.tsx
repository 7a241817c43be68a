/**
 * The home, tags-index and error pages, and the layout around every page, as a reader (and a crawler)
 * finds them: queried through the DOM (test/support/html.ts), so markup may change while what is shown
 * stays.
 */
import { describe, expect, it } from 'vitest'
import { renderDocument } from '../../../src/views/render.js'
import { ErrorPage } from '../../../src/views/pages/error-page.js'
import { HomePage } from '../../../src/views/pages/home-page.js'
import { TagsIndexPage } from '../../../src/views/pages/tags-index-page.js'
import { parseHtml, texts } from '../../support/html.js'
import { driverKitTag, kernelTag, makeSite, makeThreadItem } from './fixtures.js'

const render = (page: Parameters<typeof renderDocument>[0]) => parseHtml(renderDocument(page))
/** The link with exactly this text, or null. */
const link = (doc: Document | Element, text: string) =>
  [...doc.querySelectorAll('a')].find((a) => a.textContent?.trim() === text) ?? null
const meta = (doc: Document, selector: string) =>
  doc.querySelector(`meta[${selector}]`)?.getAttribute('content')

describe('HomePage', () => {
  it('welcomes, lists the latest threads and the popular tags with counts', () => {
    const html = renderDocument(
      <HomePage site={makeSite()} latest={[makeThreadItem()]} tags={[kernelTag, driverKitTag]} />,
    )
    expect(html.startsWith('<!doctype html>')).toBe(true)
    const doc = parseHtml(html)
    expect(doc.documentElement.lang).toBe('en')
    expect(doc.querySelectorAll('h1')).toHaveLength(1)
    expect(doc.title).toBe('Quorum')
    expect(texts(doc, 'table .thread-title')).toEqual([makeThreadItem().title])
    expect(texts(doc, '.tag-counts li')).toEqual(['Kernel 45 posts', 'DriverKit 1 post'])
    expect(doc.querySelector('.tag-counts a')?.getAttribute('href')).toBe('/tags/kernel')
  })

  it('shows an empty state before anyone has posted', () => {
    const doc = render(<HomePage site={makeSite()} latest={[]} tags={[]} />)
    expect(doc.querySelector('main')?.textContent).toContain('No posts yet.')
    expect(doc.querySelector('table')).toBeNull()
  })
})

describe('TagsIndexPage', () => {
  it('lists every tag with its description and post count', () => {
    const doc = render(<TagsIndexPage site={makeSite()} tags={[kernelTag, driverKitTag]} />)
    expect(texts(doc, 'h1')).toEqual(['Tags'])
    expect(doc.title).toBe('Tags – Quorum')
    const kernel = link(doc, 'Kernel')
    expect(kernel?.getAttribute('href')).toBe('/tags/kernel')
    const main = doc.querySelector('main')?.textContent ?? ''
    expect(main).toContain(kernelTag.description)
    expect(main).toContain('45 posts')
    expect(link(doc, 'DriverKit')?.getAttribute('href')).toBe('/tags/driverkit')
  })
})

describe('ErrorPage', () => {
  it('states the error, is not indexed and offers ways on', () => {
    const doc = render(
      <ErrorPage
        site={makeSite()}
        status={404}
        title="Thread not found"
        message="It may have been removed."
        links={[{ href: '/tags', label: 'Browse tags' }]}
      />,
    )
    expect(texts(doc, 'h1')).toEqual(['Thread not found'])
    const main = doc.querySelector('main')?.textContent ?? ''
    expect(main).toContain('Error 404')
    expect(main).toContain('It may have been removed.')
    expect(meta(doc, 'name="robots"')).toBe('noindex')
    expect(link(doc.querySelector('main') ?? doc, 'Browse tags')?.getAttribute('href')).toBe(
      '/tags',
    )
  })

  it('links home when no links are given', () => {
    const doc = render(
      <ErrorPage site={makeSite()} status={500} title="Something broke" message="Try again." />,
    )
    expect(link(doc.querySelector('main') ?? doc, 'Quorum home')?.getAttribute('href')).toBe('/')
  })
})

describe('Layout', () => {
  const page = (site = makeSite()) =>
    render(<ErrorPage site={site} status={400} title="T" message="M" />)

  it('has the document head a crawler and a browser need', () => {
    const doc = page()
    expect(doc.characterSet).toBe('UTF-8')
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8')
    expect(meta(doc, 'name="viewport"')).toBe('width=device-width, initial-scale=1')
    expect(meta(doc, 'name="color-scheme"')).toBe('light dark')
    expect(meta(doc, 'name="twitter:card"')).toBe('summary')
    expect(meta(doc, 'property="og:title"')).toBe('T')
    expect(meta(doc, 'name="description"')).toBeTruthy()
    expect(doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe(
      '/assets/quorum.3f2a.css',
    )
    const script = doc.querySelector('script[src]')
    expect(script?.getAttribute('src')).toBe('/assets/main.91bc.js')
    expect(script?.getAttribute('type')).toBe('module')
  })

  it('leaves out the script when there is no bundle', () => {
    const doc = page(makeSite({ assets: { css: '/q.css', js: null } }))
    expect(doc.querySelectorAll('script')).toHaveLength(0)
  })

  it('has a skip link to main, the nav, and a labelled GET search form', () => {
    const doc = page()
    const skip = doc.querySelector('a.skip-link')
    expect(skip?.getAttribute('href')).toBe('#main')
    expect(doc.body.querySelector('a')).toBe(skip) // the first thing a keyboard reaches
    expect(doc.querySelector('main')?.id).toBe('main')
    expect(link(doc, 'Tags')?.getAttribute('href')).toBe('/tags')
    expect(link(doc, 'Ask')?.getAttribute('href')).toBe('/ask')
    const search = doc.querySelector('form[role="search"]')
    expect(search?.getAttribute('method')).toBe('get')
    expect(search?.getAttribute('action')).toBe('/search')
    const input = search?.querySelector('input[type="search"]')
    expect(input?.getAttribute('name')).toBe('q')
    expect(doc.querySelector(`label[for="${input?.id}"]`)?.textContent).toBe('Search Quorum')
  })

  it('offers sign-in and registration to a visitor', () => {
    const doc = page()
    expect(link(doc, 'Sign in')?.getAttribute('href')).toBe('/login')
    expect(link(doc, 'Register')?.getAttribute('href')).toBe('/register')
    expect(doc.querySelector('form[action="/logout"]')).toBeNull()
    expect(doc.querySelector('a[href="/settings"]')).toBeNull()
  })

  it('links a signed-in viewer to their profile and settings', () => {
    const doc = page(
      makeSite({ viewer: { username: 'ada_fs', title: null, role: 'member' }, csrfToken: 't' }),
    )
    expect(link(doc, 'ada_fs')?.getAttribute('href')).toBe('/users/ada_fs')
    expect(link(doc, 'Settings')?.getAttribute('href')).toBe('/settings')
    expect(link(doc, 'Register')).toBeNull()
    expect(doc.querySelector('a[href="/register"]')).toBeNull()
  })

  it('shows a signed-in viewer with staff title and a CSRF-protected sign-out form', () => {
    const doc = page(
      makeSite({
        viewer: { username: 'quinn_dts', title: 'DTS Engineer', role: 'moderator' },
        csrfToken: 'csrf-123',
      }),
    )
    const user = link(doc, 'quinn_dts')
    expect(user?.getAttribute('href')).toBe('/users/quinn_dts')
    expect(user?.parentElement?.textContent).toContain('quinn_dts DTS Engineer')
    const signOut = doc.querySelector('form[action="/logout"]')
    expect(signOut?.getAttribute('method')).toBe('post')
    expect(
      signOut?.querySelector('input[type="hidden"][name="_csrf"]')?.getAttribute('value'),
    ).toBe('csrf-123')
    expect(doc.querySelector('a[href="/login"]')).toBeNull()
  })
})
