/**
 * The SQL behind the Mentions line, /signatures pages and the search operators: threads that share a
 * signature, counted, listed and filtered.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { Executor } from '../../db/schema.js'
import { tagsOfThreads } from '../tags/index.js'
import { threadListColumns, toThreadListItem } from '../thread-lists/index.js'
import type { ThreadListItem } from '../thread-lists/index.js'
import type { SignatureFilter } from './search-filters.js'
import type { SignatureItem, SignatureKind } from './signatures.types.js'

/** How many live threads carry each signature, keyed `${kind}:${key}`. */
export async function countThreadsWith(
  db: Executor,
  items: readonly Pick<SignatureItem, 'kind' | 'key'>[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (items.length === 0) return counts
  const rows = await db
    .selectFrom('thread_signatures as s')
    .innerJoin('threads as t', 't.id', 's.thread_id')
    .select(['s.kind', 's.key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.deleted_at', 'is', null)
    .where((eb) =>
      eb.or(items.map((i) => eb.and([eb('s.kind', '=', i.kind), eb('s.key', '=', i.key)]))),
    )
    .groupBy(['s.kind', 's.key'])
    .execute()
  for (const r of rows) counts.set(`${r.kind}:${r.key}`, Number(r.n))
  return counts
}

/** How one signature is shown (its most common label) and its detail, or undefined when no live thread has it. */
export async function findSignature(
  db: Executor,
  kind: SignatureKind,
  key: string,
): Promise<{ label: string; detail: string } | undefined> {
  return db
    .selectFrom('thread_signatures as s')
    .innerJoin('threads as t', 't.id', 's.thread_id')
    .select(['s.label', 's.detail', (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.deleted_at', 'is', null)
    .where('s.kind', '=', kind)
    .where('s.key', '=', key)
    .groupBy(['s.label', 's.detail'])
    .orderBy('n', 'desc')
    .orderBy('s.label')
    .limit(1)
    .executeTakeFirst()
}

/**
 * The live threads carrying a signature, most recently active first, with how many of each thread's posts
 * mention it. Keyset paging: `before` is the (lastActivityAt, id) of the last row shown. The thread-list
 * columns are joined here (not read by id afterwards) so the page stays at two queries: rows, then tags.
 */
export async function listThreadsWithSignature(
  db: Executor,
  q: { kind: SignatureKind; key: string; limit: number; before?: { at: number; id: number } },
): Promise<(ThreadListItem & { postCount: number })[]> {
  const rows = await db
    .selectFrom('thread_signatures as s')
    .innerJoin('threads as t', 't.id', 's.thread_id')
    .innerJoin('users as u', 'u.id', 't.author_id')
    .select([...threadListColumns, 's.post_count as postCount'])
    .where('t.deleted_at', 'is', null)
    .where('s.kind', '=', q.kind)
    .where('s.key', '=', q.key)
    .$if(q.before !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('t.last_activity_at', '<', q.before?.at ?? 0),
          eb.and([
            eb('t.last_activity_at', '=', q.before?.at ?? 0),
            eb('t.id', '<', q.before?.id ?? 0),
          ]),
        ]),
      ),
    )
    .orderBy('t.last_activity_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(q.limit)
    .execute()
  const tags = await tagsOfThreads(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({ ...toThreadListItem(r, tags), postCount: r.postCount }))
}

/**
 * A search operator over stored signatures as one predicate on `threads as t`: an EXISTS that the primary key
 * (thread_id, kind, key) answers per candidate thread.
 * @example sql`select t.id from threads t where ${signatureFilterSql({ kind: 'error', keys: ['ENOENT'], label: 'errno:ENOENT' })}`
 */
export function signatureFilterSql(filter: SignatureFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`s.thread_id = t.id`, sql`s.kind = ${filter.kind}`]
  if (filter.keys !== undefined) {
    const keys = filter.keys.length > 0 ? filter.keys : ['']
    parts.push(sql`s.key in (${sql.join(keys.map((k) => sql`${k}`))})`)
  }
  if (filter.keyPrefix !== undefined)
    parts.push(sql`s.key like ${`${likeSafe(filter.keyPrefix)}%`}`)
  if (filter.versionPrefix !== undefined) {
    const v = likeSafe(filter.versionPrefix)
    parts.push(sql`(s.detail = ${v} or s.detail like ${`${v}.%`})`)
  }
  return sql<SqlBool>`exists (select 1 from thread_signatures s where ${sql.join(parts, sql` and `)})`
}

/**
 * Prefixes are OS keys and versions ("macos-", "26.1"): letters, digits, dots and dashes only, so no `like`
 * wildcard (`%`, `_`) or escape is ever needed; anything else is dropped.
 */
function likeSafe(text: string | undefined): string {
  return (text ?? '').replace(/[^A-Za-z0-9.-]/g, '')
}

/**
 * When a bug report was first and last cited: the first and last live post, in the live threads that carry
 * the reference, whose text holds its number.
 */
export async function referenceSeen(
  db: Executor,
  key: string,
): Promise<{ first: number; last: number } | undefined> {
  const digits = key.replace(/\D/g, '')
  if (digits === '') return undefined
  const row = await db
    .selectFrom('thread_signatures as s')
    .innerJoin('threads as t', 't.id', 's.thread_id')
    .innerJoin('posts as p', 'p.thread_id', 's.thread_id')
    .select((eb) => [eb.fn.min('p.created_at').as('first'), eb.fn.max('p.created_at').as('last')])
    .where('s.kind', '=', 'reference')
    .where('s.key', '=', key)
    .where('t.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('p.body_markdown', 'like', `%${digits}%`)
    .executeTakeFirst()
  if (row?.first === null || row?.first === undefined || row.last === null) return undefined
  return { first: Number(row.first), last: Number(row.last) }
}

/**
 * The latest posts, by staff or by the thread's asker, that say "fixed" in the live threads carrying a bug
 * report: the candidates for its status, newest first.
 */
export async function referenceFixPosts(
  db: Executor,
  key: string,
  limit: number,
): Promise<
  { threadId: number; title: string; body: string; createdAt: number; byStaff: boolean }[]
> {
  const rows = await db
    .selectFrom('thread_signatures as s')
    .innerJoin('threads as t', 't.id', 's.thread_id')
    .innerJoin('posts as p', 'p.thread_id', 's.thread_id')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select([
      't.id as threadId',
      't.title as title',
      'p.body_markdown as body',
      'p.created_at as createdAt',
      'u.role as role',
    ])
    .where('s.kind', '=', 'reference')
    .where('s.key', '=', key)
    .where('t.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['p.body_markdown']), 'like', '%fixed%'))
    .where((eb) =>
      eb.or([
        eb('u.role', 'in', ['moderator', 'admin']),
        eb('p.author_id', '=', eb.ref('t.author_id')),
      ]),
    )
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    threadId: r.threadId,
    title: r.title,
    body: r.body,
    createdAt: Number(r.createdAt),
    byStaff: r.role !== 'member',
  }))
}
