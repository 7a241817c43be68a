import { describe, expect, it } from 'vitest'
import { renderDocument } from '../../../src/views/render.js'
import { ErrorPage } from '../../../src/views/pages/error-page.js'
import { HomePage } from '../../../src/views/pages/home-page.js'
import { TagsIndexPage } from '../../../src/views/pages/tags-index-page.js'
import { count, driverKitTag, kernelTag, makeSite, makeThreadItem } from './fixtures.js'

describe('HomePage', () => {
  it('welcomes, lists the latest threads and the popular tags with counts', () => {
    const html = renderDocument(
      <HomePage site={makeSite()} latest={[makeThreadItem()]} tags={[kernelTag, driverKitTag]} />,
    )
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true)
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html).toContain('<title>Quorum</title>')
    expect(html).toContain('<table class="thread-table">')
    expect(html).toContain(
      '<a class="tag" href="/tags/kernel">Kernel</a> <span class="muted">45 posts</span>',
    )
    expect(html).toContain('1 post</span>')
  })

  it('shows an empty state before anyone has posted', () => {
    const html = renderDocument(<HomePage site={makeSite()} latest={[]} tags={[]} />)
    expect(html).toContain('No posts yet.')
    expect(html).not.toContain('<table')
  })
})

describe('TagsIndexPage', () => {
  it('lists every tag with its description and post count', () => {
    const html = renderDocument(
      <TagsIndexPage site={makeSite()} tags={[kernelTag, driverKitTag]} />,
    )
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html).toContain('<h1>Tags</h1>')
    expect(html).toContain('<a class="tag-card-name" href="/tags/kernel">Kernel</a>')
    expect(html).toContain(kernelTag.description)
    expect(html).toContain('45 posts')
    expect(html).toContain('<title>Tags – Quorum</title>')
  })
})

describe('ErrorPage', () => {
  it('states the error, is not indexed and offers ways on', () => {
    const html = renderDocument(
      <ErrorPage
        site={makeSite()}
        status={404}
        title="Thread not found"
        message="It may have been removed."
        links={[{ href: '/tags', label: 'Browse tags' }]}
      />,
    )
    expect(count(html, /<h1[\s>]/)).toBe(1)
    expect(html).toContain('<h1>Thread not found</h1>')
    expect(html).toContain('Error 404')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('<a href="/tags">Browse tags</a>')
  })

  it('links home when no links are given', () => {
    const html = renderDocument(
      <ErrorPage site={makeSite()} status={500} title="Something broke" message="Try again." />,
    )
    expect(html).toContain('<a href="/">Quorum home</a>')
  })
})

describe('Layout', () => {
  const render = (site = makeSite()) =>
    renderDocument(<ErrorPage site={site} status={400} title="T" message="M" />)

  it('has the document head a crawler and a browser need', () => {
    const html = render()
    expect(html).toContain('<meta charset="utf-8"/>')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>')
    expect(html).toContain('<meta name="color-scheme" content="light dark"/>')
    expect(html).toContain('<meta name="twitter:card" content="summary"/>')
    expect(html).toContain('<meta property="og:title" content="T"/>')
    expect(html).toContain('<meta name="description" content=')
    expect(html).toContain('<link rel="stylesheet" href="/assets/quorum.3f2a.css"/>')
    expect(html).toContain('<script type="module" src="/assets/main.91bc.js"></script>')
  })

  it('leaves out the script when there is no bundle', () => {
    expect(render(makeSite({ assets: { css: '/q.css', js: null } }))).not.toContain('<script')
  })

  it('has a skip link to main, the nav, and a labelled GET search form', () => {
    const html = render()
    expect(html).toContain('<a class="skip-link" href="#main">')
    expect(html).toContain('<main id="main"')
    expect(html).toContain('<a href="/tags">Tags</a>')
    expect(html).toContain('<a href="/ask">Ask</a>')
    expect(html).toMatch(/<form class="site-search" role="search" method="get" action="\/search">/)
    expect(html).toMatch(
      /<label class="visually-hidden" for="site-search-q">Search Quorum<\/label><input id="site-search-q" type="search" name="q"/,
    )
  })

  it('offers sign-in and registration to a visitor', () => {
    const html = render()
    expect(html).toContain('<a class="button button-quiet" href="/login">Sign in</a>')
    expect(html).toContain('<a class="button" href="/register">Register</a>')
    expect(html).not.toContain('action="/logout"')
    expect(html).not.toContain('href="/settings"')
  })

  it('links a signed-in viewer to their profile and settings', () => {
    const html = render(
      makeSite({ viewer: { username: 'ada_fs', title: null, role: 'member' }, csrfToken: 't' }),
    )
    expect(html).toContain('<a class="user-link" href="/users/ada_fs">ada_fs</a>')
    expect(html).toContain('<a class="account-link" href="/settings">Settings</a>')
    expect(html).not.toContain('href="/register"')
  })

  it('shows a signed-in viewer with staff title and a CSRF-protected sign-out form', () => {
    const site = makeSite({
      viewer: { username: 'quinn_dts', title: 'DTS Engineer', role: 'moderator' },
      csrfToken: 'csrf-123',
    })
    const html = render(site)
    expect(html).toContain(
      '<a class="user-link" href="/users/quinn_dts">quinn_dts</a> <span class="staff-title">DTS Engineer</span>',
    )
    expect(html).toMatch(
      /<form class="inline-form" method="post" action="\/logout"><input type="hidden" name="_csrf" value="csrf-123"\/>/,
    )
    expect(html).not.toContain('href="/login"')
  })
})
