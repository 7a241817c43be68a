/**
 * Staff actions on threads through the pages (docs/moderation.md, "Staff actions"): lock, pin in a tag
 * or site-wide with an expiry, close as a duplicate, move tags, merge, delete and restore, and a staff
 * edit's note in the revisions. Each test makes its own threads, so any one runs alone.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expirePin } from '../../../src/domain/staff-actions/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: staff actions on threads', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let member: Agent
  let moderator: Agent
  let moderatorId: number
  let n = 0

  /** A thread in `kernel` and a tag of its own (so a test reads its own tag page); returns ids. */
  const thread = async (
    spec: { title?: string; body?: string; replies?: number; hoursAgo?: number } = {},
  ) => {
    const tag = `staff-${++n}`
    await make.tag(t.db, tag)
    const id = await make.thread(t.db, {
      title: spec.title ?? `Staff test thread number ${n} about the kernel`,
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      tags: ['kernel', tag],
      replies: spec.replies ?? 0,
      created_at: Date.now() - (spec.hoursAgo ?? 5) * 3_600_000,
    })
    const posts = await t.db
      .selectFrom('posts')
      .select(['id', 'kind'])
      .where('thread_id', '=', id)
      .orderBy('id')
      .execute()
    return {
      id,
      tag,
      question: posts.find((p) => p.kind === 'question')?.id ?? 0,
      replies: posts.filter((p) => p.kind === 'reply').map((p) => p.id),
    }
  }
  const audit = (action: string, targetId: number) =>
    t.db
      .selectFrom('audit_log')
      .select(['actor_id as actorId', 'reason'])
      .where('action', '=', action)
      .where('target_id', '=', targetId)
      .execute()
  /** The first title of a list as a signed-in reader sees it (their pages skip the anonymous page cache). */
  const firstTitle = async (path: string) =>
    texts(parseHtml((await member.get(path)).body), '.thread-title')[0]

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    await make.tag(t.db, 'usb', { name: 'USB' })
    app = await buildTestApp(t.handle)
    member = (await signedIn(app, t.db, 'plain_member')).agent
    const mod = await signedIn(app, t.db, 'mod_staff', 'moderator')
    moderator = mod.agent
    moderatorId = mod.id
  })
  afterAll(async () => app?.close())

  it('shows the Staff section to staff only', async () => {
    const { id } = await thread()
    const staffDoc = parseHtml((await moderator.get(`/threads/${id}`)).body)
    expect(staffDoc.querySelector('details.staff-panel summary')?.textContent).toBe('Staff')
    for (const agent of [member, new Agent(app, '10.9.9.8')]) {
      const doc = parseHtml((await agent.get(`/threads/${id}`)).body)
      expect(doc.querySelector('.staff-panel')).toBeNull()
    }
  })

  it('locks a thread: members are refused with a sentence, staff still post, the log has it', async () => {
    const { id, replies } = await thread({ replies: 1 })
    await member.get(`/threads/${id}`)
    expect((await member.post(`/threads/${id}/staff/lock`, { state: 'on' })).statusCode).toBe(403)
    await moderator.get(`/threads/${id}`)
    expect((await moderator.post(`/threads/${id}/staff/lock`, { state: 'on' })).statusCode).toBe(
      303,
    )
    expect(await audit('thread.lock', id)).toEqual([{ actorId: moderatorId, reason: null }])

    await member.get(`/threads/${id}`)
    const reply = await member.post(`/threads/${id}/replies`, {
      body: 'A reply to a locked thread.',
    })
    expect(reply.statusCode).toBe(403)
    expect(reply.body).toContain('This thread is locked: it takes no new replies.')
    const comment = await member.post(`/posts/${replies[0]}/comments`, { body: 'A comment here.' })
    expect(comment.statusCode).toBe(403)
    expect(comment.body).toContain('This thread is locked: it takes no new comments.')
    expect(
      parseHtml((await member.get(`/threads/${id}`)).body).querySelector('.replies .notice')
        ?.textContent,
    ).toBe('This thread is locked: it takes no new replies.')

    await moderator.get(`/threads/${id}`)
    const staffReply = await moderator.post(`/threads/${id}/replies`, {
      body: 'Staff may still answer.',
    })
    expect(staffReply.statusCode).toBe(303)

    await moderator.post(`/threads/${id}/staff/lock`, { state: 'off' })
    expect(await audit('thread.unlock', id)).toHaveLength(1)
    await member.get(`/threads/${id}`)
    expect(
      (await member.post(`/threads/${id}/replies`, { body: 'Open again, so this goes in.' }))
        .statusCode,
    ).toBe(303)
  })

  it('pins in one tag until an expiry, then the pin ends and the thread sorts by activity again', async () => {
    const pinned = await thread({ hoursAgo: 50 })
    // A newer thread in the same own tag: without the pin it comes first.
    const newer = await make.thread(t.db, {
      title: 'A newer thread in the same tag here',
      tags: [pinned.tag],
    })
    expect(newer).toBeGreaterThan(0)
    expect(await firstTitle(`/tags/${pinned.tag}`)).toBe('A newer thread in the same tag here')

    await moderator.get(`/threads/${pinned.id}`)
    const res = await moderator.post(`/threads/${pinned.id}/staff/pin`, {
      scope: pinned.tag,
      days: '3',
      state: 'on',
    })
    expect(res.statusCode).toBe(303)
    expect(await firstTitle(`/tags/${pinned.tag}`)).toBe(
      `Staff test thread number ${n} about the kernel`,
    )
    // Only in that tag: on kernel's page it is not first (older than the rest).
    expect(await firstTitle('/tags/kernel')).not.toBe(
      `Staff test thread number ${n} about the kernel`,
    )

    const job = await t.db
      .selectFrom('jobs')
      .select(['payload', 'run_after as runAfter'])
      .where('kind', '=', 'thread.pin-expire')
      .where('key', 'like', `pin-expire:${pinned.id}:%`)
      .executeTakeFirstOrThrow()
    const payload = JSON.parse(job.payload) as { threadId: number; tagId: number; until: number }
    expect(payload.until).toBe(Number(job.runAfter))
    expect(await expirePin(t.db, payload, payload.until - 1)).toBe(false)
    expect(await expirePin(t.db, payload, payload.until)).toBe(true)
    expect(await firstTitle(`/tags/${pinned.tag}`)).toBe('A newer thread in the same tag here')
    expect((await audit('thread.unpin', pinned.id))[0]).toEqual({
      actorId: null,
      reason: 'The pin expired.',
    })
  })

  it('ends a site-wide pin by the job runner once its days are over', async () => {
    const { id } = await thread({ title: 'A pin that the job runner ends later', hoursAgo: 400 })
    await moderator.get(`/threads/${id}`)
    await moderator.post(`/threads/${id}/staff/pin`, { scope: 'site', days: '1', state: 'on' })
    expect(await firstTitle('/')).toBe('A pin that the job runner ends later')
    // A runner whose clock is two days on runs the due expiry (and any other due job).
    let clock = Date.now()
    const later = await buildTestApp(t.handle, {}, { jobs: { runner: { now: () => clock } } })
    try {
      await later.jobs.drain()
      expect(await firstTitle('/')).toBe('A pin that the job runner ends later')
      clock += 2 * 86_400_000
      await later.jobs.drain()
    } finally {
      await later.close()
    }
    expect(await firstTitle('/')).not.toBe('A pin that the job runner ends later')
  })

  it('pins site-wide: first on home; unpinning puts it back', async () => {
    const { id } = await thread({
      title: 'An old announcement pinned on the home page',
      hoursAgo: 500,
    })
    await moderator.get(`/threads/${id}`)
    await moderator.post(`/threads/${id}/staff/pin`, { scope: 'site', days: '', state: 'on' })
    expect(await firstTitle('/')).toBe('An old announcement pinned on the home page')
    await moderator.post(`/threads/${id}/staff/pin`, { scope: 'site', state: 'off' })
    expect(await firstTitle('/')).not.toBe('An old announcement pinned on the home page')
    expect(await audit('thread.pin', id)).toHaveLength(1)
  })

  it('refuses bad pin days with the form back, refilled, the field named', async () => {
    const { id, tag } = await thread()
    await moderator.get(`/threads/${id}`)
    const res = await moderator.post(`/threads/${id}/staff/pin`, {
      scope: tag,
      days: 'soon',
      state: 'on',
    })
    expect(res.statusCode).toBe(422)
    const doc = parseHtml(res.body)
    expect(doc.querySelector('details.staff-panel')?.hasAttribute('open')).toBe(true)
    expect(doc.querySelector('#staff-pin-days')?.getAttribute('value')).toBe('soon')
    expect(doc.querySelector('#staff-pin-days')?.getAttribute('aria-invalid')).toBe('true')
    expect(doc.querySelector('#staff-pin-scope option[selected]')?.getAttribute('value')).toBe(tag)
  })

  it('closes as a duplicate from the suggestions or by address; the thread says so and takes no answers', async () => {
    const target = await thread({
      title: 'IOUSBHostInterface open fails with kIOReturnExclusiveAccess after sleep',
      body: 'IOUSBHostInterface open returns kIOReturnExclusiveAccess after the Mac wakes from sleep.',
    })
    const dup = await thread({
      title: 'kIOReturnExclusiveAccess from IOUSBHostInterface open after wake',
      body: 'After sleep and wake IOUSBHostInterface open fails with kIOReturnExclusiveAccess.',
    })
    const page = parseHtml((await moderator.get(`/threads/${dup.id}`)).body)
    const suggested = [...page.querySelectorAll('.staff-candidates input[name="target"]')].map(
      (i) => i.getAttribute('value'),
    )
    expect(suggested).toContain(String(target.id))

    const bad = await moderator.post(`/threads/${dup.id}/staff/close`, { target: 'not a thread' })
    expect(bad.statusCode).toBe(422)
    const badDoc = parseHtml(bad.body)
    expect(badDoc.querySelector('#staff-close-target')?.getAttribute('value')).toBe('not a thread')
    expect(badDoc.querySelector('#staff-close-target-error')?.textContent).toContain(
      'address or its number',
    )

    const res = await moderator.post(`/threads/${dup.id}/staff/close`, {
      target: `https://quorum.example/threads/${target.id}/some-slug`,
    })
    expect(res.statusCode).toBe(303)
    const doc = parseHtml((await member.get(`/threads/${dup.id}`)).body)
    const notice = doc.querySelector('.duplicate-notice')
    expect(notice?.textContent).toBe(
      'Closed as a duplicate of IOUSBHostInterface open fails with kIOReturnExclusiveAccess after sleep.',
    )
    expect(notice?.querySelector('a')?.getAttribute('href')).toMatch(
      new RegExp(`^/threads/${target.id}/`),
    )
    const reply = await member.post(`/threads/${dup.id}/replies`, { body: 'One more answer here.' })
    expect(reply.statusCode).toBe(403)
    expect(reply.body).toContain('This thread is closed as a duplicate: it takes no new answers.')
    expect(await audit('thread.close-duplicate', dup.id)).toHaveLength(1)

    await moderator.get(`/threads/${dup.id}`)
    await moderator.post(`/threads/${dup.id}/staff/reopen`)
    expect(
      parseHtml((await member.get(`/threads/${dup.id}`)).body).querySelector('.duplicate-notice'),
    ).toBeNull()
  })

  it('moves a thread to other tags and keeps the counts right', async () => {
    const { id, tag } = await thread()
    const count = async (slug: string) =>
      Number(
        (
          await t.db
            .selectFrom('tags')
            .select('thread_count')
            .where('slug', '=', slug)
            .executeTakeFirstOrThrow()
        ).thread_count,
      )
    const usbBefore = await count('usb')
    const kernelBefore = await count('kernel')
    await moderator.get(`/threads/${id}`)
    const bad = await moderator.post(`/threads/${id}/staff/move`, { tags: 'usb, no-such-tag' })
    expect(bad.statusCode).toBe(422)
    expect(parseHtml(bad.body).querySelector('#staff-move-tags')?.getAttribute('value')).toBe(
      'usb, no-such-tag',
    )

    expect((await moderator.post(`/threads/${id}/staff/move`, { tags: 'usb' })).statusCode).toBe(
      303,
    )
    const rows = await t.db
      .selectFrom('thread_tags as tt')
      .innerJoin('tags as g', 'g.id', 'tt.tag_id')
      .select('g.slug')
      .where('tt.thread_id', '=', id)
      .execute()
    expect(rows.map((r) => r.slug)).toEqual(['usb'])
    expect(await count('usb')).toBe(usbBefore + 1)
    expect(await count('kernel')).toBe(kernelBefore - 1)
    expect(await count(tag)).toBe(0)
    expect(await audit('thread.move', id)).toHaveLength(1)
  })

  it('merges the replies into another thread: both counts refreshed, the emptied one closed', async () => {
    const source = await thread({ replies: 2 })
    const target = await thread({ replies: 1 })
    await moderator.get(`/threads/${source.id}`)
    const res = await moderator.post(`/threads/${source.id}/staff/merge`, {
      target: String(target.id),
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toMatch(new RegExp(`^/threads/${target.id}/`))
    const row = (id: number) =>
      t.db
        .selectFrom('threads')
        .select(['reply_count as replyCount', 'duplicate_of as duplicateOf'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    expect(await row(source.id)).toEqual({ replyCount: 0, duplicateOf: target.id })
    expect(await row(target.id)).toEqual({ replyCount: 3, duplicateOf: null })
    const moved = await t.db
      .selectFrom('posts')
      .select('thread_id')
      .where('id', 'in', source.replies)
      .execute()
    expect(moved.map((p) => p.thread_id)).toEqual([target.id, target.id])
    expect(await audit('thread.merge', source.id)).toHaveLength(1)
  })

  it('deletes and restores a thread as staff, in the log', async () => {
    const { id, question } = await thread()
    await moderator.get(`/threads/${id}`)
    expect((await moderator.post(`/posts/${question}/delete`)).statusCode).toBe(303)
    expect((await new Agent(app, '10.9.9.7').get(`/threads/${id}`)).statusCode).toBe(404)
    await moderator.get(`/threads/${id}`)
    expect((await moderator.post(`/posts/${question}/restore`)).statusCode).toBe(303)
    expect((await new Agent(app, '10.9.9.6').get(`/threads/${id}`)).statusCode).toBe(200)
    expect(await audit('thread.delete', id)).toHaveLength(1)
    expect(await audit('thread.restore', id)).toHaveLength(1)
  })

  it('keeps a staff edit note in the revisions ("Edited by moderator X: note")', async () => {
    const { replies } = await thread({ replies: 1 })
    const replyId = replies[0] ?? 0
    await moderator.get(`/posts/${replyId}/edit`)
    const long = await moderator.post(`/posts/${replyId}/edit`, {
      body: 'Reply text with the token removed.',
      staffNote: 'x'.repeat(301),
      intent: 'save',
    })
    expect(long.statusCode).toBe(422)
    expect(
      parseHtml(long.body).querySelector('#edit-staff-note')?.getAttribute('aria-invalid'),
    ).toBe('true')
    const res = await moderator.post(`/posts/${replyId}/edit`, {
      body: 'Reply text with the token removed.',
      staffNote: 'Removed a pasted API token',
      intent: 'save',
    })
    expect(res.statusCode).toBe(303)
    const doc = parseHtml((await member.get(`/posts/${replyId}/revisions`)).body)
    expect(texts(doc, '.revision-staff-note')).toEqual([
      'Edited by moderator mod_staff: Removed a pasted API token',
    ])
    expect(await audit('post.edit', replyId)).toEqual([
      { actorId: moderatorId, reason: 'Removed a pasted API token' },
    ])
    // Members get no note field, and a note they send is refused.
    const memberDoc = parseHtml((await member.get(`/posts/${replyId}/edit`)).body)
    expect(memberDoc.querySelector('#edit-staff-note')).toBeNull()
  })
})
