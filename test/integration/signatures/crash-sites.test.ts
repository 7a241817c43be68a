/**
 * Crash sites stored and shown, on each database (docs/signatures.md, "Crash sites"): the write path stores
 * each crash's site and process beside its cause, the crash page lists a cause's sites (own frames, threads,
 * counts) and the processes seen, a policy termination says it has no own frames, "N threads share this
 * crash" still counts the cause, and `rebuild` re-derives the rows exactly.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractSignatures, rebuildSignatures } from '../../../src/domain/signatures/index.js'
import { refreshThreadText } from '../../../src/domain/text-pipeline/index.js'
import { SITE_PAIRS } from '../../fixtures/signatures/posts-systems.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { loadApiDocument } from '../../support/openapi.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const pair = (prefix: string) => {
  const found = SITE_PAIRS.find((p) => p.name.startsWith(prefix))
  if (!found) throw new Error(`no site pair ${prefix}`)
  return found
}
const FREED = pair('objc_msgSend')
const KILLED = pair('RunningBoard')
/** The Harbor report again from another machine: another pid, other addresses, the same site. */
const HARBOR_AGAIN = FREED.a
  .replace('[3120]', '[78]')
  .replace(/0x0000000102a3/g, '0x0000000104b1')
  .replace('0x00000009a1b2c3d8', '0x0000000000000010')
const fence = (report: string) => `\`\`\`\n${report}\n\`\`\``

describe.each(DIALECTS)('%s: crash sites', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let harbor: number
  let harborAgain: number
  let quillpad: number
  const cause = extractSignatures(FREED.a).crashes[0]?.fingerprint ?? ''
  const policyCause = extractSignatures(KILLED.a).crashes[0]?.fingerprint ?? ''

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    harbor = await make.thread(t.db, {
      title: 'Harbor crashes when the flush timer fires',
      body: `After a network change Harbor dies:\n\n${fence(FREED.a)}`,
    })
    harborAgain = await make.thread(t.db, {
      title: 'Queue controller over-released after sleep',
      body: `Same crash for one of our users:\n\n${fence(HARBOR_AGAIN)}`,
      replies: [
        {
          author: 'helper',
          created_at: Date.now() - 60_000,
          body: `And again this morning:\n\n${fence(HARBOR_AGAIN)}`,
        },
      ],
    })
    quillpad = await make.thread(t.db, {
      title: 'Quillpad crashes in autosave',
      body: `Autosave crashes in objc_msgSend:\n\n${fence(FREED.b)}`,
    })
    await make.thread(t.db, {
      title: 'Fathom is killed while syncing in the background',
      body: fence(KILLED.a),
    })
    await make.thread(t.db, {
      title: 'Lumen Notes killed on suspend with a lock held',
      body: fence(KILLED.b),
    })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  const sitesOf = (threadId: number) =>
    t.db
      .selectFrom('crash_sites')
      .select(['cause', 'site', 'process', 'frames', 'post_count'])
      .where('thread_id', '=', threadId)
      .execute()

  it('stores each crash’s site and process beside its cause, counted by posts', async () => {
    const [own] = await sitesOf(harbor)
    expect(own).toMatchObject({
      cause,
      process: 'Harbor',
      frames: 'Harbor`-[HBQueueController flushPending:] < Harbor`-[HBQueueController timerFired:]',
      post_count: 1,
    })
    const again = await sitesOf(harborAgain)
    expect(again).toEqual([{ ...own, post_count: 2 }])
    const other = await sitesOf(quillpad)
    expect(other[0]?.cause).toBe(cause)
    expect(other[0]?.site).not.toBe(own?.site)
    expect(other[0]?.process).toBe('Quillpad')
  })

  it('lists a cause’s sites with their frames, threads and counts, and the processes seen', async () => {
    const res = await app.inject(`/signatures/crash/${cause}`)
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    expect(texts(doc, '.listing-count')).toEqual(['3 threads mention it'])
    expect(texts(doc, '.crash-sites h2')).toEqual(['Where it happened'])
    // One frame a line, top first.
    expect([...doc.querySelectorAll('.crash-site pre')].map((e) => e.textContent)).toEqual([
      'Harbor`-[HBQueueController flushPending:]\nHarbor`-[HBQueueController timerFired:]',
      'Quillpad`-[QPDocument autosaveWithCompletion:]',
    ])
    const counts = texts(doc, '.crash-site-count')
    expect(counts[0]).toMatch(/^2 threads at this site: /)
    expect(counts[0]).toContain('Queue controller over-released after sleep')
    expect(counts[0]).toContain('Harbor crashes when the flush timer fires')
    expect(counts[1]).toBe('1 thread at this site: Quillpad crashes in autosave')
    const links = [...doc.querySelectorAll('.crash-site-count a')].map((a) =>
      a.getAttribute('href'),
    )
    expect(links).toContain(`/threads/${quillpad}/quillpad-crashes-in-autosave`)
    expect(texts(doc, '.crash-processes')).toEqual([
      'Seen in: Harbor (2 threads), Quillpad (1 thread).',
    ])
    expect(res.body).not.toContain('by policy')
  })

  it('says a policy termination has no own frames: one site, the cause', async () => {
    const doc = parseHtml((await app.inject(`/signatures/crash/${policyCause}`)).body)
    expect(texts(doc, '.crash-sites p')[0]).toContain('ended these processes by policy')
    expect(texts(doc, '.crash-site-frames')).toEqual(['The cause alone'])
    expect(texts(doc, '.crash-site-count')[0]).toMatch(/^2 threads at this site: /)
    expect(texts(doc, '.crash-processes')).toEqual([
      'Seen in: Fathom (1 thread), Lumen Notes (1 thread).',
    ])
  })

  it('answers the same sites and processes from the API, as its schema says', async () => {
    const api = await loadApiDocument(app)
    const url = `/api/v1/signatures/crash/${cause}`
    const body = api.check('GET', url, await app.inject(url)) as {
      crash: { policy: boolean; sites: { frames: string[]; threadCount: number }[] }
    } & Record<string, unknown>
    expect(body.crash.policy).toBe(false)
    expect(body.crash.sites.map((s) => [s.frames.length, s.threadCount])).toEqual([
      [2, 2],
      [1, 1],
    ])
    expect(body.crash).toMatchObject({
      processes: [
        { name: 'Harbor', threadCount: 2 },
        { name: 'Quillpad', threadCount: 1 },
      ],
    })
    const policyUrl = `/api/v1/signatures/crash/${policyCause}`
    const policy = api.check('GET', policyUrl, await app.inject(policyUrl)) as typeof body
    expect(policy.crash).toMatchObject({ policy: true, sites: [{ frames: [], threadCount: 2 }] })
  })

  it('still counts threads sharing the crash by its cause', async () => {
    const doc = parseHtml((await app.inject(`/threads/${quillpad}`)).body)
    expect(texts(doc, '.crash-note')[0]).toMatch(
      /^Crash [0-9a-f]{12}: 2 other threads share this crash\.$/,
    )
  })

  it('rebuilds the sites to exactly what the write path stored', async () => {
    const snapshot = () =>
      t.db
        .selectFrom('crash_sites')
        .selectAll()
        .orderBy('thread_id')
        .orderBy('cause')
        .orderBy('site')
        .orderBy('process')
        .execute()
    const before = await snapshot()
    expect(before.length).toBe(5)
    await t.db.deleteFrom('crash_sites').execute()
    await rebuildSignatures(t.db, { batchSize: 2 })
    expect(await snapshot()).toEqual(before)
  })

  it('drops a deleted thread from its site', async () => {
    await t.db
      .updateTable('threads')
      .set({ deleted_at: Date.now() })
      .where('id', '=', quillpad)
      .execute()
    await refreshThreadText(t.db, quillpad)
    expect(await sitesOf(quillpad)).toEqual([])
    const doc = parseHtml((await app.inject(`/signatures/crash/${cause}`)).body)
    expect(texts(doc, '.crash-site pre')).toHaveLength(1)
    expect(texts(doc, '.crash-processes')).toEqual(['Seen in: Harbor (2 threads).'])
  })
})
