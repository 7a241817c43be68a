/**
 * Bug-report pages (docs/signatures.md, "Bug reports"): `/signatures/reference/FB…` lists every thread that
 * cites the number, when it was first and last cited, and a status when staff or an asker says it is fixed,
 * linked to the page of the release named.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 9, 1, 12)

describe.each(DIALECTS)('%s: bug-report pages', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  const page = async (key: string) => {
    const res = await app.inject({ method: 'GET', url: `/signatures/reference/${key}` })
    return { status: res.statusCode, doc: parseHtml(res.body) }
  }
  const status = (doc: Document) =>
    [...doc.querySelectorAll('.reference-status p')]
      .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
      .join(' ')

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await make.thread(t.db, {
      title: 'Content filter stops seeing flows after sleep',
      author: 'fb_first',
      created_at: T0,
      body: 'Filed FB20261001 with a sysdiagnose. The filter gets no new flows after wake.',
      replies: [
        // Not the asker, not staff: does not set the status.
        { author: 'fb_bystander', created_at: T0 + 30 * DAY, body: 'Fixed in macOS 26.9 (25Z99)?' },
      ],
    })
    await make.thread(t.db, {
      title: 'NEFilterDataProvider silent after wake',
      author: 'fb_second',
      created_at: T0 + 5 * DAY,
      body: 'Same as FB20261001, I think: nothing after wake on macOS 26.1 (25B78).',
      replies: [
        {
          author: 'fb_helper',
          created_at: T0 + 6 * DAY,
          body: 'I cited FB20261001 in my own report.',
        },
        {
          author: 'fb_second',
          created_at: T0 + 40 * DAY,
          body: 'Good news: this is fixed in macOS 26.2 (25C56). Thanks all.',
        },
        { author: 'fb_bystander', created_at: T0 + 41 * DAY, body: 'Not fixed for me on 26.2.' },
      ],
    })
    await make.thread(t.db, {
      title: 'Tunnel drops on network change',
      author: 'fb_third',
      created_at: T0 + 2 * DAY,
      body: 'Filed FB20261099.',
      replies: [{ author: 'fb_third', created_at: T0 + 3 * DAY, body: 'Is this fixed in 26.2?' }],
    })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  it('lists the citing threads with the first and last citation and the asker’s fix', async () => {
    const { status: code, doc } = await page('FB20261001')
    expect(code).toBe(200)
    expect(doc.querySelectorAll('tbody tr, .thread-row').length).toBeGreaterThanOrEqual(2)
    expect(status(doc)).toContain('First cited 1 Oct 2026, last cited 7 Oct 2026.')
    expect(status(doc)).toContain(
      'Reported fixed in macOS 26.2 (25C56) by the asker on 10 Nov 2026, in NEFilterDataProvider silent after wake.',
    )
    const release = doc
      .querySelector<HTMLAnchorElement>('.reference-status a')
      ?.getAttribute('href')
    expect(release).toBe('/signatures/os/macos-25C56')
    const linked = await app.inject({ method: 'GET', url: String(release) })
    expect(linked.statusCode).toBe(200)
  })

  it('takes a later fix said by staff over the asker’s', async () => {
    await t.db
      .updateTable('users')
      .set({ role: 'moderator' })
      .where('username', '=', 'fb_helper')
      .execute()
    await make.thread(t.db, {
      title: 'Another report of the filter after wake',
      author: 'fb_fourth',
      created_at: T0 + 50 * DAY,
      body: 'Probably FB20261001 again.',
      replies: [
        {
          author: 'fb_helper',
          created_at: T0 + 51 * DAY,
          body: 'This was fixed in macOS 26.3 (25D5101); please update.',
        },
      ],
    })
    const { doc } = await page('FB20261001')
    expect(status(doc)).toContain('last cited 20 Nov 2026.')
    expect(status(doc)).toContain('Reported fixed in macOS 26.3 (25D5101) by staff on 21 Nov 2026')
  })

  it('says nobody has called it fixed when only a question asks', async () => {
    const { doc } = await page('FB20261099')
    expect(status(doc)).toBe(
      'First cited 3 Oct 2026, last cited 3 Oct 2026. No one has said it is fixed.',
    )
  })
})
