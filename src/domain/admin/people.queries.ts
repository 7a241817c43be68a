/**
 * The staff's people directory (/admin/people): accounts found by part of their username or email, or
 * by an address one of their sessions was seen from, with what staff need at a glance.
 */
import { sql } from 'kysely'
import type { Executor } from '../../db/schema.js'
import type { PersonRow } from './admin.types.js'

/** `text` as a LIKE pattern that matches it literally anywhere ("!" escapes the wildcards). */
const containing = (text: string) => `%${text.replace(/[!%_]/g, (ch) => `!${ch}`)}%`

/**
 * People matching `query` (username, email or session IP, case-insensitive), by username; the newest
 * accounts when the query is empty. At most `limit` rows.
 */
export async function listPeople(
  db: Executor,
  input: { query: string; limit: number },
): Promise<PersonRow[]> {
  const query = input.query.trim().toLowerCase()
  const pattern = containing(query)
  const rows = await db
    .selectFrom('users as u')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.email',
      'u.role',
      'u.trust_level as trustLevel',
      'u.silenced_until as silencedUntil',
      'u.suspended_until as suspendedUntil',
      'u.created_at as createdAt',
      eb
        .selectFrom('posts as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.author_id', '=', 'u.id')
        .where('p.deleted_at', 'is', null)
        .as('postCount'),
      eb
        .selectFrom('sessions as s')
        .select((e) => e.fn.max('s.last_seen_at').as('at'))
        .whereRef('s.user_id', '=', 'u.id')
        .as('lastSeenAt'),
      eb
        .selectFrom('sessions as s')
        .select('s.ip')
        .whereRef('s.user_id', '=', 'u.id')
        .where('s.ip', 'is not', null)
        .orderBy('s.last_seen_at', 'desc')
        .limit(1)
        .as('lastIp'),
    ])
    .where('u.deleted_at', 'is', null)
    .$if(query !== '', (qb) =>
      qb.where((eb) =>
        eb.or([
          sql<boolean>`u.username_key like ${pattern} escape '!'`,
          sql<boolean>`u.email_key like ${pattern} escape '!'`,
          eb.exists(
            eb
              .selectFrom('sessions as s')
              .select('s.user_id')
              .whereRef('s.user_id', '=', 'u.id')
              .where(sql<boolean>`lower(s.ip) like ${pattern} escape '!'`),
          ),
        ]),
      ),
    )
    .$if(query === '', (qb) => qb.orderBy('u.created_at', 'desc'))
    .orderBy('u.username_key')
    .limit(input.limit)
    .execute()
  return rows.map((r) => ({
    ...r,
    postCount: Number(r.postCount ?? 0),
    lastSeenAt: r.lastSeenAt === null ? null : Number(r.lastSeenAt),
  }))
}

/** The numbers the admin hub shows beside its links. */
export async function countOverview(
  db: Executor,
): Promise<{ pendingReview: number; people: number }> {
  const review = await db
    .selectFrom('review_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  const people = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return { pendingReview: Number(review.n), people: Number(people.n) }
}
