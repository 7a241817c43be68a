/**
 * Trust levels on the write path (docs/moderation.md, "Trust levels and spam"): the new-account limits
 * on asking, replying, commenting and editing (links, mentions, attachments, the posting delay, first
 * posts held for approval), silenced people refused on every write with their reason, and repeated
 * bodies held for review. Through the pages, as people post.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { silenceUser } from '../../../src/domain/users/index.js'
import { defaultSettings } from '../../../src/domain/site-settings/index.js'
import { type Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

describe.each(DIALECTS)('%s: trust levels on the write path', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let staffId: number
  let moderator: Agent
  let people = 0

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    ;({ agent: moderator, id: staffId } = await signedIn(app, t.db, 'trust_mod', 'moderator'))
  })
  afterAll(async () => {
    await app.close()
  })
  afterEach(async () => {
    const d = defaultSettings()
    await app.siteSettings.save(
      {
        newAccountPostDelaySeconds: d.newAccountPostDelaySeconds,
        newAccountApprovalPosts: d.newAccountApprovalPosts,
      },
      staffId,
    )
  })

  const newcomer = async () => signedIn(app, t.db, `newcomer_${++people}`, 'member', null, 'new')
  const member = async () => {
    const username = `regular_${++people}`
    return { username, ...(await signedIn(app, t.db, username)) }
  }

  /** A thread by someone else, with one reply; returns its id, page and the reply's id. */
  const thread = async () => {
    const id = await make.thread(t.db, {
      title: `A thread for the trust tests number ${++people}`,
      body: 'Why does the driver panic on wake?',
      author: 'thread_owner',
      tags: ['kernel'],
      replies: [
        {
          author: 'thread_helper',
          body: 'Check the power state callbacks.',
          created_at: Date.now(),
        },
      ],
    })
    const reply = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', id)
      .where('kind', '=', 'reply')
      .executeTakeFirstOrThrow()
    return { id, path: `/threads/${id}`, replyId: reply.id }
  }

  /** What a refused form holds: the reply form's body on a thread page, else the named field. */
  const field = (html: string, name: string) => {
    const doc = parseHtml(html)
    return (
      (doc.querySelector('#reply-body') ?? doc.querySelector(`[name="${name}"]`))?.textContent ?? ''
    )
  }

  const post = (id: number) =>
    t.db
      .selectFrom('posts')
      .select(['id', 'hidden_reason as hiddenReason', 'body_markdown as body'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  const postIdOf = (location: string) => Number(/#post-(\d+)$/.exec(location)?.[1])

  it('refuses a new account’s post with too many links, counting autolinks, with the form kept', async () => {
    const { agent } = await newcomer()
    const { path, id } = await thread()
    await agent.get(path)
    const body =
      'See [the guide](https://a.test/guide), https://b.test/x and <https://c.test/y>, also https://d.test'
    const res = await agent.post(`/threads/${id}/replies`, { body })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain(
      'New accounts can include at most 2 links in a post; you have 4. Links become unlimited after your first week and 3 posts.',
    )
    expect(field(res.body, 'body')).toBe(body)
  })

  it('refuses more than 2 @mentions from a new account, and lets a member mention and link freely', async () => {
    const { agent } = await newcomer()
    const { path, id } = await thread()
    await agent.get(path)
    const body = '@thread_owner @thread_helper @trust_mod have you seen this panic?'
    const res = await agent.post(`/threads/${id}/replies`, { body })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('New accounts can mention at most 2 people in a post')
    expect(field(res.body, 'body')).toBe(body)

    const { agent: regular } = await member()
    await regular.get(path)
    const ok = await regular.post(`/threads/${id}/replies`, {
      body: `${body} https://a.test https://b.test https://c.test`,
    })
    expect(ok.statusCode).toBe(303)
    expect(String(ok.headers.location)).not.toContain('held=')
  })

  it('holds a new account’s first posts for approval, says so, then makes them wait between posts', async () => {
    const { agent } = await newcomer()
    const { path, id } = await thread()
    await agent.get(path)
    const first = await agent.post(`/threads/${id}/replies`, {
      body: 'I see the same panic after wake on my machine.',
    })
    expect(first.statusCode).toBe(303)
    const location = String(first.headers.location)
    expect(location).toContain('?held=approval')
    expect(await post(postIdOf(location))).toMatchObject({ hiddenReason: 'approval' })
    const item = await t.db
      .selectFrom('review_items')
      .select(['kind', 'status'])
      .where('post_id', '=', postIdOf(location))
      .executeTakeFirstOrThrow()
    expect(item).toEqual({ kind: 'approval', status: 'pending' })
    const page = await agent.get(location.replace(/#.*$/, ''))
    expect(page.body).toContain('wait for a moderator')

    const second = await agent.post(`/threads/${id}/replies`, { body: 'And on a second one.' })
    expect(second.statusCode).toBe(422)
    expect(second.body).toMatch(
      /New accounts wait 60 seconds between posts; please send this again in \d+ seconds?\./,
    )
    expect(field(second.body, 'body')).toBe('And on a second one.')
  })

  it('tells the reply island that a new account’s reply waits for a moderator', async () => {
    const { agent } = await newcomer()
    const { path, id } = await thread()
    await agent.get(path)
    const res = await agent.post(
      `/threads/${id}/replies`,
      { body: 'Posted from the island.' },
      { json: true },
    )
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ held: 'approval' })
  })

  it('publishes a new account’s posts past the first ones, and never holds or limits staff', async () => {
    await app.siteSettings.save({ newAccountPostDelaySeconds: 0 }, staffId)
    const { agent } = await newcomer()
    const { path, id } = await thread()
    await agent.get(path)
    const held: string[] = []
    for (const n of [1, 2, 3]) {
      const res = await agent.post(`/threads/${id}/replies`, { body: `Post number ${n} of mine.` })
      expect(res.statusCode).toBe(303)
      held.push((await post(postIdOf(String(res.headers.location)))).hiddenReason ?? 'shown')
    }
    expect(held).toEqual(['approval', 'approval', 'shown'])

    await moderator.get(path)
    const staff = await moderator.post(`/threads/${id}/replies`, {
      body: 'Links for everyone: https://a.test https://b.test https://c.test',
    })
    expect(staff.statusCode).toBe(303)
    expect(String(staff.headers.location)).not.toContain('held=')
  })

  it('lets a new account attach text files but not images, and keeps the form', async () => {
    await app.siteSettings.save({ newAccountPostDelaySeconds: 0 }, staffId)
    const { agent } = await newcomer()
    await agent.get('/ask')
    const fields = {
      title: 'The kext fails to load after the update to 15.2',
      body: 'The log is attached.',
      tags: 'kernel',
    }
    const refused = await agent.postMultipart('/ask', fields, [
      { field: 'attachments', name: 'screen.png', content: PNG },
    ])
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('New accounts can attach text files only')
    expect(refused.body).toContain('screen.png')
    expect(field(refused.body, 'body')).toBe('The log is attached.')

    await agent.get('/ask')
    const asked = await agent.postMultipart('/ask', fields, [
      { field: 'attachments', name: 'kext.log', content: 'kernel: load failed (error 2)\n' },
    ])
    expect(asked.statusCode).toBe(303)
    expect(String(asked.headers.location)).toContain('?held=approval')
  })

  it('applies the link limit to a new account’s edits', async () => {
    await app.siteSettings.save(
      { newAccountPostDelaySeconds: 0, newAccountApprovalPosts: 0 },
      staffId,
    )
    const { agent } = await newcomer()
    const { path, id } = await thread()
    await agent.get(path)
    const res = await agent.post(`/threads/${id}/replies`, { body: 'A reply I will edit.' })
    const postId = postIdOf(String(res.headers.location))
    await agent.get(`/posts/${postId}/edit`)
    const body = 'Now with https://a.test https://b.test https://c.test'
    const edit = await agent.post(`/posts/${postId}/edit`, { body })
    expect(edit.statusCode).toBe(422)
    expect(edit.body).toContain('New accounts can include at most 2 links in a post; you have 3.')
    expect(field(edit.body, 'body')).toBe(body)
    expect((await post(postId)).body).toBe('A reply I will edit.')
  })

  it('refuses a silenced person every write with their reason and the date, and shows a banner', async () => {
    const { agent, id: userId, username } = await member()
    const { path, id, replyId } = await thread()
    const own = await make.thread(t.db, {
      title: 'A question of the silenced person here',
      body: 'Mine.',
      author: username,
      tags: ['kernel'],
      replies: [{ author: 'thread_helper', body: 'An answer to accept.', created_at: Date.now() }],
    })
    const answer = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', own)
      .where('kind', '=', 'reply')
      .executeTakeFirstOrThrow()
    const silenced = await silenceUser(t.db, {
      userId,
      days: 3,
      reason: 'Repeated advertising',
      actorId: staffId,
    })
    expect(silenced.ok).toBe(true)
    const page = await agent.get(path)
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
    const said = `Your account cannot post until ${until}: Repeated advertising`
    expect(page.body).toContain(said) // the banner on every page, with the reason

    const reply = await agent.post(`/threads/${id}/replies`, { body: 'Still here.' })
    expect(reply.statusCode).toBe(422)
    expect(reply.body).toContain(said)
    expect(field(reply.body, 'body')).toBe('Still here.')

    const comment = await agent.post(`/posts/${replyId}/comments`, { body: 'A comment.' })
    expect(comment.statusCode).toBe(422)
    expect(comment.body).toContain(said)

    await agent.get('/ask')
    const asked = await agent.postMultipart('/ask', {
      title: 'A question from someone who is silenced',
      body: 'Can I ask?',
      tags: 'kernel',
    })
    expect(asked.statusCode).toBe(422)
    expect(asked.body).toContain(said)
    expect(field(asked.body, 'body')).toBe('Can I ask?')

    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', own)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    await agent.get(`/posts/${question.id}/edit`)
    const edit = await agent.post(`/posts/${question.id}/edit`, { body: 'Changed.' })
    expect(edit.statusCode).toBe(422)
    expect(edit.body).toContain(said)

    const boost = await agent.post(`/posts/${replyId}/boost`, { state: 'on' })
    expect(boost.statusCode).toBe(403)
    expect(boost.body).toContain(said)
    const accept = await agent.post(`/posts/${answer.id}/accept`, {})
    expect(accept.statusCode).toBe(403)
    expect(accept.body).toContain(said)
  })

  it('holds a body one account posts twice within 10 minutes', async () => {
    const { agent } = await member()
    const { path, id } = await thread()
    await agent.get(path)
    const body = 'Buy the best driver toolkit at a discount today, limited offer.'
    const first = await agent.post(`/threads/${id}/replies`, { body })
    expect(String(first.headers.location)).not.toContain('held=')
    const again = await agent.post(`/threads/${id}/replies`, {
      body: `  ${body.replace(/ /g, '\n ')}  `,
    })
    expect(again.statusCode).toBe(303)
    const location = String(again.headers.location)
    expect(location).toContain('?held=duplicate')
    expect(await post(postIdOf(location))).toMatchObject({ hiddenReason: 'duplicate' })
    const item = await t.db
      .selectFrom('review_items')
      .select('kind')
      .where('post_id', '=', postIdOf(location))
      .executeTakeFirstOrThrow()
    expect(item.kind).toBe('duplicate')
  })

  it('holds a body the third account posts within an hour, and never compares short ones', async () => {
    const { path, id } = await thread()
    const body = 'This exact sentence is being posted by several different accounts.'
    const outcomes: string[] = []
    for (let i = 0; i < 3; i++) {
      const { agent } = await member()
      await agent.get(path)
      const res = await agent.post(`/threads/${id}/replies`, { body })
      outcomes.push(String(res.headers.location).includes('held=duplicate') ? 'held' : 'shown')
      const short = await agent.post(`/posts/${(await thread()).replyId}/comments`, {
        body: 'Same here, thanks!',
      })
      expect(String(short.headers.location)).not.toContain('held=')
    }
    expect(outcomes).toEqual(['shown', 'shown', 'held'])
  })
})
