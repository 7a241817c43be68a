/**
 * Crash reports as data through the ask form (docs/signatures.md, "Crash reports as data"): an attached
 * `.ips` and a kernel panic file show on the thread page as readable reports, the poster's own frames marked,
 * and give the thread its crash and OS signatures; the stored file is what was posted.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PANIC_IPS, USER_IPS } from '../../fixtures/crash-reports/index.js'
import { type Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

async function multipartBody(
  fields: [string, string][],
  files: { name: string; content: string }[],
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData()
  for (const [k, v] of fields) form.append(k, v)
  for (const f of files) form.append('attachments', new Blob([f.content]), f.name)
  const encoded = new Request('http://quorum.test/', { method: 'POST', body: form })
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? '',
  }
}

describe.each(DIALECTS)('%s: crash report files', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let asker: Agent

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    asker = (await signedIn(app, t.db, 'ips_asker')).agent
    await asker.get('/ask')
  })
  afterAll(async () => app?.close())

  it('shows an attached .ips and a panic file as reports and reads their signatures', async () => {
    const { payload, contentType } = await multipartBody(
      [
        ['_csrf', asker.csrf ?? ''],
        ['title', 'Sync worker crashes, and a panic the night after'],
        ['body', 'Both files are attached: the app crash and the kernel panic.'],
        ['tags', 'kernel'],
      ],
      [
        { name: 'Tidewater-2026-11-20.ips', content: USER_IPS },
        { name: 'Kernel-2026-11-21.panic', content: PANIC_IPS },
      ],
    )
    const posted = await app.inject({
      method: 'POST',
      url: '/ask',
      remoteAddress: asker.ip,
      payload,
      headers: { 'content-type': contentType, cookie: asker.cookieHeader },
    })
    expect(posted.statusCode).toBe(303)
    const page = await asker.get(String(posted.headers.location))
    const doc = parseHtml(page.body)
    const previews = [...doc.querySelectorAll('.attachment-preview pre')].map(
      (p) => p.textContent ?? '',
    )
    expect(previews).toHaveLength(2)
    const report = previews.find((p) => p.startsWith('Process:')) ?? ''
    const panic = previews.find((p) => p.startsWith('panic(')) ?? ''
    expect(report).toContain('Exception Type:        EXC_BAD_ACCESS (SIGSEGV)')
    expect(report).toContain('Thread 1 Crashed:: TideSyncWorker')
    expect(report).not.toContain('"usedImages"')
    expect(panic).toMatch(/^panic\(cpu 2 caller/)
    expect(panic).not.toContain('"panicString"')
    const marked = [...doc.querySelectorAll('.attachment-preview mark.own-frame')].map(
      (m) => m.textContent ?? '',
    )
    expect(marked).toHaveLength(3)
    expect(marked[0]).toContain('TideLedger::append')

    const threadId = Number(/\/threads\/(\d+)/.exec(String(posted.headers.location))?.[1])
    const rows = await t.db
      .selectFrom('thread_signatures')
      .select(['kind', 'label', 'detail'])
      .where('thread_id', '=', threadId)
      .execute()
    const crashes = rows.filter((r) => r.kind === 'crash').map((r) => r.detail)
    expect(crashes).toContain(
      'panic: "tidefs_vnop_reclaim: vnode <addr> still has <n> io refs" @tidefs_vnops.c',
    )
    expect(crashes).toContain('crash: EXC_BAD_ACCESS (SIGSEGV) | KERN_INVALID_ADDRESS')
    // Its site and process are stored beside the cause (crash_sites).
    const sites = await t.db
      .selectFrom('crash_sites')
      .select(['process', 'frames'])
      .where('thread_id', '=', threadId)
      .orderBy('process')
      .execute()
    expect(sites).toContainEqual({
      process: 'Tidewater',
      frames: 'Tidewater`TideLedger::append(Entry const&) < Tidewater`TideSync::drainQueue()',
    })
    expect(rows.filter((r) => r.kind === 'os').map((r) => r.label)).toEqual(['macOS 26.1 (25B78)'])
    // The file itself is kept as posted.
    const link = [...doc.querySelectorAll('.attachment-file a')]
      .find((a) => a.textContent === 'Tidewater-2026-11-20.ips')
      ?.getAttribute('href')
    const file = await asker.get(String(link))
    expect(file.body).toBe(USER_IPS)
  })
})
