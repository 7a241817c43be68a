/**
 * Titles in any script keep their words in the address (issue 26 defect 6): the slug holds them,
 * links and redirects carry them percent-encoded, and the address resolves.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: slugs in other scripts', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let id: number
  const title = 'Ошибка ядра после обновления: kext не грузится'
  const path = () =>
    `/threads/${id}/${encodeURIComponent('ошибка-ядра-после-обновления-kext-не-грузится')}`

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    id = await make.thread(t.db, { tags: ['kernel'], title })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  it('links the thread with its words, percent-encoded, and serves that address', async () => {
    const list = await app.inject({ url: '/tags/kernel' })
    const href = parseHtml(list.body)
      .querySelector(`a[href^="/threads/${id}/"]`)
      ?.getAttribute('href')
    expect(href).toBe(path())
    const page = await app.inject({ url: path() })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(title)
  })

  it('redirects a stale slug to the encoded address, not a 500', async () => {
    const res = await app.inject({ url: `/threads/${id}/old-title` })
    expect(res.statusCode).toBe(301)
    expect(res.headers.location).toBe(path())
  })

  it('puts the encoded address in the feed and the sitemap', async () => {
    const feed = await app.inject({ url: '/tags/kernel/feed' })
    expect(feed.body).toContain(`http://quorum.test${path()}`)
    const sitemap = await app.inject({ url: '/sitemap.xml' })
    expect(sitemap.body).toContain(`http://quorum.test${path()}`)
  })
})
