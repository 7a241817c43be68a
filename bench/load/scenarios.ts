/**
 * The load scenarios of `npm run bench` (docs/performance.md): what a forum serves under crawler and
 * reader load, plus a write mix. "cached" scenarios repeat one URL, as a crawler or a link on a busy
 * page does, so anonymous pages come from the page cache; "uncached" ones add a query parameter that
 * changes on every request, so every response is built from the database.
 */
import { sql } from 'kysely'
import { createDb } from '../../src/db/connect.js'
import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config.js'
import type { Db } from '../../src/db/schema.js'
import { createToken } from '../../src/domain/api-tokens/index.js'
import { getPath, getRotating, getUncached, type Load } from './cannon.js'
import type { Writer } from './writers.js'

export interface Scenario {
  name: string
  /** What the ceiling replays: a GET of this path, or the first request of the write mix. */
  sample: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }
  load: Load
}

export interface Targets {
  /** A read token (Authorization: Bearer) of a member, for the API's authenticated scenario. */
  apiToken: string
  longThread: number
  /** A thread of five posts (a question and four replies), the forum's common case. */
  shortThread: number
  threads: number[]
  writeThreads: { threadId: number; questionId: number }[]
}

export const SORTS = ['activity', 'newest', 'replies', 'boosts', 'views'] as const

/** Finds a thread with 50 replies, a spread of threads to walk, and threads to write to. */
export async function findTargets(databaseUrl: string): Promise<Targets> {
  const config = parseDatabaseUrl(databaseUrl) as DatabaseConfig
  const { db, close } = createDb(config)
  try {
    const long = await db
      .selectFrom('threads')
      .select('id')
      .where('reply_count', '=', 50)
      .where('deleted_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst()
    const short = await db
      .selectFrom('threads')
      .select('id')
      .where('reply_count', '=', 4)
      .where('deleted_at', 'is', null)
      .where('hidden_reason', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst()
    const spread = await sql<{ id: number }>`
      select id from threads where deleted_at is null and id % 97 = 0 order by id limit 2000`.execute(
      db,
    )
    const writable = await sql<{ threadId: number; questionId: number }>`
      select t.id as "threadId", p.id as "questionId" from threads t
      join posts p on p.thread_id = t.id and p.kind = 'question'
      where t.locked = 0 and t.deleted_at is null and t.id % 89 = 0
      order by t.id desc limit 64`.execute(db)
    if (!long) throw new Error('no thread with 50 replies: generate the data with bench-data')
    if (!short) throw new Error('no thread with 4 replies: generate the data with bench-data')
    return {
      apiToken: await benchToken(db),
      longThread: long.id,
      shortThread: short.id,
      threads: spread.rows.map((r) => Number(r.id)),
      writeThreads: writable.rows.map((w) => ({
        threadId: Number(w.threadId),
        questionId: Number(w.questionId),
      })),
    }
  } finally {
    await close()
  }
}

function get(name: string, path: string, load: Load = getPath(path)): Scenario {
  return { name, sample: { method: 'GET', path }, load }
}

/** A fresh read token of the first member (the previous run's bench token is deleted first). */
async function benchToken(db: Db): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('role', '=', 'member')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  await db.deleteFrom('api_tokens').where('name', '=', 'bench').execute()
  const viewer = { id: user.id, username: user.username, title: null, role: 'member' as const }
  const made = await createToken(
    db,
    { ...viewer, trustLevel: 'member', silencedUntil: null },
    { name: 'bench', scopes: ['read'], lifetime: '7' },
  )
  if (!made.ok) throw new Error(`no bench token: ${JSON.stringify(made.failure)}`)
  return made.value.token
}

/** GETs with a bearer token and a changing query parameter (no cache answers). */
function getUncachedWithToken(path: string, token: string): Load {
  const load = getUncached(path)
  return {
    requests: (connection) =>
      load.requests(connection).map((r) => ({
        ...r,
        headers: { ...r.headers, authorization: `Bearer ${token}` },
      })),
  }
}

const SEARCHES = [
  ['search-word', 'panic'],
  ['search-identifier', 'vnode_put'],
  ['search-phrase-filters', '"zone element" tag:kernel is:solved'],
] as const

export function readScenarios(targets: Targets): Scenario[] {
  const tag = (sort: string, page: number) =>
    `/tags/kernel?sortBy=${sort}&sortOrder=desc&page=${page}`
  const thread = `/threads/${targets.longThread}`
  const shortThread = `/threads/${targets.shortThread}`
  const apiThread = `/api/v1/threads/${targets.longThread}`
  const apiTag = '/api/v1/tags/kernel/threads?sortBy=activity&sortOrder=desc&limit=30'
  return [
    get('home', '/'),
    ...SORTS.flatMap((sort) => [
      get(`tag-${sort}-p1`, tag(sort, 1)),
      get(`tag-${sort}-p500`, tag(sort, 500)),
    ]),
    get('tag-activity-p1-uncached', tag('activity', 1), getUncached(tag('activity', 1))),
    get('tag-activity-p500-uncached', tag('activity', 500), getUncached(tag('activity', 500))),
    get('tag-views-p500-uncached', tag('views', 500), getUncached(tag('views', 500))),
    get('thread-50-replies', thread),
    get('thread-50-replies-uncached', thread, getUncached(thread)),
    get('thread-5-posts', shortThread),
    get('thread-5-posts-uncached', shortThread, getUncached(shortThread)),
    get(
      'threads-2000-rotating',
      `/threads/${targets.threads[0] ?? targets.longThread}`,
      getRotating(targets.threads.map((id) => `/threads/${id}`)),
    ),
    ...SEARCHES.map(([name, q]) => {
      const path = `/search?q=${encodeURIComponent(q)}`
      return get(name, path, getUncached(path))
    }),
    // The request path alone: the smallest answer through every hook an uncached page passes (session,
    // limits, the page cache's miss, the turns, logging and metrics), no query and no rendering. What
    // no uncached page can be cheaper than.
    get('robots-uncached', '/robots.txt', getUncached('/robots.txt')),
    // The API's reads beside the pages above (same data, no rendering), and what a token costs.
    get('api-thread-50-replies-uncached', apiThread, getUncached(apiThread)),
    get('api-tag-activity-p1-uncached', apiTag, getUncached(apiTag)),
    {
      name: 'api-thread-50-replies-token',
      sample: {
        method: 'GET',
        path: apiThread,
        headers: { authorization: `Bearer ${targets.apiToken}` },
      },
      load: getUncachedWithToken(apiThread, targets.apiToken),
    },
  ]
}

/**
 * Signed-in writers, one per connection (round robin): each cycles through a reply, a boost and an
 * unboost on a thread of its own, as plain form posts answered with 303.
 */
export function writeScenario(targets: Targets, writers: Writer[]): Scenario {
  const form = (w: Writer, fields: Record<string, string>) =>
    new URLSearchParams({ _csrf: w.csrf, ...fields }).toString()
  const headers = (w: Writer) => ({
    cookie: w.cookie,
    'content-type': 'application/x-www-form-urlencoded',
  })
  let n = 0
  const requests = (connection: number) => {
    const w = writers[connection % writers.length]
    const t = targets.writeThreads[connection % targets.writeThreads.length]
    if (!w || !t) throw new Error('no writers or no threads to write to')
    return [
      {
        method: 'POST',
        path: `/threads/${t.threadId}/replies`,
        headers: headers(w),
        setupRequest: (r: object) => ({
          ...r,
          body: form(w, {
            body: `Bench reply ${n++}: take an iocount with vnode_get before recycling.`,
          }),
        }),
      },
      {
        method: 'POST',
        path: `/posts/${t.questionId}/boost`,
        headers: headers(w),
        body: form(w, { state: 'on' }),
      },
      {
        method: 'POST',
        path: `/posts/${t.questionId}/boost`,
        headers: headers(w),
        body: form(w, { state: 'off' }),
      },
    ]
  }
  const first = requests(0)[1]
  return {
    name: 'write-mix',
    sample: {
      method: 'POST',
      path: first?.path ?? '/',
      headers: first?.headers,
      body: first?.body,
    },
    load: { requests },
  }
}
