/**
 * Signatures as readers meet them, through the real app on each database: the Mentions line and crash note
 * on a thread page, the similar-threads panel, /signatures pages, the ask page's similar-threads endpoint, and
 * signatures kept in step by every write (reply, comment, edit, delete, restore) and by `rebuild`.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rebuildSignatures } from '../../../src/domain/signatures/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const PANIC = (cpu: number, caller: string, line: number) =>
  `panic(cpu ${cpu} caller 0xfffffe00${caller}): "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c:${line}`

describe.each(DIALECTS)('%s: signatures on pages', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let enobufs: number
  let twinA: number
  let twinB: number
  let other: number

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    enobufs = await make.thread(t.db, {
      title: 'sendto fails with ENOBUFS on macOS 26.1 (25B78)',
      body: 'Our tunnel calls `socket()` and then `sendto()`; it fails with ENOBUFS under load. Filed FB12345678.',
      replies: [
        { author: 'helper', created_at: Date.now() - 1000, body: 'Same here: sendto failed 55.' },
      ],
    })
    twinA = await make.thread(t.db, {
      title: 'Overlay file system panics in APFS locking',
      body: `Our stacking file system panics on write:\n\n\`\`\`\n${PANIC(4, '2c1f88a4', 435)}\n\`\`\``,
      replies: [
        {
          author: 'helper',
          created_at: Date.now() - 1000,
          body: 'Use a separate thread.',
          accepted: true,
        },
      ],
    })
    twinB = await make.thread(t.db, {
      title: 'Kernel panic with our encryption layer over APFS during backups',
      body: `Time Machine backups bring the Mac down:\n\n${PANIC(1, '18a0c3b0', 441)}\nDebugger message: panic\n\nWhat is recursive here?`,
    })
    other = await make.thread(t.db, {
      title: 'How do I sign a system extension for distribution?',
      body: 'We want to notarize our DriverKit extension. Which certificate do we need?',
    })
    app = await buildTestApp(t.handle)
  })
  afterAll(async () => app?.close())

  /** Asks a question in the kernel tag through the ask form; returns the new thread's id. */
  const ask = async (agent: Agent, title: string, body: string) => {
    await agent.get('/ask')
    const asked = await agent.postMultipart('/ask', { title, body, tags: 'kernel', intent: 'post' })
    return Number(/\/threads\/(\d+)/.exec(asked.headers.location ?? '')?.[1])
  }
  /** The Mentions line of a thread, as anonymous readers see it. */
  const mentionsOf = async (threadId: number) =>
    texts(parseHtml((await app.inject(`/threads/${threadId}`)).body), '.mentions a')

  it('shows the Mentions line, each linking to the threads that share it', async () => {
    const doc = parseHtml((await app.inject(`/threads/${enobufs}`)).body)
    const line = texts(doc, '.mentions')[0] ?? ''
    expect(line).toBe(
      'Mentions: macOS 26.1 (25B78) · , ENOBUFS · , socket() · , sendto() · , FB12345678',
    )
    const links = [...doc.querySelectorAll('.mentions a')].map((a) => a.getAttribute('href'))
    expect(links).toEqual([
      '/signatures/os/macos-25B78',
      '/signatures/error/ENOBUFS',
      '/signatures/symbol/socket',
      '/signatures/symbol/sendto',
      '/signatures/reference/FB12345678',
    ])
  })

  it('says how many other threads share a crash, and lists the twin first among similar threads', async () => {
    const doc = parseHtml((await app.inject(`/threads/${twinB}`)).body)
    expect(texts(doc, '.crash-note')[0]).toMatch(
      /^Crash [0-9a-f]{12}: 1 other thread shares this crash\.$/,
    )
    const similar = [...doc.querySelectorAll('aside.similar-threads .similar-item')]
    expect(similar[0]?.querySelector('a')?.getAttribute('href')).toBe(
      `/threads/${twinA}/overlay-file-system-panics-in-apfs-locking`,
    )
    expect(similar[0]?.textContent).toContain('Solved')
    expect(similar.some((s) => s.textContent?.includes('sign a system extension'))).toBe(false)
    expect(doc.querySelector('aside.similar-threads h2')?.textContent).toBe('Similar threads')
  })

  it('shows a pasted panic as a code block with its lines kept', async () => {
    const doc = parseHtml((await app.inject(`/threads/${twinB}`)).body)
    const pre = doc.querySelector('.post-body pre.code-rescued')
    expect(pre?.textContent).toBe(`${PANIC(1, '18a0c3b0', 441)}\nDebugger message: panic\n`)
    expect(texts(doc, '.post-body p')).toContain('What is recursive here?')
  })

  it('lists every thread that shares a signature, with the count', async () => {
    const res = await app.inject('/signatures/error/ENOBUFS')
    expect(res.statusCode).toBe(200)
    const doc = parseHtml(res.body)
    expect(texts(doc, 'h1')).toEqual(['ENOBUFS'])
    expect(texts(doc, '.listing-count')).toEqual(['1 thread mentions it'])
    expect(texts(doc, '.thread-title')).toEqual(['sendto fails with ENOBUFS on macOS 26.1 (25B78)'])
    const crash = (await app.inject(`/threads/${twinA}`)).body.match(
      /\/signatures\/crash\/([0-9a-f]{12})/,
    )?.[1]
    const crashPage = parseHtml((await app.inject(`/signatures/crash/${crash}`)).body)
    expect(texts(crashPage, '.listing-count')).toEqual(['2 threads mention it'])
    expect(texts(crashPage, '.signature-detail pre')).toEqual([
      'panic: "apfs_io_lock_exclusive : Recursive exclusive lock attempt" @fs_utils.c',
    ])
  })

  it('answers 404 for a signature nothing mentions', async () => {
    expect((await app.inject('/signatures/error/EBOGUS')).statusCode).toBe(404)
    expect((await app.inject('/signatures/flavour/ENOBUFS')).statusCode).toBe(404)
  })

  it('suggests similar threads while asking, to signed-in people only', async () => {
    const anonymous = new Agent(app)
    const refused = await anonymous.post('/ask/similar', { title: 'x', body: 'y' }, { json: true })
    expect(refused.statusCode).toBe(403)
    const { agent } = await signedIn(app, t.db, 'asker_sim')
    await agent.get('/ask')
    const noToken = await agent.post(
      '/ask/similar',
      { title: 'panic', body: 'x' },
      { json: true, csrf: null },
    )
    expect(noToken.statusCode).toBe(403)
    const res = await agent.post(
      '/ask/similar',
      { title: 'APFS panic: Recursive exclusive lock attempt', body: PANIC(7, '11112222', 430) },
      { json: true },
    )
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const body = res.json() as { threads: { id: number; solved: boolean }[]; html: string }
    expect(
      body.threads
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    ).toEqual([twinA, twinB].sort())
    expect(body.threads.find((s) => s.id === twinA)?.solved).toBe(true)
    expect(body.html).toContain('Similar threads')
    expect(body.threads.some((s) => s.id === other)).toBe(false)
  })

  it('renders the ask page with the similar-threads box for the island', async () => {
    const { agent } = await signedIn(app, t.db, 'asker_box')
    const doc = parseHtml((await agent.get('/ask')).body)
    const box = doc.querySelector('[data-island="similar-threads"]')
    expect(box?.getAttribute('data-endpoint')).toBe('/ask/similar')
    expect(box?.hasAttribute('hidden')).toBe(true)
    expect(box?.closest('form')?.getAttribute('action')).toBe('/ask')
  })

  it('keeps signatures in step with replies, edits, deletes and restores', async () => {
    const { agent } = await signedIn(app, t.db, 'writer_one')
    const moderator = (await signedIn(app, t.db, 'mod_sig', 'moderator')).agent
    const threadId = await ask(
      agent,
      'IOServiceOpen returns an error from our helper',
      'It returns 0xe00002e2 every time.',
    )
    const mentions = () => mentionsOf(threadId)
    expect(await mentions()).toEqual(['kIOReturnNotPermitted', 'IOServiceOpen'])

    await agent.get(`/threads/${threadId}`)
    await agent.post(`/threads/${threadId}/replies`, {
      body: 'Also seen with FB13579246 on macOS 15.6 (24G84).',
    })
    expect(await mentions()).toEqual([
      'macOS 15.6 (24G84)',
      'kIOReturnNotPermitted',
      'IOServiceOpen',
      'FB13579246',
    ])

    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    await agent.get(`/posts/${question.id}/edit`)
    await agent.post(`/posts/${question.id}/edit`, {
      title: 'IOServiceOpen returns an error from our helper',
      body: 'It fails with kIOReturnNoDevice now.',
    })
    expect(await mentions()).toEqual([
      'macOS 15.6 (24G84)',
      'kIOReturnNoDevice',
      'IOServiceOpen',
      'FB13579246',
    ])

    await moderator.get(`/threads/${threadId}`)
    await moderator.post(`/posts/${question.id}/delete`)
    expect((await app.inject('/signatures/reference/FB13579246')).statusCode).toBe(404)
    await moderator.post(`/posts/${question.id}/restore`)
    expect((await app.inject('/signatures/reference/FB13579246')).statusCode).toBe(200)
  })

  it('keeps signatures in step with comments: a new one shows at once, edits, deletes and restores too', async () => {
    const asker = (await signedIn(app, t.db, 'comment_asker')).agent
    const { agent: helper } = await signedIn(app, t.db, 'comment_helper')
    const moderator = (await signedIn(app, t.db, 'mod_comments', 'moderator')).agent
    const title = 'Extended attributes vanish on our network volume'
    const threadId = await ask(asker, title, 'Copying files to the share drops their tags.')
    await helper.get(`/threads/${threadId}`)
    const replied = await helper.post(`/threads/${threadId}/replies`, {
      body: 'Does the server support them at all?',
    })
    const replyId = Number(/#post-(\d+)$/.exec(replied.headers.location ?? '')?.[1])
    const mentions = () => mentionsOf(threadId)
    const listed = async (path: string) => {
      const res = await app.inject(path)
      return res.statusCode === 200 ? texts(parseHtml(res.body), '.thread-title') : res.statusCode
    }
    expect(await listed('/signatures/error/ENOTSUP')).toBe(404)

    // The asker's comment under the reply names an error and a bug report: both count at once.
    await asker.get(`/threads/${threadId}`)
    const commented = await asker.post(`/posts/${replyId}/comments`, {
      body: 'It does; setxattr fails with ENOTSUP. Filed FB24681357.',
    })
    expect(commented.statusCode).toBe(303)
    const commentId = Number(/#post-(\d+)$/.exec(commented.headers.location ?? '')?.[1])
    expect(await mentions()).toEqual(['ENOTSUP', 'FB24681357'])
    expect(await listed('/signatures/error/ENOTSUP')).toEqual([title])
    expect(await listed('/signatures/reference/FB24681357')).toEqual([title])

    await asker.get(`/posts/${commentId}/edit`)
    const edited = await asker.post(`/posts/${commentId}/edit`, {
      body: 'It does; setxattr fails with ENOTSUP.',
    })
    expect(edited.statusCode).toBe(303)
    expect(await listed('/signatures/reference/FB24681357')).toBe(404)
    expect(await mentions()).toEqual(['ENOTSUP'])

    await asker.get(`/threads/${threadId}`)
    expect((await asker.post(`/posts/${commentId}/delete`)).statusCode).toBe(303)
    expect(await listed('/signatures/error/ENOTSUP')).toBe(404)
    expect(await mentions()).toEqual([])

    await moderator.get(`/threads/${threadId}`)
    expect((await moderator.post(`/posts/${commentId}/restore`)).statusCode).toBe(303)
    expect(await listed('/signatures/error/ENOTSUP')).toEqual([title])
  })

  it('rebuilds to exactly what the write path stored', async () => {
    const snapshot = () =>
      t.db
        .selectFrom('thread_signatures')
        .select(['thread_id', 'kind', 'key', 'label', 'detail', 'post_count', 'position'])
        .orderBy('thread_id')
        .orderBy('kind')
        .orderBy('key')
        .execute()
    const before = await snapshot()
    await t.db.deleteFrom('thread_signatures').execute()
    const progress: number[] = []
    const result = await rebuildSignatures(t.db, {
      batchSize: 2,
      onProgress: (p) => progress.push(p.done),
    })
    expect(await snapshot()).toEqual(before)
    expect(result.threads).toBeGreaterThanOrEqual(5)
    expect(progress.at(-1)).toBe(result.total)
  })
})
