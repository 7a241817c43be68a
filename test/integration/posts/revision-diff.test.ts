/**
 * The edit history as a diff (issue 26): each revision is shown against the one before it, word by word,
 * insertions in <ins> and deletions in <del> with words for screen readers; an optional reason given on
 * the edit form or through the API is kept with the revision and shown; a reason past its limit brings
 * the form back refilled with the field named.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../../src/domain/api-tokens/index.js'
import type { Viewer } from '../../../src/domain/shared/index.js'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

describe.each(DIALECTS)('%s: revision history as a diff, with edit reasons', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let writer: Agent
  let writerId: number
  let questionId: number
  let threadId: number

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    ;({ agent: writer, id: writerId } = await signedIn(app, t.db, 'rev_writer'))
    threadId = await make.thread(t.db, {
      author: 'rev_writer',
      title: 'Kext panics on load after the update',
      body: 'The kext panics in vnode_put when the volume unmounts.',
    })
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    questionId = question.id
  })
  afterAll(async () => app?.close())

  const revisionsPage = async () => {
    const res = await new Agent(app).get(`/posts/${questionId}/revisions`)
    expect(res.statusCode).toBe(200)
    return parseHtml(res.body)
  }

  it('shows an edit against the original word by word, with its reason', async () => {
    await writer.get(`/posts/${questionId}/edit`)
    const res = await writer.post(`/posts/${questionId}/edit`, {
      title: 'Kext panics on load after the 26.1 update',
      body: 'The kext panics in vnode_rele when the volume unmounts.',
      reason: '  named the right   function ',
    })
    expect(res.statusCode).toBe(303)
    const doc = await revisionsPage()
    const newest = doc.querySelector('#revision-2')?.closest('article')
    expect(newest).toBeTruthy()
    const diff = newest?.querySelector('pre.revision-diff')
    expect([...(diff?.querySelectorAll('del') ?? [])].map((d) => d.textContent)).toEqual([
      '[removed: vnode_put]',
    ])
    expect([...(diff?.querySelectorAll('ins') ?? [])].map((d) => d.textContent)).toEqual([
      '[added: vnode_rele]',
    ])
    // The words both versions share stay plain text, whole.
    expect(diff?.textContent).toContain('The kext panics in ')
    expect(diff?.textContent).toContain(' when the volume unmounts.')
    expect(newest?.querySelector('.revision-title ins')?.textContent).toBe('[added: 26.1 ]')
    expect(newest?.querySelector('.revision-reason')?.textContent).toBe(
      'Reason: named the right function',
    )
    // The original is shown whole, without marks.
    const original = doc.querySelector('#revision-1')?.closest('article')
    expect(original?.querySelector('pre')?.textContent).toBe(
      'The kext panics in vnode_put when the volume unmounts.',
    )
    expect(original?.querySelectorAll('ins, del')).toHaveLength(0)
    expect(original?.querySelector('.revision-reason')).toBeNull()
  })

  it('brings the form back refilled when the reason is too long, and saves nothing', async () => {
    await writer.get(`/posts/${questionId}/edit`)
    const body = 'A body that must come back exactly as typed.\n\n```\npanic(cpu 0)\n```'
    const res = await writer.post(`/posts/${questionId}/edit`, {
      title: 'Kext panics on load after the 26.1 update',
      body,
      reason: 'r'.repeat(301),
    })
    expect(res.statusCode).toBe(422)
    const doc = parseHtml(res.body)
    expect(doc.querySelector<HTMLTextAreaElement>('#edit-body')?.value).toBe(body)
    expect(doc.querySelector<HTMLInputElement>('#edit-reason')?.value).toBe('r'.repeat(301))
    expect(doc.querySelector('#edit-reason')?.getAttribute('maxlength')).toBe('300')
    expect(res.body).toContain('The reason has at most 300 characters.')
    const kept = await t.db
      .selectFrom('revisions')
      .select('number')
      .where('post_id', '=', questionId)
      .execute()
    expect(kept).toHaveLength(2)
  })

  it('takes a reason through the API and shows it in the history', async () => {
    const viewer: Viewer = {
      id: writerId,
      username: 'rev_writer',
      title: null,
      role: 'member',
      trustLevel: 'member',
      silencedUntil: null,
    }
    const made = await createToken(t.db, viewer, {
      name: 'rev bot',
      scopes: ['write'],
      lifetime: '7',
    })
    if (!made.ok) throw new Error('token refused')
    const call = (payload: object) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/posts/${questionId}`,
        headers: { authorization: `Bearer ${made.value.token}` },
        payload,
      })
    const tooLong = await call({ body: 'Not saved.', reason: 'x'.repeat(301) })
    expect(tooLong.statusCode).toBe(422)
    expect(tooLong.body).toContain('reason')
    const res = await call({
      body: 'The kext panics in vnode_rele when the APFS volume unmounts.',
      reason: 'it is APFS',
    })
    expect(res.statusCode).toBe(200)
    const newest = (await revisionsPage()).querySelector('#revision-3')?.closest('article')
    expect(newest?.querySelector('.revision-reason')?.textContent).toBe('Reason: it is APFS')
    expect([...(newest?.querySelectorAll('pre ins') ?? [])].map((d) => d.textContent)).toEqual([
      '[added: APFS ]',
    ])
  })
})
