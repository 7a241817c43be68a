/**
 * What a person types in a tags field, as tags: entries separated by commas, each a tag's slug or its
 * name in any case ("Kernel, Network Extension", "kernel, network-extension"); an entry of several
 * words that is no tag's name is read as several tags when every word is one ("kernel usb").
 */
import type { Executor } from '../../db/schema.js'
import { slugify } from '../format/index.js'
import { findTagsByKeys } from './tags.queries.js'

export interface ResolvedTags {
  /** The tags found, in the order typed, each once. */
  tags: { id: number; slug: string; name: string }[]
  /** Entries that name no tag, as typed. */
  unknown: string[]
}

/** The entries of a tags field: split at commas (and semicolons), trimmed, blanks dropped. */
export function tagEntries(raw: string): string[] {
  return raw
    .split(/[,;]/)
    .map((entry) => entry.trim().replace(/\s+/g, ' '))
    .filter((entry) => entry !== '')
}

/** Resolves a tags field against the tags that exist, in one query. */
export async function resolveTagList(db: Executor, raw: string): Promise<ResolvedTags> {
  const entries = tagEntries(raw)
  const keysOf = (entry: string) => {
    const lower = entry.toLowerCase()
    return [lower, slugify(lower)]
  }
  const words = entries.flatMap((e) => (e.includes(' ') ? e.toLowerCase().split(' ') : []))
  const keys = [...new Set([...entries.flatMap(keysOf), ...words])]
  const found = await findTagsByKeys(db, keys)
  const byKey = new Map<string, (typeof found)[number]>()
  for (const tag of found) {
    byKey.set(tag.slug, tag)
    byKey.set(tag.name.toLowerCase(), tag)
  }
  const tags: ResolvedTags['tags'] = []
  const unknown: string[] = []
  const add = (tag: (typeof found)[number]) => {
    if (!tags.some((t) => t.id === tag.id)) tags.push(tag)
  }
  for (const entry of entries) {
    const whole = keysOf(entry)
      .map((k) => byKey.get(k))
      .find((t) => t !== undefined)
    if (whole) {
      add(whole)
      continue
    }
    const parts = entry.includes(' ')
      ? entry
          .toLowerCase()
          .split(' ')
          .map((w) => byKey.get(w))
      : []
    if (parts.length > 0 && parts.every((t) => t !== undefined)) for (const t of parts) add(t)
    else unknown.push(entry)
  }
  return { tags, unknown }
}
