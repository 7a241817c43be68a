/**
 * Tags as people type them (issue 26 defect 4): names or slugs, any case, separated by commas; a
 * several-word entry that is no tag's name counts as several tags when each word is one.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveTagList } from '../../../src/domain/tags/index.js'
import { type Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: the tags field', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let asker: Agent

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await make.tag(t.db, 'network-extension', { name: 'Network Extension' })
    await make.tag(t.db, 'usb', { name: 'USB' })
    app = await buildTestApp(t.handle)
    asker = (await signedIn(app, t.db, 'tags_asker')).agent
  })
  afterAll(async () => app?.close())

  it.each([
    ['Kernel, Network Extension', ['kernel', 'network-extension']],
    ['kernel, network-extension', ['kernel', 'network-extension']],
    ['NETWORK EXTENSION;usb', ['network-extension', 'usb']],
    ['kernel usb', ['kernel', 'usb']],
    ['Kernel, kernel, KERNEL', ['kernel']],
    ['  usb ,, kernel ', ['usb', 'kernel']],
  ])('reads %j as %j', async (typed, slugs) => {
    const { tags, unknown } = await resolveTagList(t.db, typed)
    expect(tags.map((tag) => tag.slug)).toEqual(slugs)
    expect(unknown).toEqual([])
  })

  it('names what it does not know, as typed', async () => {
    const { tags, unknown } = await resolveTagList(t.db, 'Kernel, Driver Kit, usb storage')
    expect(tags.map((tag) => tag.slug)).toEqual(['kernel'])
    expect(unknown).toEqual(['Driver Kit', 'usb storage'])
  })

  it('posts a question tagged by names, and says which names it does not know', async () => {
    await asker.get('/ask')
    const posted = await asker.postMultipart('/ask', {
      title: 'A content filter stops seeing flows after sleep',
      body: 'After wake, no new flows reach the provider.',
      tags: 'Kernel, Network Extension',
    })
    expect(posted.statusCode).toBe(303)
    const page = await asker.get(String(posted.headers.location))
    expect(texts(parseHtml(page.body), 'a[href^="/tags/"]')).toEqual(
      expect.arrayContaining(['Kernel', 'Network Extension']),
    )
    await asker.get('/ask')
    const refused = await asker.postMultipart('/ask', {
      title: 'A content filter stops seeing flows after sleep',
      body: 'After wake, no new flows reach the provider.',
      tags: 'Kernel, Endpoint Security',
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('Unknown tag: Endpoint Security')
  })
})
