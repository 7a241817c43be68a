// @vitest-environment jsdom
import { renderToString } from 'preact-render-to-string'
import { h } from 'preact'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { withLocale } from '../../../src/i18n/index.js'
import { Layout } from '../../../src/views/layout/layout.js'
import type { SiteContext } from '../../../src/views/site.js'

const SITE: SiteContext = {
  name: 'Quorum',
  baseUrl: 'http://127.0.0.1',
  assets: { css: '/a.css', js: null },
  viewer: null,
  now: 0,
  csrfToken: null,
}

/** The document a server renders in `locale`, as the browser gets it. */
function loadDocument(locale: 'en' | 'de'): void {
  const html = withLocale(locale, () =>
    renderToString(h(Layout, { site: SITE, meta: { title: 'x' }, children: null })),
  )
  document.documentElement.innerHTML = html.replace(/^<html[^>]*>|<\/html>$/g, '')
  document.documentElement.lang = /<html lang="(\w+)"/.exec(html)?.[1] ?? ''
}

describe('the islands’ t()', () => {
  beforeEach(() => vi.resetModules())

  it('reads the page’s German messages, with values put in', async () => {
    loadDocument('de')
    const { t, pageLocale } = await import('../../../src/client/lib/i18n.js')
    expect(pageLocale()).toBe('de')
    // The block is there and parses even while the islands' catalogue is small.
    expect(document.getElementById('quorum-messages')).not.toBeNull()
    expect(t('An island message not yet translated: {n}', { n: 3 })).toBe(
      'An island message not yet translated: 3',
    )
  })

  it('speaks English where the page carries no messages', async () => {
    loadDocument('en')
    const { t, pageLocale } = await import('../../../src/client/lib/i18n.js')
    expect(document.getElementById('quorum-messages')).toBeNull()
    expect(pageLocale()).toBe('en')
    expect(t('Saved {when}', { when: 'now', other: 1 })).toBe('Saved now')
    expect(t('Keeps {unknown} placeholders')).toBe('Keeps {unknown} placeholders')
  })
})
