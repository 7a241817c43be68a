/**
 * Flags and the review queue through the pages (docs/moderation.md, "Flags and review"): the flag form
 * (refilled on error, one flag per person, never one's own), hiding at the threshold or by one trusted
 * flag, how a hidden post and a hidden thread look to readers, to the author and to staff (and that
 * the page cache never mixes them up), the author's one edit, /review and its decisions, delete the
 * spammer, staff hiding with a reason, and the notifications each tells.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/schema.js'
import { listAuditEntries } from '../../../src/domain/audit-log/index.js'
import { flagLimiter, listReviewQueue } from '../../../src/domain/moderation/index.js'
import { holdForReview, queueForReview } from '../../../src/domain/review/index.js'
import { findSignUpBlock, findStanding, setTrustLevel } from '../../../src/domain/users/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml, texts } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

interface Person {
  agent: Agent
  id: number
  name: string
}

async function kindsOf(db: Db, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('kind')
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.kind)
}

async function pendingItems(db: Db, postId: number) {
  return db
    .selectFrom('review_items')
    .select(['id', 'kind', 'updated_at as updatedAt'])
    .where('post_id', '=', postId)
    .where('status', '=', 'pending')
    .execute()
}

describe.each(DIALECTS)('%s: flags and review', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let people = 0
  let moderator: Person
  let admin: Person

  const person = async (prefix: string, role: 'member' | 'moderator' | 'admin' = 'member') => {
    const name = `${prefix}_${++people}`
    const { agent, id } = await signedIn(app, t.db, name, role)
    return { agent, id, name }
  }

  /** A thread by `asker` with a reply by `author`; returns the ids. */
  const threadWithReply = async (asker: Person, author: Person, body: string) => {
    const threadId = await make.thread(t.db, { author: asker.name, tags: ['kernel'] })
    await author.agent.get(`/threads/${threadId}`)
    const res = await author.agent.post(`/threads/${threadId}/replies`, { body })
    expect(res.statusCode).toBe(303)
    const replyId = Number(/#post-(\d+)$/.exec(res.headers.location ?? '')?.[1])
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    return { threadId, replyId, questionId: question.id }
  }

  const flag = async (who: Person, postId: number, form: Record<string, string>) => {
    await who.agent.get(`/posts/${postId}/flag`)
    return who.agent.post(`/posts/${postId}/flag`, form)
  }

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    moderator = await person('mod', 'moderator')
    admin = await person('admin', 'admin')
    await app.siteSettings.save({ flagsToHide: 2 }, admin.id)
  })
  beforeEach(() => {
    for (let i = 0; i <= people + 5; i++) flagLimiter.reset(String(i))
  })
  afterAll(async () => app?.close())

  it('shows the flag form, brings it back filled in, and takes one flag per person', async () => {
    const [asker, author, reader] = [await person('ask'), await person('au'), await person('rd')]
    const { threadId, replyId } = await threadWithReply(
      asker,
      author,
      'Buy cheap watches at example.test',
    )

    const page = await reader.agent.get(`/posts/${replyId}/flag`)
    expect(page.statusCode).toBe(200)
    const doc = parseHtml(page.body)
    expect(doc.querySelectorAll('input[type=radio][name=reason]').length).toBe(4)
    expect(doc.querySelector('input[name=_csrf]')).not.toBeNull()

    const noReason = await reader.agent.post(`/posts/${replyId}/flag`, { message: 'Look here' })
    expect(noReason.statusCode).toBe(422)
    expect(noReason.body).toContain('Choose why you are flagging this post.')
    expect(parseHtml(noReason.body).querySelector('textarea[name=message]')?.textContent).toBe(
      'Look here',
    )

    const noMessage = await reader.agent.post(`/posts/${replyId}/flag`, { reason: 'staff' })
    expect(noMessage.statusCode).toBe(422)
    expect(noMessage.body).toContain('Tell the moderators what needs their attention.')
    expect(
      parseHtml(noMessage.body).querySelector('input[value=staff]')?.hasAttribute('checked'),
    ).toBe(true)

    const tooLong = await reader.agent.post(`/posts/${replyId}/flag`, {
      reason: 'rude',
      message: 'x'.repeat(501),
    })
    expect(tooLong.statusCode).toBe(422)

    expect((await reader.agent.post(`/posts/${replyId}/flag`, { reason: 'spam' })).statusCode).toBe(
      303,
    )
    const again = await reader.agent.post(`/posts/${replyId}/flag`, { reason: 'spam' })
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('You have already flagged this post')

    const own = await author.agent.post(`/posts/${replyId}/flag`, { reason: 'spam' })
    expect(own.statusCode).toBe(403)
    expect(own.body).toContain('You cannot flag your own post.')

    const anonymous = new Agent(app, '10.9.0.1')
    const signIn = await anonymous.get(`/posts/${replyId}/flag`)
    expect(signIn.statusCode).toBe(303)
    expect(signIn.headers.location).toContain('/login?next=')

    // One flag is below the threshold of 2: the post is in the queue but still shown.
    expect(await pendingItems(t.db, replyId)).toHaveLength(1)
    const shown = await anonymous.get(`/threads/${threadId}`)
    expect(shown.body).toContain('Buy cheap watches')
  })

  it('keeps one pending item per post: flags at once share it, a new flag moves it to the top', async () => {
    const [asker, author] = [await person('ask'), await person('au')]
    const first = await threadWithReply(asker, author, 'A reply that will be queued first')
    const second = await threadWithReply(asker, author, 'A reply that will be queued second')
    const queue = (postId: number, at: number) =>
      t.db.transaction().execute((trx) => queueForReview(trx, { postId, kind: 'flagged' }, at))
    // Three at once on one post (on PostgreSQL, three transactions racing): one item.
    const ids = await Promise.all([1, 2, 3].map(() => queue(first.replyId, 1_000)))
    expect(new Set(ids).size).toBe(1)
    expect(await pendingItems(t.db, first.replyId)).toHaveLength(1)
    await queue(second.replyId, 2_000)
    const order = async () => {
      const listed = await listReviewQueue(t.db, {
        id: moderator.id,
        username: moderator.name,
        title: null,
        role: 'moderator',
        trustLevel: 'member',
        silencedUntil: null,
      })
      if (!listed.ok) throw new Error(listed.failure.code)
      return listed.value
        .map((i) => i.post.id)
        .filter((id) => id === first.replyId || id === second.replyId)
    }
    expect(await order()).toEqual([second.replyId, first.replyId])
    // Another flag on the first post brings its one item back to the top.
    expect(await queue(first.replyId, 3_000)).toBe(ids[0])
    expect(await order()).toEqual([first.replyId, second.replyId])
  })

  it('lets staff flag past the hourly limit members have', async () => {
    const [asker, author] = [await person('ask'), await person('au')]
    const { replyId } = await threadWithReply(asker, author, 'A reply a moderator flags')
    for (let i = 0; i < 20; i++) flagLimiter.take(String(moderator.id))
    expect((await flag(moderator, replyId, { reason: 'rude' })).statusCode).toBe(303)
  })

  it('refuses flags past the hourly limit in words', async () => {
    const [asker, author, reader] = [await person('ask'), await person('au'), await person('rd')]
    const { replyId } = await threadWithReply(asker, author, 'A reply to flag later on.')
    for (let i = 0; i < 20; i++) flagLimiter.take(String(reader.id))
    const res = await flag(reader, replyId, { reason: 'rude' })
    expect(res.statusCode).toBe(429)
    expect(res.body).toMatch(/Too many attempts\. Try again in \d+ (minutes?|seconds?)/)
    expect(res.headers['retry-after']).toBeDefined()
  })

  it('hides a reply at the threshold: readers see the notice, the author a banner, the cache keeps them apart', async () => {
    const [asker, author, a, b] = [
      await person('ask'),
      await person('au'),
      await person('fa'),
      await person('fb'),
    ]
    const { threadId, replyId } = await threadWithReply(
      asker,
      author,
      'Visit spam.example.test now, quixotically',
    )
    const anonymous = new Agent(app, '10.9.0.2')
    expect((await anonymous.get(`/threads/${threadId}`)).body).toContain('spam.example.test')
    expect((await anonymous.get(`/threads/${threadId}`)).body).toContain('spam.example.test') // cached
    expect((await anonymous.get('/search?q=quixotically')).body).toContain(`/threads/${threadId}/`)

    expect((await flag(a, replyId, { reason: 'spam' })).statusCode).toBe(303)
    expect((await flag(b, replyId, { reason: 'rude', message: 'Insulting' })).statusCode).toBe(303)

    const post = await t.db
      .selectFrom('posts')
      .select(['hidden_reason', 'hidden_note'])
      .where('id', '=', replyId)
      .executeTakeFirstOrThrow()
    expect(post).toEqual({
      hidden_reason: 'flagged',
      hidden_note: 'hidden: flagged by the community',
    })

    // The author's page first: it must not be what a stranger gets next.
    const own = await author.agent.get(`/threads/${threadId}`)
    expect(own.body).toContain('spam.example.test')
    expect(texts(parseHtml(own.body), '.hidden-banner').join(' ')).toContain(
      'hidden: flagged by the community',
    )
    expect(own.headers['cache-control']).toContain('no-store')
    const staff = await moderator.agent.get(`/threads/${threadId}`)
    expect(staff.body).toContain('spam.example.test')

    for (const who of [anonymous, asker.agent]) {
      const page = await who.get(`/threads/${threadId}`)
      expect(page.statusCode).toBe(200)
      expect(page.body).not.toContain('spam.example.test')
      expect(texts(parseHtml(page.body), `#post-${replyId}`).join(' ')).toContain(
        'This post is hidden: flagged by the community.',
      )
    }

    // Its text left the search index, and its revisions are not a way around the notice.
    expect((await anonymous.get('/search?q=quixotically')).body).not.toContain(
      `/threads/${threadId}/`,
    )
    expect((await anonymous.get(`/posts/${replyId}/revisions`)).statusCode).toBe(404)
    expect((await asker.agent.get(`/posts/${replyId}/revisions`)).statusCode).toBe(404)
    expect((await author.agent.get(`/posts/${replyId}/revisions`)).statusCode).toBe(200)

    await app.jobs.drain()
    expect(await kindsOf(t.db, author.id)).toContain('post-hidden')
    const list = await author.agent.get('/notifications')
    expect(list.body).toContain('Your post was hidden: flagged by the community')
  })

  it('hides a question on one trusted flag: its thread leaves lists and is 404 to strangers', async () => {
    const [asker, trusted] = [await person('ask'), await person('tr')]
    await setTrustLevel(t.db, { userId: trusted.id, level: 'trusted', actorId: admin.id })
    const title = 'Zygomorphic kernel panic when unloading a driver'
    const threadId = await make.thread(t.db, { author: asker.name, title, tags: ['kernel'] })
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .executeTakeFirstOrThrow()
    const anonymous = new Agent(app, '10.9.0.3')
    expect((await anonymous.get('/tags/kernel')).body).toContain(title)
    expect((await anonymous.get('/')).body).toContain(title)

    // The trusted flagger is a relogin away from trust in the session: sign in again.
    await trusted.agent.login(trusted.name)
    const res = await flag(trusted, question.id, { reason: 'off-topic' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/')

    expect((await anonymous.get(`/threads/${threadId}`)).statusCode).toBe(404)
    expect((await trusted.agent.get(`/threads/${threadId}`)).statusCode).toBe(404)
    for (const url of ['/tags/kernel', '/', '/tags/kernel/feed', '/sitemap.xml'])
      expect((await anonymous.get(url)).body, url).not.toContain(title)
    expect((await anonymous.get('/search?q=zygomorphic')).body).not.toContain(title)

    const own = await asker.agent.get(`/threads/${threadId}`)
    expect(own.statusCode).toBe(200)
    expect(texts(parseHtml(own.body), '.hidden-banner').join(' ')).toContain(
      'This thread is hidden from readers',
    )
    expect((await moderator.agent.get(`/threads/${threadId}`)).statusCode).toBe(200)
  })

  it('lets the author edit a hidden post once to ask for another look', async () => {
    const [asker, author, a, b] = [
      await person('ask'),
      await person('au'),
      await person('fa'),
      await person('fb'),
    ]
    const { replyId } = await threadWithReply(asker, author, 'A rude reply to be reworded')
    await flag(a, replyId, { reason: 'rude' })
    await flag(b, replyId, { reason: 'rude' })
    const [before] = await pendingItems(t.db, replyId)
    expect(before).toBeDefined()
    await t.db
      .updateTable('review_items')
      .set({ updated_at: 1 })
      .where('post_id', '=', replyId)
      .execute()

    await author.agent.get(`/posts/${replyId}/edit`)
    const edited = await author.agent.post(`/posts/${replyId}/edit`, {
      body: 'A polite reply, reworded',
      intent: 'save',
    })
    expect(edited.statusCode).toBe(303)
    const [after] = await pendingItems(t.db, replyId)
    expect(Number(after?.updatedAt)).toBeGreaterThan(1)

    const again = await author.agent.post(`/posts/${replyId}/edit`, {
      body: 'Another rewording',
      intent: 'save',
    })
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('You have already edited this hidden post once')

    const queue = await moderator.agent.get('/review')
    expect(queue.body).toContain('The author edited it to ask for another look.')
  })

  it('keeps /review for staff, lists the reasons and the history, and agrees with a spam flag', async () => {
    const [asker, author, a, b] = [
      await person('ask'),
      await person('au'),
      await person('fa'),
      await person('fb'),
    ]
    const { replyId } = await threadWithReply(asker, author, 'Cheap pills at pills.example.test')
    await flag(a, replyId, { reason: 'spam', message: 'Pill spam, again' })
    await flag(b, replyId, { reason: 'spam' })

    expect((await a.agent.get('/review')).statusCode).toBe(403)
    const anonymous = await new Agent(app, '10.9.0.4').get('/review')
    expect(anonymous.statusCode).toBe(303)
    expect(anonymous.headers.location).toContain('/login?next=%2Freview')

    const page = await moderator.agent.get('/review')
    expect(page.statusCode).toBe(200)
    const doc = parseHtml(page.body)
    const [item] = await pendingItems(t.db, replyId)
    const entry = doc.querySelector(`#review-${item?.id}`)
    expect(entry?.textContent).toContain('Pill spam, again')
    expect(entry?.textContent).toContain(a.name)
    expect(entry?.textContent).toContain('Flags agreed with before')
    expect(entry?.querySelector('.post-body')?.innerHTML).toContain('pills.example.test')
    expect(texts(doc, '.review-link').join(' ')).toMatch(/Review \(\d+\)/)

    const agreed = await moderator.agent.post(`/review/${item?.id}/agree`)
    expect(agreed.statusCode).toBe(303)
    expect(await pendingItems(t.db, replyId)).toHaveLength(0)
    expect((await moderator.agent.get('/review')).body).not.toContain(`review-${item?.id}"`)
    const standing = await findStanding(t.db, author.id)
    expect(standing?.silencedUntil).toBeGreaterThan(Date.now())
    expect(standing?.silenceReason).toBe('spam')
    const actions = (await listAuditEntries(t.db, { targetId: replyId })).map((e) => e.action)
    expect(actions).toContain('flag.agree')

    const twice = await moderator.agent.post(`/review/${item?.id}/agree`)
    expect(twice.statusCode).toBe(409)
    expect(twice.body).toContain('handled already')

    await app.jobs.drain()
    expect(await kindsOf(t.db, a.id)).toContain('flag-agreed')
    expect(await kindsOf(t.db, b.id)).toContain('flag-agreed')
    expect(await kindsOf(t.db, author.id)).toContain('post-hidden')
  })

  it('disagrees: the post is shown again, the flags dismissed, everyone told', async () => {
    const [asker, author, a, b] = [
      await person('ask'),
      await person('au'),
      await person('fa'),
      await person('fb'),
    ]
    const { threadId, replyId } = await threadWithReply(asker, author, 'A fine reply about vnodes')
    await flag(a, replyId, { reason: 'off-topic' })
    await flag(b, replyId, { reason: 'off-topic' })
    const [item] = await pendingItems(t.db, replyId)
    expect((await moderator.agent.post(`/review/${item?.id}/disagree`)).statusCode).toBe(303)
    const anonymous = new Agent(app, '10.9.0.5')
    expect((await anonymous.get(`/threads/${threadId}`)).body).toContain(
      'A fine reply about vnodes',
    )
    const flags = await t.db
      .selectFrom('flags')
      .select('status')
      .where('post_id', '=', replyId)
      .execute()
    expect(flags.map((f) => f.status)).toEqual(['disagreed', 'disagreed'])
    expect((await listAuditEntries(t.db, { targetId: replyId })).map((e) => e.action)).toEqual(
      expect.arrayContaining(['post.hide', 'post.unhide', 'flag.disagree']),
    )
    await app.jobs.drain()
    expect(await kindsOf(t.db, a.id)).toContain('flag-disagreed')
    expect(await kindsOf(t.db, author.id)).toContain('post-approved')
  })

  it('approves a held post: readers see it, the author is told, the item leaves the queue', async () => {
    const [asker, author] = [await person('ask'), await person('au')]
    const { threadId, replyId } = await threadWithReply(
      asker,
      author,
      'A first post, held for approval',
    )
    await t.db.transaction().execute((trx) =>
      holdForReview(trx, {
        postId: replyId,
        kind: 'approval',
        note: 'first posts of a new account',
      }),
    )
    const anonymous = new Agent(app, '10.9.0.8')
    const held = await anonymous.get(`/threads/${threadId}`)
    expect(held.body).toContain('This post is hidden: waiting for a moderator’s approval.')
    expect(held.body).not.toContain('A first post, held for approval')

    const queue = await moderator.agent.get('/review')
    expect(queue.body).toContain('New account: waiting for approval')
    const [item] = await pendingItems(t.db, replyId)
    expect((await moderator.agent.post(`/review/${item?.id}/agree`)).statusCode).toBe(409)
    expect((await moderator.agent.post(`/review/${item?.id}/approve`)).statusCode).toBe(303)
    expect(await pendingItems(t.db, replyId)).toHaveLength(0)
    expect((await anonymous.get(`/threads/${threadId}`)).body).toContain(
      'A first post, held for approval',
    )
    expect((await listAuditEntries(t.db, { targetId: replyId })).map((e) => e.action)).toContain(
      'post.approve',
    )
    await app.jobs.drain()
    expect(await kindsOf(t.db, author.id)).toContain('post-approved')
  })

  it('deletes the spammer: posts gone, account suspended, email and IP blocked', async () => {
    const [asker, spammer, a, b] = [
      await person('ask'),
      await person('sp'),
      await person('fa'),
      await person('fb'),
    ]
    const { threadId, replyId } = await threadWithReply(asker, spammer, 'Casino bonus at x.test')
    const second = await threadWithReply(asker, spammer, 'More casino links at y.test')
    await flag(a, replyId, { reason: 'spam' })
    await flag(b, replyId, { reason: 'spam' })
    const [item] = await pendingItems(t.db, replyId)

    const confirm = await moderator.agent.get(`/review/${item?.id}/spammer`)
    expect(confirm.statusCode).toBe(200)
    expect(confirm.body).toContain('suspends the')
    expect((await a.agent.get(`/review/${item?.id}/spammer`)).statusCode).toBe(403)

    const res = await moderator.agent.post(`/review/${item?.id}/spammer`)
    expect(res.statusCode).toBe(303)
    const posts = await t.db
      .selectFrom('posts')
      .select('deleted_at')
      .where('author_id', '=', spammer.id)
      .execute()
    expect(posts.length).toBe(2)
    expect(posts.every((p) => p.deleted_at !== null)).toBe(true)
    const standing = await findStanding(t.db, spammer.id)
    expect(standing?.suspendReason).toBe('spam')
    expect(standing?.suspendedUntil).toBeGreaterThan(Date.now() + 3000 * 86_400_000)
    expect(
      await findSignUpBlock(t.db, { email: `${spammer.name}@example.test`, ip: '192.0.2.1' }),
    ).toMatchObject({ kind: 'email' })
    expect(await findSignUpBlock(t.db, { email: null, ip: spammer.agent.ip })).toMatchObject({
      kind: 'ip',
    })
    const actions = (await listAuditEntries(t.db, {})).map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['user.delete-spammer', 'user.suspend', 'sign-up-block.add']),
    )
    const anonymous = new Agent(app, '10.9.0.6')
    expect((await anonymous.get(`/threads/${threadId}`)).body).not.toContain('casino')
    expect((await anonymous.get(`/threads/${second.threadId}`)).body).not.toContain('casino')
    // The spammer's session ended with the suspension.
    expect((await spammer.agent.get('/settings')).statusCode).not.toBe(200)
  })

  it('lets staff hide a post with a reason the author sees, and show it again', async () => {
    const [asker, author] = [await person('ask'), await person('au')]
    const { threadId, replyId } = await threadWithReply(asker, author, 'A reply staff will hide')
    await author.agent.get(`/threads/${threadId}`)
    expect((await author.agent.post(`/posts/${replyId}/hide`, { reason: 'no' })).statusCode).toBe(
      403,
    )
    await moderator.agent.get(`/threads/${threadId}`)
    const empty = await moderator.agent.post(`/posts/${replyId}/hide`, { reason: ' ' })
    expect(empty.statusCode).toBe(422)
    const hidden = await moderator.agent.post(`/posts/${replyId}/hide`, {
      reason: 'Personal data in the log',
    })
    expect(hidden.statusCode).toBe(303)
    const own = await author.agent.get(`/threads/${threadId}`)
    expect(texts(parseHtml(own.body), '.hidden-banner').join(' ')).toContain(
      'Personal data in the log',
    )
    const anonymous = new Agent(app, '10.9.0.7')
    const page = await anonymous.get(`/threads/${threadId}`)
    expect(page.body).toContain('This post is hidden: hidden by staff.')
    expect(page.body).not.toContain('A reply staff will hide')

    await moderator.agent.get(`/threads/${threadId}`)
    expect((await moderator.agent.post(`/posts/${replyId}/unhide`)).statusCode).toBe(303)
    expect((await anonymous.get(`/threads/${threadId}`)).body).toContain('A reply staff will hide')
    await app.jobs.drain()
    expect(await kindsOf(t.db, author.id)).toEqual(
      expect.arrayContaining(['post-hidden', 'post-approved']),
    )
  })
})
