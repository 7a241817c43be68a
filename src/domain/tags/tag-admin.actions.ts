/**
 * What admins do to tags at /admin/tags: create, rename (a new slug, a new name or both), describe,
 * merge one tag into another, and delete an empty one. Each change runs in one transaction with its
 * line in the staff log. A slug a tag leaves behind (rename, merge) goes to `tag_redirects`, so its
 * old address answers 301 with the tag's current one.
 */
import type { Db } from '../../db/schema.js'
import { recordAudit } from '../audit-log/index.js'
import { fail, msg, ok, type Result } from '../shared/index.js'
import {
  countTagLinks,
  deleteTagRow,
  dropTagRedirect,
  findTagByName,
  findTagRow,
  insertTag,
  moveTagLinks,
  setTagRedirect,
  updateTag,
} from './tag-admin.queries.js'
import { refreshTagCounts } from './tags.queries.js'
import type { TagRef } from './tags.types.js'

/** The importer's slug rule (lower-case letters, digits and hyphens) and the fields' lengths. */
export const TAG_LIMITS = {
  slugMax: 40,
  slugPattern: '^[a-z0-9][a-z0-9-]*$',
  nameMax: 60,
  descriptionMax: 500,
} as const

const SLUG_RE = new RegExp(TAG_LIMITS.slugPattern)

function checkSlug(raw: string, field = 'slug'): Result<string> {
  const slug = raw.trim()
  if (slug === '') return fail.invalid(field, msg('Enter a slug, such as network-extension.'))
  if (slug.length > TAG_LIMITS.slugMax || !SLUG_RE.test(slug))
    return fail.invalid(
      field,
      msg(
        'A slug is up to {slugMax} lower-case letters, digits and hyphens, starting with a letter or digit (such as network-extension).',
      ),
      { slugMax: TAG_LIMITS.slugMax },
    )
  return ok(slug)
}

function checkName(raw: string): Result<string> {
  const name = raw.trim().replace(/\s+/g, ' ')
  if (name === '' || name.length > TAG_LIMITS.nameMax)
    return fail.invalid('name', msg('Enter a name of 1 to {nameMax} characters.'), {
      nameMax: TAG_LIMITS.nameMax,
    })
  return ok(name)
}

function checkDescription(raw: string): Result<string> {
  const description = raw.trim()
  if (description.length > TAG_LIMITS.descriptionMax)
    return fail.invalid(
      'description',
      msg('A description is at most {descriptionMax} characters (this one has {length}).'),
      { descriptionMax: TAG_LIMITS.descriptionMax, length: description.length },
    )
  return ok(description)
}

export async function createTag(
  db: Db,
  input: { slug: string; name: string; description: string; actorId: number },
  now = Date.now(),
): Promise<Result<TagRef>> {
  const slug = checkSlug(input.slug)
  if (!slug.ok) return slug
  const name = checkName(input.name)
  if (!name.ok) return name
  const description = checkDescription(input.description)
  if (!description.ok) return description
  return db.transaction().execute(async (trx) => {
    if (await findTagRow(trx, slug.value))
      return fail.invalid('slug', msg('There is already a tag “{slug}”.'), { slug: slug.value })
    const sameName = await findTagByName(trx, name.value, null)
    if (sameName)
      return fail.invalid('name', msg('The tag “{slug}” already has that name.'), {
        slug: sameName.slug,
      })
    const id = await insertTag(
      trx,
      { slug: slug.value, name: name.value, description: description.value },
      now,
    )
    await dropTagRedirect(trx, slug.value) // a real tag wins over an old slug
    await recordAudit(
      trx,
      {
        actorId: input.actorId,
        action: 'tag.create',
        targetType: 'tag',
        targetId: id,
        targetLabel: slug.value,
        after: { slug: slug.value, name: name.value, description: description.value },
      },
      now,
    )
    return ok({ slug: slug.value, name: name.value })
  })
}

/** A new slug, a new name, or both; the old slug then redirects to the new one. */
export async function renameTag(
  db: Db,
  input: { slug: string; newSlug: string; newName: string; actorId: number },
  now = Date.now(),
): Promise<Result<TagRef>> {
  const newSlug = checkSlug(input.newSlug)
  if (!newSlug.ok) return newSlug
  const newName = checkName(input.newName)
  if (!newName.ok) return newName
  return db.transaction().execute(async (trx) => {
    const tag = await findTagRow(trx, input.slug)
    if (!tag) return fail.notFound('tag')
    if (newSlug.value !== tag.slug && (await findTagRow(trx, newSlug.value)))
      return fail.invalid(
        'slug',
        msg('Another tag has the slug “{slug}”: merge this tag into it instead.'),
        { slug: newSlug.value },
      )
    const sameName = await findTagByName(trx, newName.value, tag.id)
    if (sameName)
      return fail.invalid(
        'name',
        msg('The tag “{slug}” already has that name: merge this tag into it instead.'),
        { slug: sameName.slug },
      )
    if (newSlug.value === tag.slug && newName.value === tag.name)
      return ok({ slug: tag.slug, name: tag.name })
    await updateTag(trx, tag.id, { slug: newSlug.value, name: newName.value })
    if (newSlug.value !== tag.slug) {
      await dropTagRedirect(trx, newSlug.value)
      await setTagRedirect(trx, tag.slug, tag.id, now)
    }
    await recordAudit(
      trx,
      {
        actorId: input.actorId,
        action: 'tag.rename',
        targetType: 'tag',
        targetId: tag.id,
        targetLabel: newSlug.value,
        before: { slug: tag.slug, name: tag.name },
        after: { slug: newSlug.value, name: newName.value },
      },
      now,
    )
    return ok({ slug: newSlug.value, name: newName.value })
  })
}

export async function describeTag(
  db: Db,
  input: { slug: string; description: string; actorId: number },
  now = Date.now(),
): Promise<Result<TagRef>> {
  const description = checkDescription(input.description)
  if (!description.ok) return description
  return db.transaction().execute(async (trx) => {
    const tag = await findTagRow(trx, input.slug)
    if (!tag) return fail.notFound('tag')
    if (tag.description !== description.value) {
      await updateTag(trx, tag.id, { description: description.value })
      await recordAudit(
        trx,
        {
          actorId: input.actorId,
          action: 'tag.describe',
          targetType: 'tag',
          targetId: tag.id,
          targetLabel: tag.slug,
          before: tag.description,
          after: description.value,
        },
        now,
      )
    }
    return ok({ slug: tag.slug, name: tag.name })
  })
}

/**
 * Merges tag `slug` into tag `into`: its threads take the other tag (a thread with both keeps one
 * link), its watchers and old slugs move, it is deleted, and its slug redirects to the other tag.
 */
export async function mergeTag(
  db: Db,
  input: { slug: string; into: string; actorId: number },
  now = Date.now(),
): Promise<Result<TagRef & { threadCount: number }>> {
  const intoSlug = checkSlug(input.into, 'into')
  if (!intoSlug.ok) return intoSlug
  return db.transaction().execute(async (trx) => {
    const from = await findTagRow(trx, input.slug)
    if (!from) return fail.notFound('tag')
    const into = await findTagRow(trx, intoSlug.value)
    if (!into)
      return fail.invalid('into', msg('There is no tag “{slug}”.'), { slug: intoSlug.value })
    if (into.id === from.id) return fail.invalid('into', msg('A tag cannot be merged into itself.'))
    const moved = await countTagLinks(trx, from.id)
    await moveTagLinks(trx, from.id, into.id)
    await deleteTagRow(trx, from.id)
    await setTagRedirect(trx, from.slug, into.id, now)
    await refreshTagCounts(trx, [into.id])
    const threadCount = await countTagLinks(trx, into.id)
    await recordAudit(
      trx,
      {
        actorId: input.actorId,
        action: 'tag.merge',
        targetType: 'tag',
        targetId: into.id,
        targetLabel: `${from.slug} → ${into.slug}`,
        before: { slug: from.slug, name: from.name, threads: moved },
        after: { into: into.slug, threads: threadCount },
      },
      now,
    )
    return ok({ slug: into.slug, name: into.name, threadCount })
  })
}

/** Deletes a tag no thread carries (deleted threads count: they can be restored). */
export async function deleteTag(
  db: Db,
  input: { slug: string; actorId: number },
  now = Date.now(),
): Promise<Result<null>> {
  return db.transaction().execute(async (trx) => {
    const tag = await findTagRow(trx, input.slug)
    if (!tag) return fail.notFound('tag')
    const links = await countTagLinks(trx, tag.id)
    if (links > 0)
      return fail.invalid(
        'delete',
        msg(
          '“{slug}” is on {links, plural, one {# thread} other {# threads}}: only a tag on no thread can be deleted. Merge it into another tag instead.',
        ),
        { slug: tag.slug, links },
      )
    await deleteTagRow(trx, tag.id)
    await recordAudit(
      trx,
      {
        actorId: input.actorId,
        action: 'tag.delete',
        targetType: 'tag',
        targetId: tag.id,
        targetLabel: tag.slug,
        before: { slug: tag.slug, name: tag.name, description: tag.description },
      },
      now,
    )
    return ok(null)
  })
}
