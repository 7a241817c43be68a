// @vitest-environment jsdom
/**
 * The islands on a German page: they speak the catalogue the server put in the page (#quorum-messages),
 * and what they write matches what the server renders in German.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderSimilarThreadsFragment } from '../../../src/views/components/similar-threads.js'
import { renderReplyFragment } from '../../../src/views/fragments.js'
import { ThreadPage } from '../../../src/views/pages/thread-page.js'
import { renderDocument } from '../../../src/views/render.js'
import { makeControls, makePost, makeThreadPageData, NOW, signedInSite } from '../views/fixtures.js'
import { fakeDeps, jsonResponse, settle, submit } from './helpers.js'

/** A thread page rendered in `locale`, loaded whole (head and body) as the browser gets it. */
function loadThreadPage(locale: 'de' | 'en'): void {
  const controls = makeControls({ canBoost: true, canAccept: true })
  const data = makeThreadPageData({
    replies: [makePost({ id: 503, accepted: true }), makePost({ id: 504 })],
  })
  const html = renderDocument(
    <ThreadPage
      site={signedInSite()}
      data={data}
      viewer={{ controls: { 503: controls, 504: controls }, canReply: true }}
    />,
    locale,
  )
  document.documentElement.innerHTML = html.replace(/^<!doctype html>|<html[^>]*>|<\/html>$/g, '')
  document.documentElement.lang = /<html lang="(\w+)"/.exec(html)?.[1] ?? ''
}

const $ = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector)
  if (el === null) throw new Error(`missing ${selector}`)
  return el
}

/** The island registry, loaded afresh so the islands read this page's messages. */
async function islands() {
  const { wireIslands } = await import('../../../src/client/islands.js')
  return wireIslands
}

beforeEach(() => vi.resetModules())
afterEach(() => {
  document.documentElement.innerHTML = ''
  document.documentElement.lang = ''
})

describe('islands on a German page', () => {
  it('boost: the label and count change in German, as the server wrote them', async () => {
    loadThreadPage('de')
    const form = $('form[action="/posts/504/boost"]')
    expect(form.querySelector('[data-boost-label]')?.textContent).toBe('Boosten')
    expect(form.querySelector('[data-boost-count]')?.textContent).toBe('2 Boosts')
    const wire = await islands()
    wire(
      document,
      fakeDeps(async () => jsonResponse({ boosted: true, boostCount: 1 })),
    )
    submit(form)
    await settle()
    expect(form.querySelector('[data-boost-label]')?.textContent).toBe('Geboostet')
    expect(form.querySelector('[data-boost-count]')?.textContent).toBe('1 Boost')
  })

  it('accept: buttons, badge and headings are rewritten in German', async () => {
    loadThreadPage('de')
    expect($('#post-503 [data-post-heading]').textContent).toBe('Akzeptierte Antwort von ada_fs')
    const wire = await islands()
    wire(
      document,
      fakeDeps(async () => jsonResponse({ accepted: true, acceptedPostId: 504 })),
    )
    submit($('form[action="/posts/504/accept"]'))
    await settle()
    expect($('form[action="/posts/504/accept"] button').textContent).toBe('Nicht mehr akzeptieren')
    expect($('form[action="/posts/503/accept"] button').textContent).toBe('Antwort akzeptieren')
    expect($('#post-504 [data-accepted-badge]').textContent).toBe('✓ Akzeptierte Antwort')
    expect($('#post-504 [data-post-heading]').textContent).toBe('Akzeptierte Antwort von ada_fs')
    expect($('#post-503 [data-post-heading]').textContent).toBe('Antwort von ada_fs')
  })

  it('stays English on an English page', async () => {
    loadThreadPage('en')
    const wire = await islands()
    wire(
      document,
      fakeDeps(async () => jsonResponse({ boosted: true, boostCount: 1234 })),
    )
    const form = $('form[action="/posts/504/boost"]')
    submit(form)
    await settle()
    expect(form.querySelector('[data-boost-label]')?.textContent).toBe('Boosted')
    expect(form.querySelector('[data-boost-count]')?.textContent).toBe('1,234 boosts')
  })
})

describe('fragments islands insert', () => {
  it('are in the reader’s language when given it, else in the surrounding render’s', () => {
    const post = makePost({ id: 505 })
    const controls = makeControls({ canBoost: true })
    expect(renderReplyFragment(post, controls, NOW, null, 'de')).toContain('Antwort von ada_fs')
    expect(renderReplyFragment(post, controls, NOW, null)).toContain('Reply by ada_fs')
    const similar = [
      { id: 7, slug: 'x', title: 'X', solved: false, replyCount: 2, shared: [], score: 1 },
    ]
    expect(renderSimilarThreadsFragment(similar, 'de')).toContain('2 Antworten')
    expect(renderSimilarThreadsFragment(similar)).toContain('2 replies')
  })
})
