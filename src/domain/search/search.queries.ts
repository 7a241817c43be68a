/**
 * The search feature's SQL that both engines share: reading threads for indexing, resolving filters, the
 * filter predicate and listing without text. Engine-specific SQL is in fts5.queries.ts and tsvector.queries.ts;
 * result rows are the threads domain's list rows (threadListItems).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { Executor } from '../../db/schema.js'
import { signatureFilterSql } from '../signatures/index.js'
import type { Candidate, Matcher, SearchFilters } from './engine.types.js'

export type { SearchFilters } from './engine.types.js'

/** Tag ids by slug; slugs without a tag are missing from the map. */
export async function findTagIds(
  db: Executor,
  slugs: readonly string[],
): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map()
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'slug'])
    .where('slug', 'in', [...slugs])
    .execute()
  return new Map(rows.map((r) => [r.slug, r.id]))
}

export async function findUserId(db: Executor, username: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username_key', '=', username.toLowerCase())
    .executeTakeFirst()
  return row?.id
}

/** True when the filters narrow anything beyond "live threads" (which is all the index holds anyway). */
export function hasFilters(f: SearchFilters): boolean {
  return (
    f.tagIds.length > 0 ||
    f.authorId !== null ||
    f.solved !== null ||
    f.after !== null ||
    f.before !== null ||
    f.signatures.length > 0
  )
}

/** The filters as one predicate over `threads as t` (and live threads only). */
export function filterSql(f: SearchFilters): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`t.deleted_at is null`, sql`t.hidden_at is null`]
  for (const tagId of f.tagIds)
    parts.push(
      sql`exists (select 1 from thread_tags tt where tt.thread_id = t.id and tt.tag_id = ${tagId})`,
    )
  if (f.authorId !== null) parts.push(sql`t.author_id = ${f.authorId}`)
  if (f.solved !== null)
    parts.push(f.solved ? sql`t.accepted_post_id is not null` : sql`t.accepted_post_id is null`)
  if (f.after !== null) parts.push(sql`t.created_at >= ${f.after}`)
  if (f.before !== null) parts.push(sql`t.created_at < ${f.before}`)
  for (const signature of f.signatures) parts.push(signatureFilterSql(signature))
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`
}

/** Matching for queries with only filters (`tag:kernel is:unsolved`): plain SQL over threads. */
export const filterMatcher: Matcher = {
  candidatesSql(_db, plan, cap) {
    return Promise.resolve(sql<Candidate>`
      select t.id, 0 as score, t.created_at as "createdAt", t.last_activity_at as "lastActivityAt",
        t.boost_count as "boostCount"
      from threads t where ${filterSql(plan.filters)} order by t.id desc limit ${cap}`)
  },
}
