/**
 * Every page that renders a form carries a valid token, whatever path rendered it (issue 26 defect 1):
 * a GET, a preview, a form that comes back with errors, an error page for a signed-in person. Before,
 * a page rendered by a POST had no `_csrf` in any form, so "Post question" after Preview, and "Sign out"
 * on those pages, answered 403 "Form expired".
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, signedIn } from '../../support/agent.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { parseHtml } from '../../support/html.js'
import { useTestDb } from '../../support/test-db.js'

/** The `_csrf` value of every POST form of a page; '' for a form without one. */
function formTokens(res: LightMyRequestResponse): string[] {
  const doc = parseHtml(res.body)
  return [...doc.querySelectorAll('form')]
    .filter((f) => (f.getAttribute('method') ?? '').toLowerCase() === 'post')
    .map((f) => f.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '')
}

describe.each(DIALECTS)('%s: a token in every form', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let member: Agent
  let threadId: number
  let othersPostId: number

  beforeAll(async () => {
    await make.tag(t.db, 'kernel', { name: 'Kernel' })
    app = await buildTestApp(t.handle)
    member = (await signedIn(app, t.db, 'token_member')).agent
    threadId = await make.thread(t.db, { tags: ['kernel'], replies: 1 })
    const question = await t.db
      .selectFrom('posts')
      .select('id')
      .where('thread_id', '=', threadId)
      .where('kind', '=', 'question')
      .executeTakeFirstOrThrow()
    othersPostId = question.id
  })
  afterAll(async () => app?.close())

  /** Checks the page's forms all carry a token, then that one of them signs out (not 403). */
  const expectUsableTokens = async (res: LightMyRequestResponse, what: string) => {
    const tokens = formTokens(res)
    expect(tokens.length, what).toBeGreaterThan(0)
    expect(
      tokens.filter((token) => token === ''),
      what,
    ).toEqual([])
    return tokens[0] ?? ''
  }

  const ask = (fields: Record<string, string>) => {
    member.csrf = member.csrf ?? ''
    return member.postMultipart('/ask', fields)
  }

  it.each([
    [
      'a preview',
      { title: 'A question long enough to post', body: 'Body', tags: 'kernel', intent: 'preview' },
      200,
    ],
    ['a title of spaces', { title: '      ', body: 'Body', tags: 'kernel' }, 422],
    [
      'an unknown tag',
      { title: 'A question long enough to post', body: 'Body', tags: 'nope' },
      422,
    ],
    [
      'a body over the limit',
      { title: 'A question long enough to post', body: 'x'.repeat(70_000), tags: 'kernel' },
      422,
    ],
  ])(
    'the ask form after %s, and the question posts with its token',
    async (_name, fields, status) => {
      await member.get('/ask')
      const res = await ask(fields)
      expect(res.statusCode).toBe(status)
      member.csrf = await expectUsableTokens(res, `ask: ${_name}`)
      const posted = await ask({
        title: `Posted after ${_name}, fixed`,
        body: 'Now it is fine.',
        tags: 'kernel',
      })
      expect(posted.statusCode).toBe(303)
    },
  )

  it('a thread page that comes back with a reply error', async () => {
    await member.get(`/threads/${threadId}`)
    const res = await member.post(`/threads/${threadId}/replies`, { body: '   ' })
    expect(res.statusCode).toBe(422)
    member.csrf = await expectUsableTokens(res, 'reply error')
    expect(
      (await member.post(`/threads/${threadId}/replies`, { body: 'A real reply.' })).statusCode,
    ).toBe(303)
  })

  it('the settings page after a wrong password, and an error page for a signed-in person', async () => {
    await member.get('/settings')
    const wrong = await member.post('/settings/password', {
      current_password: 'not the password',
      new_password: 'another long passphrase',
    })
    expect(wrong.statusCode).toBe(422)
    await expectUsableTokens(wrong, 'settings error')
    const forbidden = await member.post(`/posts/${othersPostId}/delete`, {})
    expect(forbidden.statusCode).toBe(403)
    const token = await expectUsableTokens(forbidden, 'a 403 page after a POST')
    const out = await member.post('/logout', {}, { csrf: token })
    expect(out.statusCode).toBe(303)
  })

  it('the sign-in and registration forms after an error, for an anonymous visitor', async () => {
    const visitor = new Agent(app, '10.3.3.3')
    await visitor.get('/login')
    const failed = await visitor.post('/login', {
      login: 'nobody',
      password: 'wrong password here',
    })
    expect(failed.statusCode).toBe(422)
    visitor.csrf = await expectUsableTokens(failed, 'login error')
    await visitor.get('/register')
    const refused = await visitor.post('/register', {
      username: 'x',
      email: 'bad',
      password: 'short',
    })
    expect(refused.statusCode).toBe(422)
    visitor.csrf = await expectUsableTokens(refused, 'register error')
    const again = await visitor.post('/register', {
      username: 'token_newcomer',
      email: 'token_newcomer@example.test',
      password: 'a long enough passphrase',
    })
    expect(again.statusCode).toBe(303)
  })
})
