/**
 * The SQL behind the tag admin (tag-admin.actions.ts): creating, renaming, describing, merging and
 * deleting tags, and the old slugs kept in `tag_redirects`. Merging also moves the merged tag's
 * watchers (tag_watches), since a watch on a tag that no longer exists would silently lapse.
 */
import type { Executor } from '../../db/schema.js'

export interface TagRow {
  id: number
  slug: string
  name: string
  description: string
}

export function findTagRow(db: Executor, slug: string): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .select(['id', 'slug', 'name', 'description'])
    .where('slug', '=', slug)
    .executeTakeFirst()
}

/** Another tag (not `exceptId`) whose name is `name` in any case. */
export function findTagByName(
  db: Executor,
  name: string,
  exceptId: number | null,
): Promise<{ slug: string } | undefined> {
  return db
    .selectFrom('tags')
    .select('slug')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .$if(exceptId !== null, (qb) => qb.where('id', '!=', exceptId ?? 0))
    .executeTakeFirst()
}

export async function insertTag(
  db: Executor,
  tag: { slug: string; name: string; description: string },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('tags')
    .values({ ...tag, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateTag(
  db: Executor,
  id: number,
  changes: Partial<{ slug: string; name: string; description: string }>,
): Promise<void> {
  await db.updateTable('tags').set(changes).where('id', '=', id).execute()
}

export async function deleteTagRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('tags').where('id', '=', id).execute()
}

/** Every thread link of a tag, deleted threads included (a deleted thread can be restored). */
export async function countTagLinks(db: Executor, tagId: number): Promise<number> {
  const row = await db
    .selectFrom('thread_tags')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tag_id', '=', tagId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The tag an old slug now points at, by its current slug. */
export async function findTagRedirect(db: Executor, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('tag_redirects as r')
    .innerJoin('tags as g', 'g.id', 'r.tag_id')
    .select('g.slug')
    .where('r.slug', '=', slug)
    .executeTakeFirst()
  return row?.slug
}

/** The old slugs that redirect to a tag, oldest first. */
export async function listTagRedirects(db: Executor, tagId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tag_redirects')
    .select('slug')
    .where('tag_id', '=', tagId)
    .orderBy('created_at')
    .orderBy('slug')
    .execute()
  return rows.map((r) => r.slug)
}

/** Points `slug` at a tag (replacing whatever it pointed at). */
export async function setTagRedirect(
  db: Executor,
  slug: string,
  tagId: number,
  now: number,
): Promise<void> {
  await dropTagRedirect(db, slug)
  await db.insertInto('tag_redirects').values({ slug, tag_id: tagId, created_at: now }).execute()
}

/** A slug a tag now holds is no longer an old slug of anything. */
export async function dropTagRedirect(db: Executor, slug: string): Promise<void> {
  await db.deleteFrom('tag_redirects').where('slug', '=', slug).execute()
}

/**
 * Moves everything of tag `fromId` to tag `intoId`: thread links (a thread carrying both keeps the
 * target's link only), watchers (the target's level wins for someone watching both), and old slugs.
 */
export async function moveTagLinks(db: Executor, fromId: number, intoId: number): Promise<void> {
  await db
    .deleteFrom('thread_tags')
    .where('tag_id', '=', fromId)
    .where('thread_id', 'in', (eb) =>
      eb.selectFrom('thread_tags').select('thread_id').where('tag_id', '=', intoId),
    )
    .execute()
  await db.updateTable('thread_tags').set({ tag_id: intoId }).where('tag_id', '=', fromId).execute()
  await db
    .deleteFrom('tag_watches')
    .where('tag_id', '=', fromId)
    .where('user_id', 'in', (eb) =>
      eb.selectFrom('tag_watches').select('user_id').where('tag_id', '=', intoId),
    )
    .execute()
  await db.updateTable('tag_watches').set({ tag_id: intoId }).where('tag_id', '=', fromId).execute()
  await db
    .updateTable('tag_redirects')
    .set({ tag_id: intoId })
    .where('tag_id', '=', fromId)
    .execute()
}

/** How many tags there are (the admin hub). */
export async function countTags(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('tags')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
