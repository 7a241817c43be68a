/** The SQL of trust levels and repeated bodies. */
import type { Executor } from '../../db/schema.js'
import type { TrustLevel } from '../shared/index.js'
import type { TrustFacts } from './trust.policy.js'

/** Who the promotion rules look at: members (not staff), their level, and whether staff fixed it. */
export async function findTrustSubject(db: Executor, userId: number) {
  const row = await db
    .selectFrom('users')
    .select([
      'id',
      'role',
      'trust_level as trustLevel',
      'trust_level_locked as locked',
      'created_at as createdAt',
    ])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row && { ...row, locked: row.locked === 1 }
}

/** The facts {@link earnedLevel} reads, counted in the database. */
export async function loadTrustFacts(
  db: Executor,
  userId: number,
  createdAt: number,
): Promise<TrustFacts> {
  const posts = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('author_id', '=', userId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .executeTakeFirstOrThrow()
  const boosts = await db
    .selectFrom('boosts as b')
    .innerJoin('posts as p', 'p.id', 'b.post_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('p.author_id', '=', userId)
    .where('b.user_id', '!=', userId)
    .executeTakeFirstOrThrow()
  const flags = await db
    .selectFrom('flags as f')
    .innerJoin('posts as p', 'p.id', 'f.post_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('p.author_id', '=', userId)
    .where('f.status', '=', 'agreed')
    .executeTakeFirstOrThrow()
  return {
    createdAt,
    livePosts: Number(posts.n),
    boostsReceived: Number(boosts.n),
    agreedFlags: Number(flags.n),
  }
}

/** Members whose level may rise: not staff, not fixed by staff, below trusted, old enough for `member`. */
export async function listPromotionCandidates(
  db: Executor,
  input: { createdBefore: number; afterId: number; limit: number },
): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'member')
    .where('deleted_at', 'is', null)
    .where('trust_level_locked', '=', 0)
    .where('trust_level', 'in', ['new', 'member'] satisfies TrustLevel[])
    .where('created_at', '<=', input.createdBefore)
    .where('id', '>', input.afterId)
    .orderBy('id')
    .limit(input.limit)
    .execute()
  return rows.map((r) => r.id)
}

/** How many posts the person has written, whatever became of them (their first posts wait for approval). */
export async function countPostsEver(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('author_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** When the person last posted (epoch ms), or undefined. */
export async function findLastPostAt(db: Executor, userId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('author_id', '=', userId)
    .executeTakeFirst()
  return row?.at === null || row?.at === undefined ? undefined : Number(row.at)
}

export async function insertBodyHash(
  db: Executor,
  row: { postId: number; authorId: number; hash: string; createdAt: number },
): Promise<void> {
  await db
    .insertInto('post_body_hashes')
    .values({
      post_id: row.postId,
      author_id: row.authorId,
      hash: row.hash,
      created_at: row.createdAt,
    })
    .execute()
}

/** The authors of other live posts with this body hash since `since`, one row per post. */
export async function listSameBodyAuthors(
  db: Executor,
  input: { hash: string; since: number; exceptPostId: number },
): Promise<{ authorId: number; createdAt: number }[]> {
  const rows = await db
    .selectFrom('post_body_hashes as h')
    .innerJoin('posts as p', 'p.id', 'h.post_id')
    .select(['h.author_id as authorId', 'h.created_at as createdAt'])
    .where('h.hash', '=', input.hash)
    .where('h.created_at', '>=', input.since)
    .where('h.post_id', '!=', input.exceptPostId)
    .where('p.deleted_at', 'is', null)
    .execute()
  return rows.map((r) => ({ authorId: r.authorId, createdAt: Number(r.createdAt) }))
}

/** Forgets body hashes older than `before` (the daily job). */
export async function pruneBodyHashes(db: Executor, before: number): Promise<void> {
  await db.deleteFrom('post_body_hashes').where('created_at', '<', before).execute()
}
