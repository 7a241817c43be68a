/**
 * A property-based fuzz of every operation in the served OpenAPI document (docs/api.md, "Fuzzing"), on
 * both databases: the operations are read from /api/v1/openapi.json, so one added later is fuzzed too.
 * fast-check makes valid requests (from the schemas, with known ids, slugs and cursors) and invalid ones
 * (wrong types, missing and extra fields, huge, unicode and naughty strings, bad ids and cursors, bad
 * JSON, the wrong content type), with a writer's, a reader's and an admin's token, a bogus token, a
 * malformed header or none. Every answer must be below 500 and match what its operation declares for
 * that status (test/support/openapi.ts); a bogus token is always 401, and an operation that needs a
 * token answers 401 to a valid request without one.
 *
 * FUZZ_RUNS (default 25) sets the runs per operation, FUZZ_SEED (default 20261207) the seed; a failure
 * prints the FUZZ_SEED, FUZZ_OP and FUZZ_PATH that replay its shrunk counterexample alone.
 */
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../../src/domain/api-tokens/index.js'
import type { Viewer } from '../../../src/domain/shared/index.js'
import { createAccount } from '../../../src/domain/users/index.js'
import { buildTestApp } from '../../support/build-test-app.js'
import { DIALECTS } from '../../support/dialects.js'
import { make } from '../../support/factories.js'
import { loadApiDocument, type ApiConformance } from '../../support/openapi.js'
import {
  operationsOf,
  requestsFor,
  type FuzzOperation,
  type FuzzRequest,
  type Hints,
} from '../../support/openapi-fuzz.js'
import { useTestDb } from '../../support/test-db.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 25)
const SEED = Number(process.env.FUZZ_SEED ?? 20261207)
const ONLY = process.env.FUZZ_OP
const PATH = process.env.FUZZ_PATH

/** Each operation's own seed, from the run's seed and its name, so adding one changes no other's. */
function seedOf(name: string): number {
  let h = SEED | 0
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return h | 0
}

const CRASH_LOG = [
  'The machine panics a few seconds after `umount -f` on a busy NFS export:',
  '',
  '```',
  'panic(cpu 1 caller 0xffffff80002c4d1a): "vnode_put: v_iocount underflow"',
  'Backtrace (CPU 1), Frame : Return Address',
  '0xffffff90b3b3bc40 : 0xffffff800021c21b mach_kernel : _vnode_put_locked + 0x1db',
  '0xffffff90b3b3bc90 : 0xffffff80002c4d1a mach_kernel : _vflush + 0x2aa',
  '```',
].join('\n')

describe.each(DIALECTS)('%s: API fuzz', (dialect) => {
  const t = useTestDb(dialect)
  let app: FastifyInstance
  let api: ApiConformance
  const tokens: Record<string, string> = {}
  let hints: Hints = {}

  async function person(username: string, role: Viewer['role'], scopes: string[]) {
    const made = await createAccount(t.db, {
      username,
      email: `${username}@example.test`,
      password: 'correct horse battery staple 9',
      role,
      title: null,
      trustLevel: 'member',
    })
    if (!made.ok) throw new Error(`no account ${username}`)
    const viewer: Viewer = {
      id: made.value.id,
      username,
      title: null,
      role,
      trustLevel: 'member',
      silencedUntil: null,
    }
    const token = await createToken(t.db, viewer, { name: 'fuzz', scopes, lifetime: '7' })
    if (!token.ok) throw new Error('token refused')
    tokens[username] = token.value.token
  }

  beforeAll(async () => {
    app = await buildTestApp(t.handle)
    api = await loadApiDocument(app)
    await make.tag(t.db, 'fuzz-drivers')
    const threadIds: number[] = []
    for (let i = 0; i < 3; i++)
      threadIds.push(
        await make.thread(t.db, {
          title: `Panic in vnode_put after a forced unmount, case ${i}`,
          tags: ['fuzz-kernel'],
          author: 'fuzz_asker',
          replies: 2,
        }),
      )
    await person('fuzz_writer', 'member', ['read', 'write'])
    await person('fuzz_reader', 'member', ['read'])
    await person('fuzz_admin', 'admin', ['read', 'write', 'moderate', 'admin'])
    const thread = await app.inject({ url: `/api/v1/threads/${threadIds[0]}` })
    const { question, replies } = thread.json<{
      question: { id: number }
      replies: { id: number }[]
    }>()
    const comment = await app.inject({
      method: 'POST',
      url: `/api/v1/posts/${replies[0]!.id}/comments`,
      headers: { authorization: `Bearer ${tokens.fuzz_writer}` },
      payload: { body: 'Does it happen with `-o noac` too?' },
    })
    expect(comment.statusCode).toBe(201)
    // A signature the threads mention, so GET /signatures/{kind}/{key} answers 200 too.
    const signature = await t.db
      .selectFrom('thread_signatures')
      .select(['kind', 'key'])
      .where('thread_id', 'in', threadIds)
      .orderBy('kind')
      .executeTakeFirstOrThrow()
    const page = await app.inject({ url: '/api/v1/tags/fuzz-kernel/threads?limit=1' })
    const cursor = page.json<{ next: string }>().next
    expect(cursor).toEqual(expect.any(String))
    hints = {
      id: fc.constantFrom(
        ...threadIds,
        question.id,
        ...replies.map((r) => r.id),
        comment.json<{ postId: number }>().postId,
      ),
      slug: fc.constantFrom('fuzz-kernel', 'fuzz-drivers'),
      kind: fc.constant(signature.kind),
      key: fc.constant(signature.key),
      username: fc.constantFrom('fuzz_asker', 'fuzz_writer', 'fuzz_admin'),
      cursor: fc.constantFrom(cursor, Buffer.from('{"page":2}').toString('base64url')),
      q: fc.constantFrom(
        'vnode_put',
        'panic tag:fuzz-kernel',
        'is:solved user:fuzz_asker',
        'sym:vnode_put',
        '"forced unmount" after:2020-01-01',
        'errno:EIO',
        'crash:"v_iocount underflow"',
      ),
      title: fc.constantFrom(
        'Panic in vnode_put after a forced unmount of NFS',
        'kext fails to load after upgrade: code signature invalid',
      ),
      body: fc.constantFrom(
        CRASH_LOG,
        'Same here on 14.2; `nfsstat -m` shows the mount as soft.',
        'Can you attach the full panic log?',
      ),
      tags: fc.array(fc.constantFrom('fuzz-kernel', 'fuzz-drivers'), {
        minLength: 1,
        maxLength: 2,
      }),
    }
  })
  afterAll(async () => app?.close())

  async function send(op: FuzzOperation, request: FuzzRequest): Promise<number> {
    const res = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      // The site's own host, so the `Origin` of its own pages is same-site.
      headers: { host: 'quorum.test', ...request.headers },
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    })
    const what = `${request.method} ${request.url.slice(0, 300)} (${request.auth}) → ${res.statusCode} ${res.body.slice(0, 300)}`
    if (res.statusCode >= 500) throw new Error(`server error: ${what}`)
    try {
      api.check(op.method, request.url, res)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${what}`, { cause: error })
    }
    // A write from another site's page is refused before anything else; otherwise a bad token is.
    const crossSite = op.method !== 'GET' && request.headers.origin === 'http://evil.test'
    const refused = crossSite ? 403 : 401
    // A path segment past the router's limit is answered 404 before any hook (http/plugins/errors.ts).
    if (
      request.url
        .split('?')[0]!
        .split('/')
        .some((segment) => segment.length > 500)
    )
      return res.statusCode
    if ((request.auth === 'bogus' || request.auth === 'malformed') && res.statusCode !== refused)
      throw new Error(`a bad token was not refused with ${refused}: ${what}`)
    if (
      request.valid &&
      request.auth === 'none' &&
      op.security?.length &&
      res.statusCode !== refused
    )
      throw new Error(`answered without a token: ${what}`)
    return res.statusCode
  }

  it(
    'finds no 5xx and no answer its schema does not describe, on every operation',
    async () => {
      const operations = operationsOf(api.document as never)
      // The document must keep listing the operations this test was written against (and more).
      expect(operations.length).toBeGreaterThanOrEqual(17)
      const statuses = new Map<string, Set<number>>()
      for (const op of operations) {
        const name = `${op.method} ${op.path}`
        if (ONLY !== undefined && ONLY !== name) continue
        const seen = new Set<number>()
        statuses.set(name, seen)
        const result = await fc.check(
          fc.asyncProperty(requestsFor(op, hints, { tokens }), async (request) => {
            seen.add(await send(op, request))
          }),
          {
            numRuns: RUNS,
            seed: seedOf(name),
            ...(PATH !== undefined && ONLY === name ? { path: PATH } : {}),
            endOnFailure: false,
          },
        )
        if (result.failed) {
          const shrunk = result.counterexample?.[0] as FuzzRequest | undefined
          throw new Error(
            [
              `${name}: ${String((result.errorInstance as Error | null)?.message ?? result.errorInstance)}`,
              `shrunk request: ${JSON.stringify(shrunk, (_k, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}… (${v.length})` : v), 1)}`,
              `replay: FUZZ_SEED=${SEED} FUZZ_OP='${name}' FUZZ_PATH='${result.counterexamplePath}' npx vitest run test/integration/api/fuzz.test.ts`,
            ].join('\n'),
          )
        }
      }
      // The fuzz reached both sides of every operation: some input was refused, and every read answered.
      // (A replay runs one shrunk request, so it proves nothing of the kind.)
      const staffReads = new Set(
        operations
          .filter((o) => o.tags?.some((tag) => tag === 'staff' || tag === 'moderation'))
          .map((o) => `${o.method} ${o.path}`),
      )
      if (PATH === undefined)
        for (const [name, seen] of statuses) {
          expect(
            [...seen].some((s) => s >= 400 && s < 500),
            `${name} refused nothing`,
          ).toBe(true)
          // Staff reads need a `moderate` token and a thread or person that fits at once, which a few
          // runs rarely draw; their 200s are checked against the document in api/staff.test.ts.
          if (name.startsWith('GET ') && !staffReads.has(name))
            expect(seen.has(200), `${name} never answered 200`).toBe(true)
        }
      if (process.env.FUZZ_VERBOSE)
        for (const [name, seen] of statuses) console.log(name, [...seen].sort().join(' '))
      expect([...statuses.keys()].length).toBe(ONLY === undefined ? operations.length : 1)
      // A larger FUZZ_RUNS takes longer: about 50 ms a request on a busy 2-core machine, with room.
    },
    60_000 + RUNS * 18 * 100,
  )
  it('keeps what the fuzz found fixed', async () => {
    const check = async (
      request: { method?: string; url: string; headers?: Record<string, string>; payload?: string },
      status: number,
    ) => {
      const res = await app.inject({
        method: (request.method ?? 'GET') as 'GET',
        url: request.url,
        headers: { host: 'quorum.test', ...request.headers },
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      })
      expect(res.statusCode, `${request.url}: ${res.body.slice(0, 200)}`).toBe(status)
      if (request.url.startsWith('/api/'))
        return { res, body: api.check(request.method ?? 'GET', request.url, res) }
      return { res, body: undefined }
    }
    // A path segment past the router's limit: problem details, not Fastify's own JSON 414.
    await check({ url: `/api/v1/posts/${'7'.repeat(600)}/boost`, method: 'PUT' }, 404)
    // NUL in an address: 400 before PostgreSQL sees it.
    const nul = await check({ url: '/api/v1/tags/%00' }, 400)
    expect(nul.body).toMatchObject({ code: 'bad_request', field: 'url' })
    await check({ url: '/api/v1/me?x=%00' }, 400)
    // No credentials at all: 401 with how to send them, not "Sign in to post" nor "Form expired".
    for (const [method, url] of [
      ['POST', '/api/v1/threads/1/replies'],
      ['PUT', '/api/v1/posts/1/boost'],
    ] as const) {
      const { res } = await check(
        { method, url, headers: { 'content-type': 'application/json' }, payload: '{"body":"x"}' },
        401,
      )
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/)
    }
    // A body no parser reads, on an operation that did not declare 415.
    const typed = await check(
      {
        method: 'PUT',
        url: '/api/v1/threads/1/watch',
        headers: { authorization: `Bearer ${tokens.fuzz_writer}`, 'content-type': 'text/xml' },
        payload: '<level>muted</level>',
      },
      415,
    )
    expect(typed.body).toMatchObject({ code: 'unsupported_type' })
    // A cursor whose count is past PostgreSQL's integer: read as the bound, not a 500.
    const cursor = Buffer.from(JSON.stringify([0, 2 ** 45, 2 ** 40])).toString('base64url')
    await check({ url: `/api/v1/tags/fuzz-kernel/threads?sortBy=replies&cursor=${cursor}` }, 200)
  })
})
