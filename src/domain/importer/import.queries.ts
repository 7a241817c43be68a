/**
 * The importer's set-based lookups: people and tags by name (created when missing), booster accounts,
 * and blocks of ids reserved up front so a whole batch of threads, posts and boosts is written with a
 * few multi-row INSERTs instead of one round trip per row.
 */
import { sql } from 'kysely'
import { dialectOf } from '../../db/dialect.js'
import { ROWS_PER_STATEMENT } from '../../db/insert-many.js'
import type { Executor } from '../../db/schema.js'
import type { ImportContext } from './import.context.js'

export function chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/**
 * Makes sure every named person has an id in `ctx.users` (keys are lower-cased names). Existing
 * accounts are found in one query per chunk; missing ones are created with no password, and `titles`
 * gives a new account its staff title.
 */
export async function resolveUsers(
  db: Executor,
  ctx: ImportContext,
  names: Iterable<string>,
  titles: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const wanted = new Map<string, string>()
  for (const name of names) {
    const key = name.toLowerCase()
    if (!ctx.users.has(key) && !wanted.has(key)) wanted.set(key, name)
  }
  if (wanted.size === 0) return
  for (const keys of chunks([...wanted.keys()])) {
    const found = await db
      .selectFrom('users')
      .select(['id', 'username_key as key'])
      .where('username_key', 'in', keys)
      .execute()
    for (const row of found) {
      ctx.users.set(row.key, row.id)
      wanted.delete(row.key)
    }
  }
  for (const keys of chunks([...wanted.keys()])) {
    const rows = await db
      .insertInto('users')
      .values(
        keys.map((key) => ({
          username: wanted.get(key) ?? key,
          username_key: key,
          role: 'member' as const,
          // Imported people are established accounts elsewhere: no new-account limits.
          trust_level: 'member' as const,
          title: titles.get(key) ?? null,
          created_at: ctx.now,
        })),
      )
      .returning(['id', 'username_key as key'])
      .execute()
    for (const row of rows) ctx.users.set(row.key, row.id)
  }
}

/** Makes sure every slug has an id in `ctx.tags`; a new tag is named after its slug ("network-extension" → "Network Extension"). */
export async function resolveTags(
  db: Executor,
  ctx: ImportContext,
  slugs: Iterable<string>,
): Promise<void> {
  const wanted = [...new Set(slugs)].filter((slug) => !ctx.tags.has(slug))
  if (wanted.length === 0) return
  for (const batch of chunks(wanted)) {
    const found = await db
      .selectFrom('tags')
      .select(['id', 'slug'])
      .where('slug', 'in', batch)
      .execute()
    for (const row of found) ctx.tags.set(row.slug, row.id)
  }
  const missing = wanted.filter((slug) => !ctx.tags.has(slug))
  for (const batch of chunks(missing)) {
    const rows = await db
      .insertInto('tags')
      .values(
        batch.map((slug) => ({ slug, name: tagName(slug), description: '', created_at: ctx.now })),
      )
      .returning(['id', 'slug'])
      .execute()
    for (const row of rows) ctx.tags.set(row.slug, row.id)
  }
}

function tagName(slug: string): string {
  return slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

/**
 * Imports carry boost counts, not boosters: existing members give them first, and reader accounts
 * (reader-1, reader-2, ...) are created when the forum has fewer than `count` people.
 */
export async function ensureBoosters(
  db: Executor,
  ctx: ImportContext,
  count: number,
): Promise<void> {
  if (ctx.boosters.length >= count) return
  const names: string[] = []
  for (let n = ctx.boosters.length + 1; n <= count; n++) names.push(`reader-${n}`)
  await resolveUsers(db, ctx, names)
  for (const name of names) {
    const id = ctx.users.get(name)
    if (id !== undefined) ctx.boosters.push(id)
  }
}

/**
 * Reserves `count` new ids of a table whose `id` the database assigns. PostgreSQL draws them from the
 * table's sequence, so concurrent writers never collide. SQLite assigns max(id) + 1, so the first call
 * of a transaction takes the write lock (a no-op UPDATE) before reading max(id): no other connection
 * can insert until the transaction ends.
 */
export async function reserveIds(
  db: Executor,
  table: 'threads' | 'posts',
  count: number,
): Promise<number[]> {
  if (count === 0) return []
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ id: number }>`
      select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id
      from generate_series(1, ${count})`.execute(db)
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b)
  }
  await sql`update ${sql.table(table)} set id = id where id < 0`.execute(db)
  const { rows } = await sql<{
    id: number | null
  }>`select max(id) as id from ${sql.table(table)}`.execute(db)
  const first = Number(rows[0]?.id ?? 0) + 1
  return Array.from({ length: count }, (_, i) => first + i)
}
